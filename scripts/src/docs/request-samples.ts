import type { JsonSchema } from '../steps/infer-schema.js';

/**
 * The request bodies a docs page's code samples send, read from every language the vendors write them
 * in: curl's JSON (`-d "{...}"`, `POST_DATA="{...}"`), curl's form fields in PHP bracket notation
 * (`items[0][type]=product`), PHP's `'json' => [...]` and Python's `payload = {...}`. Each reader
 * returns undefined for text it cannot read whole (a capture that lost its bracket lines), never a guess.
 */
export interface RequestSample {
  source: 'curl-json' | 'curl-form' | 'php' | 'python';
  value: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function requestSamples(code: string): RequestSample[] {
  const found: RequestSample[] = [];
  const add = (source: RequestSample['source'], value: unknown) => {
    if (isRecord(value)) found.push({ source, value });
  };
  add('curl-json', curlJsonBody(code));
  add('curl-form', curlFormBody(code));
  const php = /'json'\s*=>\s*(\[|array\s*\()/.exec(code);
  if (php) add('php', readLiteral(code, php.index + php[0].length - php[1]!.length, 'php'));
  const python = /^[ \t]*payload[ \t]*=[ \t]*\{/m.exec(code);
  if (python) add('python', readLiteral(code, python.index + python[0].length - 1, 'python'));
  return found;
}

/** The JSON that curl sends, its shell quoting undone; undefined when there is none or it is not JSON. */
export function curlJsonBody(code: string): Record<string, unknown> | undefined {
  const quoted = /(?:^|\s)(?:-d |POST_DATA=)"(\{[\s\S]*?\})"/m.exec(code);
  if (!quoted) return undefined;
  try {
    const value: unknown = JSON.parse(quoted[1]!.replace(/\\(["\\$`])/g, '$1'));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * curl's form fields (`-d 'a=1&items[0][type]=product'`, `-F`, `--data-urlencode`, several of them),
 * nested the way PHP reads them: `a[b][c]=v` is `{a: {b: {c: v}}}`, `a[]=v` appends, and an object whose
 * keys run 0..n-1 is a list (PHP's `json_encode` rule). Digits-only values are numbers, as a JSON client sends them.
 */
function curlFormBody(code: string): Record<string, unknown> | undefined {
  const parts: string[] = [];
  for (const m of code.matchAll(/(?:^|\s)(?:-d|--data(?:-raw|-urlencode)?|-F|--form)\s+(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/g)) {
    const text = (m[1] ?? m[2] ?? '').replace(/\\(["\\$`])/g, '$1');
    if (/^\s*[{[$]/.test(text) || !text.includes('=')) continue;
    parts.push(...text.split('&'));
  }
  for (const m of code.matchAll(/(?:^|\s)POST_DATA=(?:"((?:[^"\\]|\\.)*)"|'([^']*)')/g)) {
    const text = m[1] ?? m[2] ?? '';
    if (!/^\s*[{[]/.test(text) && text.includes('=')) parts.push(...text.trim().split('&'));
  }
  if (parts.length === 0) return undefined;
  const root: Record<string, unknown> = {};
  for (const part of parts) {
    const at = part.indexOf('=');
    if (at <= 0) return undefined;
    const path = bracketPath(decode(part.slice(0, at).trim()));
    if (!path) return undefined;
    const raw = decode(part.slice(at + 1));
    setPath(root, path, /^-?\d+(?:\.\d+)?$/.test(raw) ? Number(raw) : raw);
  }
  return asPhpLists(root) as Record<string, unknown>;
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
};

/** `items[0][type]` -> `['items', '0', 'type']`; `tags[]` -> `['tags', '']`; undefined when not that notation. */
export function bracketPath(name: string): string[] | undefined {
  const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
  if (!m) return undefined;
  return [m[1]!, ...[...m[2]!.matchAll(/\[([^[\]]*)\]/g)].map((s) => s[1]!)];
}

/** own properties only: a field named `__proto__` is a field, never the prototype */
const setOwn = (node: Record<string, unknown>, key: string, value: unknown) => Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });

function setPath(root: Record<string, unknown>, path: string[], value: unknown): void {
  let node = root;
  path.forEach((segment, i) => {
    // `[]` appends: the next free index, as PHP does
    const key = segment === '' ? String(Object.keys(node).length) : segment;
    if (i === path.length - 1) {
      setOwn(node, key, value);
      return;
    }
    if (!Object.hasOwn(node, key) || !isRecord(node[key])) setOwn(node, key, {});
    node = node[key] as Record<string, unknown>;
  });
}

/** PHP's `json_encode`: an array whose keys are exactly 0..n-1 is a list, any other is an object. */
function asPhpLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asPhpLists);
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  const entries = keys.map((k) => [k, asPhpLists(value[k])] as const);
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return entries.map(([, v]) => v);
  const object: Record<string, unknown> = {};
  for (const [k, v] of entries) setOwn(object, k, v);
  return object;
}

type Dialect = 'php' | 'python' | 'json';

/**
 * A PHP array or Python dict/list literal as JSON, from the bracket at `start`. Duplicate keys keep the
 * last, as both languages do. Anything but literals (a variable, a call) makes it unreadable.
 */
export function readLiteral(text: string, start: number, dialect: Dialect): unknown {
  try {
    const reader = new LiteralReader(text, start, dialect);
    return reader.value();
  } catch {
    return undefined;
  }
}

/** A literal's structure before a language's rules make it JSON: duplicate keys survive here. */
export type Literal = { kind: 'scalar'; value: unknown } | { kind: 'list'; items: Literal[] } | { kind: 'map'; entries: Array<[string, Literal]>; php: boolean };

export function readLiteralTree(text: string, start: number, dialect: Dialect): Literal | undefined {
  try {
    return new LiteralReader(text, start, dialect).literal();
  } catch {
    return undefined;
  }
}

class LiteralReader {
  constructor(
    private readonly text: string,
    private at: number,
    private readonly dialect: Dialect,
  ) {}

  value(): unknown {
    return toJson(this.literal());
  }

  literal(): Literal {
    this.space();
    const rest = this.text.slice(this.at);
    if (rest.startsWith('[')) return this.container(']', this.dialect === 'php');
    if (rest.startsWith('{')) return this.container('}', false);
    const arrayCall = /^array\s*\(/.exec(rest);
    if (arrayCall && this.dialect === 'php') {
      this.at += arrayCall[0].length - 1;
      return this.container(')', true);
    }
    return { kind: 'scalar', value: this.scalar() };
  }

  private container(close: string, php: boolean): Literal {
    this.at++; // the opening bracket
    const entries: Array<[string | undefined, Literal]> = [];
    for (;;) {
      this.space();
      if (this.text[this.at] === close) {
        this.at++;
        break;
      }
      const first = this.literal();
      this.space();
      const arrow = this.text.startsWith('=>', this.at) ? 2 : this.text[this.at] === ':' ? 1 : 0;
      if (arrow) {
        this.at += arrow;
        if (first.kind !== 'scalar' || (typeof first.value !== 'string' && typeof first.value !== 'number')) throw new Error('key is not a string or number');
        entries.push([String(first.value), this.literal()]);
      } else {
        entries.push([undefined, first]);
      }
      this.space();
      if (this.text[this.at] === ',') this.at++;
      else if (this.text[this.at] !== close) throw new Error(`expected , or ${close} at ${this.at}`);
    }
    const keyed = entries.filter(([k]) => k !== undefined).length;
    if (keyed === 0 && close !== '}') return { kind: 'list', items: entries.map(([, v]) => v) };
    if (keyed !== entries.length) {
      if (!php) throw new Error('mixed keyed and unkeyed entries');
      // PHP numbers unkeyed entries on from the largest integer key
      let next = 0;
      return {
        kind: 'map',
        php,
        entries: entries.map(([k, v]) => {
          const key = k ?? String(next);
          if (/^\d+$/.test(key)) next = Math.max(next, Number(key) + 1);
          return [key, v];
        }),
      };
    }
    return { kind: 'map', php, entries: entries as Array<[string, Literal]> };
  }

  private scalar(): unknown {
    const rest = this.text.slice(this.at);
    const quote = rest[0];
    if (quote === '"' || quote === "'") {
      let out = '';
      let i = 1;
      for (; i < rest.length && rest[i] !== quote; i++) {
        if (rest[i] === '\\' && i + 1 < rest.length) out += unescape(rest[++i]!, quote);
        else out += rest[i];
      }
      if (i >= rest.length) throw new Error('unterminated string');
      this.at += i + 1;
      return out;
    }
    const number = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(rest);
    if (number) {
      this.at += number[0].length;
      return Number(number[0]);
    }
    const word = /^[A-Za-z_]\w*/.exec(rest);
    const constants: Record<string, unknown> = { true: true, false: false, null: null, True: true, False: false, None: null, TRUE: true, FALSE: false, NULL: null };
    if (word && Object.hasOwn(constants, word[0])) {
      this.at += word[0].length;
      return constants[word[0]];
    }
    throw new Error(`not a literal at ${this.at}`);
  }

  /** whitespace and comments (`// ...`, `# ...` in Python) */
  private space(): void {
    for (;;) {
      const m = /^(?:\s+|\/\/[^\n]*|#[^\n]*)/.exec(this.text.slice(this.at, this.at + 4096));
      if (!m || m[0].length === 0) return;
      this.at += m[0].length;
    }
  }
}

const unescape = (c: string, quote: string) => (c === 'n' && quote === '"' ? '\n' : c === 't' && quote === '"' ? '\t' : c);

function toJson(literal: Literal): unknown {
  if (literal.kind === 'scalar') return literal.value;
  if (literal.kind === 'list') return literal.items.map(toJson);
  const object: Record<string, unknown> = {};
  for (const [k, v] of literal.entries) setOwn(object, k, toJson(v));
  const keys = Object.keys(object);
  if (literal.php && keys.length > 0 && keys.every((k, i) => k === String(i))) return Object.values(object);
  return object;
}

/**
 * `// Format of 'resources' parameter` over a JSON-like block: the vendor's description of a field's
 * shape, its keys and values placeholders (`"resource_id": "qty_value"`). A key repeated, or named as
 * an id (`resource_id`), stands for any id: the object is a map. A placeholder value is any scalar.
 */
export function fieldFormats(code: string): Map<string, JsonSchema> {
  const formats = new Map<string, JsonSchema>();
  for (const m of code.matchAll(/^[ \t]*\/\/[ \t]*Format of[ \t]+'+([\w.-]+)'+[ \t]+par\w*[ \t]*$/gim)) {
    const open = code.indexOf('{', m.index + m[0].length);
    if (open === -1 || code.slice(m.index + m[0].length, open).trim() !== '') continue;
    const tree = readLiteralTree(code, open, 'json');
    if (tree) formats.set(m[1]!, formatSchema(tree));
  }
  return formats;
}

const PLACEHOLDER_SCALAR: JsonSchema = { type: ['string', 'number'] };
const namesAnId = (key: string) => /(?:^|_)id$/i.test(key);

function formatSchema(literal: Literal): JsonSchema {
  if (literal.kind === 'scalar') return typeof literal.value === 'string' ? PLACEHOLDER_SCALAR : { type: typeof literal.value === 'number' ? 'number' : typeof literal.value === 'boolean' ? 'boolean' : 'null' };
  if (literal.kind === 'list') return { type: 'array', items: literal.items.map(formatSchema).reduce<JsonSchema | undefined>((a, b) => (a ? unionOf(a, b) : b), undefined) ?? {} };
  const keys = literal.entries.map(([k]) => k);
  const repeated = new Set(keys).size < keys.length;
  if (repeated || (keys.length > 0 && keys.every(namesAnId))) {
    const values = literal.entries.map(([, v]) => formatSchema(v)).reduce<JsonSchema | undefined>((a, b) => (a ? unionOf(a, b) : b), undefined) ?? {};
    return { type: 'object', additionalProperties: values };
  }
  return { type: 'object', properties: Object.fromEntries(literal.entries.map(([k, v]) => [k, formatSchema(v)])) };
}

/** Two format schemas that differ become `anyOf` (a scalar or a nested map), equal ones stay one. */
function unionOf(a: JsonSchema, b: JsonSchema): JsonSchema {
  const branches = [...(a.anyOf as JsonSchema[] | undefined ?? [a]), ...(b.anyOf as JsonSchema[] | undefined ?? [b])];
  const distinct = [...new Map(branches.map((s) => [JSON.stringify(s), s])).values()];
  return distinct.length === 1 ? distinct[0]! : { anyOf: distinct };
}
