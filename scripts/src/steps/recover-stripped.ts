/**
 * A docs capture that lost every line holding only a bracket (`{`, `},`, `]`) keeps an example's
 * key/value lines and nothing of their nesting. This module rebuilds the nesting where the lines
 * allow one reading only, and otherwise says why not. What decides, in order:
 *   - JSON itself: a key sits in an object and never twice in one, an item sits in an array;
 *   - indentation, where the capture kept it, and any bracket lines it kept;
 *   - a complete example of the same operation from another source (a template): a key goes where
 *     the template has it;
 *   - commas: a line ending in `,` is followed by its sibling, one without by the end of its container;
 *   - records of one list begin with the same key, so that key again starts the next record.
 * Every reading that survives is followed to the end; two that both reach it make the fragment
 * ambiguous (reported with the first line where they part), never a guess. Values are never changed:
 * each scalar is parsed from its line as written.
 */
import { escapeControlCharactersInStrings } from '../read/lenient-json.js';

export type RecoverResult =
  | { ok: true; value: unknown; /** brackets put back */ restored: number; /** lines a template placed */ templated: number; /** containers whose content the capture lost */ emptied: number }
  | { ok: false; reason: string };

type Line =
  | { n: number; indent: number; comma: boolean; kind: 'member'; key: string; value: unknown }
  | { n: number; indent: number; comma: boolean; kind: 'open'; key: string | undefined; open: '{' | '[' }
  | { n: number; indent: number; comma: boolean; kind: 'item'; value: unknown }
  | { n: number; indent: number; comma: boolean; kind: 'close'; close: '}' | ']' };

interface Frame {
  kind: '{' | '[';
  /** `invoice.items[]`: where the container sits, ids as `#`, for templates */
  path: string;
  keys: ReadonlySet<string>;
  /** arrays: the first key of the last object element (records of a list start alike) */
  recordFirstKey: string | undefined;
  /** objects: the key of its first member */
  firstKey: string | undefined;
  /** a container opened on a line of its own: it closes only on a line of its own */
  explicit: boolean;
  /** nothing was put in it yet */
  empty: boolean;
}

/** What one line does after `close` lost closers: maybe an element opener put back, then the line itself. */
interface Step {
  close: number;
  element: boolean;
  templated: boolean;
  /** the template knows the container the line went into, and not the line there */
  miss: boolean;
}

const KEY = /^"((?:[^"\\]|\\.)*)"\s*:\s*/;
/** Bounds on the work: placements tried, and lines (the search recurses once per line). */
const SEARCH_BUDGET = 100_000;
const MAX_LINES = 1_000;

/** Paths a complete example has (`a.b[].c`), numeric keys as `#` since ids differ between examples. */
export function templatePaths(value: unknown, path = '', into = new Set<string>()): Set<string> {
  into.add(path);
  if (Array.isArray(value)) value.forEach((v) => templatePaths(v, `${path}[]`, into));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) templatePaths(v, join(path, k), into);
  return into;
}

const join = (path: string, key: string) => `${path}${path === '' || path.endsWith('[]') ? (path === '' ? '' : '.') : '.'}${/^\d+$/.test(key) ? '#' : key}`;

/**
 * Rebuilds a stripped example from its lines; `templates` are complete examples of the same
 * operation from other sources. Refuses what is not a stripped fragment (a balanced text is JSON's
 * to judge) and what more than one nesting explains.
 */
export function recoverStrippedJson(text: string, templates: readonly unknown[] = []): RecoverResult {
  const lines = readLines(text);
  if (typeof lines === 'string') return { ok: false, reason: lines };
  if (lines.length === 0) return { ok: false, reason: 'example is empty' };
  if (lines.length > MAX_LINES) return { ok: false, reason: `more than ${MAX_LINES} lines: too long to rebuild` };
  const paths = new Set<string>();
  for (const t of templates) templatePaths(t, '', paths);
  const topArray = templates.length > 0 && templates.every(Array.isArray);
  const indentUnit = Math.min(...lines.map((l) => l.indent).filter((i) => i > 0));
  const base = lines[0]!.indent;
  const useIndent = Number.isFinite(indentUnit);

  const first = lines[0]!;
  const root: Frame[] =
    first.kind === 'open' && first.key === undefined
      ? []
      : [{ kind: first.kind === 'item' || topArray ? '[' : '{', path: '', keys: new Set(), recordFirstKey: undefined, firstKey: undefined, explicit: false, empty: true }];
  const plans: Step[][] = [];
  const MAX_PLANS = 32;
  let budget = SEARCH_BUDGET;
  let deadEnd = { line: 0, why: '' };

  const search = (at: number, stack: Frame[], plan: Step[], firstDepth: number): void => {
    if (plans.length >= MAX_PLANS || budget < 0) return;
    if (at === lines.length) {
      if (stack.every((f) => !f.explicit)) plans.push(plan);
      else if (deadEnd.line <= at) deadEnd = { line: lines[at - 1]!.n, why: 'a bracket the capture kept is never closed' };
      return;
    }
    const line = lines[at]!;
    const previous = lines[at - 1];
    const candidates: Array<{ step: Step; next: Frame[]; depth: number; score: number[] }> = [];
    // a kept bracket closes only on its own line: no lost closer reaches past it
    let closable = 0;
    while (closable < stack.length && !stack[stack.length - 1 - closable]!.explicit) closable++;
    for (let close = 0; close <= closable; close++) {
      for (const element of [false, true]) {
        if (--budget < 0) return;
        const next = enter(stack.slice(0, stack.length - close), line, element);
        if (typeof next === 'string') continue;
        // where the capture kept indentation, a line's indent says its depth (relative to the first line's)
        if (useIndent && at > 0 && line.indent - base !== indentUnit * (next.depth - firstDepth)) continue;
        const templated = paths.size > 0 && next.path !== undefined && paths.has(next.path);
        const miss = !templated && next.container !== undefined && paths.has(next.container);
        const closers = close + (line.kind === 'close' ? 1 : 0);
        // a pretty-printed empty container is `[]` on its line, so an opening line is followed by its content
        const sibling = previous !== undefined && (previous.kind === 'open' || previous.comma);
        const commaAgrees = previous === undefined || (sibling ? closers === 0 : closers > 0) ? 1 : 0;
        const target = stack[stack.length - close - 1];
        const sameRecord = element && line.kind === 'member' && target?.recordFirstKey !== undefined ? (target.recordFirstKey === line.key ? 2 : 0) : 1;
        candidates.push({ step: { close, element, templated, miss }, next: next.stack, depth: next.depth, score: [templated ? 1 : 0, commaAgrees, sameRecord] });
      }
    }
    if (candidates.length === 0 && deadEnd.line <= line.n) deadEnd = { line: line.n, why: `no nesting lets ${describe(line)} follow what came before` };
    // each rule narrows only among readings the earlier ones left, and only when some reading passes it
    let left = candidates;
    for (let rule = 0; rule < 3; rule++) {
      const best = Math.max(...left.map((c) => c.score[rule]!));
      left = left.filter((c) => c.score[rule] === best);
    }
    for (const c of left) search(at + 1, c.next, [...plan, c.step], at === 0 ? c.depth : firstDepth);
  };
  search(0, root, [], 0);

  if (budget < 0 || plans.length >= MAX_PLANS) return { ok: false, reason: 'too many ways to nest the lines to tell them apart' };
  if (plans.length === 0) return { ok: false, reason: `line ${deadEnd.line}: ${deadEnd.why}` };
  // of the readings that reach the end, those that put fewest lines where a template has none
  const misses = (plan: Step[]) => plan.filter((s) => s.miss).length;
  const fewest = Math.min(...plans.map(misses));
  const best = plans.filter((p) => misses(p) === fewest);
  if (best.length > 1) {
    const [a, b] = best as [Step[], Step[]];
    const parts = a.findIndex((s, i) => s.close !== b[i]!.close || s.element !== b[i]!.element);
    return { ok: false, reason: `ambiguous nesting: ${describe(lines[parts]!)} (line ${lines[parts]!.n}) fits in more than one place, and no complete example of the operation says which` };
  }
  return build(lines, best[0]!, root);
}

function describe(line: Line): string {
  if (line.kind === 'member' || (line.kind === 'open' && line.key !== undefined)) return `"${line.key}"`;
  if (line.kind === 'close') return `"${line.close}"`;
  return 'an item';
}

/** The stack after `line` enters the container on top (or a new element of it); a string says why it cannot. */
function enter(stack: Frame[], line: Line, element: boolean): { stack: Frame[]; depth: number; path: string | undefined; container?: string } | string {
  let top = stack[stack.length - 1];
  if (!top) return line.kind === 'open' && line.key === undefined && !element ? { stack: [frame(line.open, '', true)], depth: 0, path: '' } : 'the example is closed already';
  const next = stack.slice();
  if (element) {
    // a lost `{` opening the next record of a list: only before a key, only inside an array
    if (top.kind !== '[' || line.kind !== 'member' && !(line.kind === 'open' && line.key !== undefined)) return 'no element opens here';
    const record = frame('{', `${top.path}[]`, false);
    next[next.length - 1] = { ...top, empty: false, recordFirstKey: line.key };
    next.push(record);
    top = record;
  }
  const replaceTop = (f: Frame) => (next[next.length - 1] = f);
  switch (line.kind) {
    case 'close':
      if ((top.kind === '{' ? '}' : ']') !== line.close || !top.explicit || element) return 'the bracket kept does not close this container';
      next.pop();
      return { stack: next, depth: next.length, path: undefined };
    case 'item':
      if (top.kind !== '[') return 'an item outside an array';
      replaceTop({ ...top, empty: false });
      return { stack: next, depth: next.length, path: `${top.path}[]`, container: top.path };
    case 'member':
    case 'open': {
      if (line.kind === 'open' && line.key === undefined) {
        if (top.kind !== '[') return 'a bare bracket inside an object';
        replaceTop({ ...top, empty: false, recordFirstKey: undefined });
        next.push(frame(line.open, `${top.path}[]`, true));
        return { stack: next, depth: next.length - 1, path: `${top.path}[]` };
      }
      const key = line.key!;
      if (top.kind !== '{' || top.keys.has(key)) return 'a key outside an object, or twice in one';
      replaceTop({ ...top, empty: false, keys: new Set([...top.keys, key]), firstKey: top.firstKey ?? key });
      const path = join(top.path, key);
      if (line.kind === 'open') next.push(frame(line.open, path, false));
      return { stack: next, depth: line.kind === 'open' ? next.length - 1 : next.length, path, container: top.path };
    }
  }
}

const frame = (kind: '{' | '[', path: string, explicit: boolean): Frame => ({ kind, path, keys: new Set(), recordFirstKey: undefined, firstKey: undefined, explicit, empty: true });

/** Replays the one plan, now with values. */
function build(lines: Line[], plan: Step[], root: Frame[]): RecoverResult {
  type Open = { value: Record<string, unknown> | unknown[]; kind: '{' | '[' };
  const top: Open | undefined = root.length ? { value: root[0]!.kind === '{' ? {} : [], kind: root[0]!.kind } : undefined;
  const stack: Open[] = top ? [top] : [];
  let result: unknown = top?.value;
  let restored = top ? 2 : 0;
  let emptied = 0;
  let filled = true;
  const put = (value: unknown, key: string | undefined) => {
    const parent = stack[stack.length - 1]!;
    if (Array.isArray(parent.value)) parent.value.push(value);
    else Object.defineProperty(parent.value, key!, { value, enumerable: true, writable: true, configurable: true });
  };
  const open = (kind: '{' | '[', key: string | undefined) => {
    const value = kind === '{' ? {} : [];
    if (stack.length) put(value, key);
    else result = value;
    stack.push({ value, kind });
    filled = false;
  };
  plan.forEach((step, i) => {
    const line = lines[i]!;
    for (let c = 0; c < step.close; c++) {
      if (!filled) emptied++;
      stack.pop();
      restored++;
      filled = true;
    }
    if (step.element) {
      open('{', undefined);
      restored++;
    }
    filled = true;
    if (line.kind === 'member') put(line.value, line.key);
    else if (line.kind === 'item') put(line.value, undefined);
    else if (line.kind === 'open') open(line.open, line.key);
    else stack.pop();
  });
  if (!filled) emptied++;
  // what is still open closes at the end; the root's pair was counted when it was put back
  restored += Math.max(0, stack.length - (top ? 1 : 0));
  return { ok: true, value: result, restored, templated: plan.filter((s) => s.templated).length, emptied };
}

/** Each line of the fragment as one JSON event; a string says which line is none. */
function readLines(text: string): Line[] | string {
  const raw = text.split('\n');
  const lines: Line[] = [];
  let hasBracketLine = false;
  for (let i = 0; i < raw.length; i++) {
    const source = raw[i]!.replace(/\r$/, '');
    if (source.trim() === '') continue;
    const n = i + 1;
    const indent = /^[ \t]*/.exec(source)![0].length;
    const keyMatch = KEY.exec(source.trim());
    let rest = keyMatch ? source.trim().slice(keyMatch[0].length) : source.trim();
    // a string value that runs on over raw line breaks ends on a later line, or was cut off by the capture
    while (rest.startsWith('"') && !closesString(withoutNote(rest))) {
      const more = raw[i + 1];
      if (more === undefined || KEY.test(more.trim())) return `line ${n}: a string value's end was lost`;
      rest += `\n${more}`;
      i++;
    }
    rest = withoutNote(rest).trim();
    const comma = rest.endsWith(',');
    if (comma) rest = rest.slice(0, -1).trimEnd();
    const key = keyMatch ? (JSON.parse(`"${keyMatch[1]}"`) as string) : undefined;
    if (rest === '{' || rest === '[') {
      lines.push({ n, indent, comma, kind: 'open', key, open: rest });
      if (key === undefined) hasBracketLine = true;
      continue;
    }
    if (key === undefined && (rest === '}' || rest === ']')) {
      lines.push({ n, indent, comma, kind: 'close', close: rest });
      hasBracketLine = true;
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(escapeControlCharactersInStrings(rest).text);
    } catch {
      return `line ${n}: neither a key/value line nor a value`;
    }
    lines.push(key === undefined ? { n, indent, comma, kind: 'item', value } : { n, indent, comma, kind: 'member', key, value });
  }
  if (hasBracketLine && isBalancedText(text)) return 'the brackets are all there: not a stripped fragment';
  return lines;
}

/** `"abc", // note` -> `"abc",`: a note after a value, outside strings. */
function withoutNote(text: string): string {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '/' && text[i + 1] === '/') return text.slice(0, i);
  }
  return text;
}

/** The text holds no unterminated string. */
function closesString(text: string): boolean {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    if (inString && text[i] === '\\') i++;
    else if (text[i] === '"') inString = !inString;
  }
  return !inString;
}

function isBalancedText(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
  }
  return depth === 0;
}
