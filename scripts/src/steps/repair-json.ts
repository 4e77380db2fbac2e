/**
 * Vendor example JSON is often not JSON: `//` comments, `(...)` placeholders, trailing or missing
 * commas, a doubled outer brace, or (in the stripped docs) no outer braces at all. This module
 * tokenizes the text, fixes exactly those defects, names each fix, and otherwise refuses: what it
 * cannot repair is reported, never guessed.
 */
export type JsonFix =
  | 'json-comment-removed'
  | 'json-placeholder-removed'
  | 'json-trailing-comma-removed'
  | 'json-missing-comma-inserted'
  | 'json-doubled-braces-unwrapped'
  | 'json-outer-braces-restored';

export type RepairJsonResult =
  | { ok: true; value: unknown; fixes: JsonFix[] }
  | { ok: false; reason: string };

type TokenKind = 'string' | 'literal' | 'punct';
interface Token {
  kind: TokenKind;
  text: string;
}

const LITERAL = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/;
const PLACEHOLDER = /^(?:\(\.\.\.\)|\.\.\.|…)/;

export function repairJson(source: string): RepairJsonResult {
  const fixes = new Set<JsonFix>();
  const lexed = tokenize(source, fixes);
  if (typeof lexed === 'string') return { ok: false, reason: lexed };
  if (lexed.length === 0) return { ok: false, reason: 'example is empty' };
  let tokens = removePlaceholderCommas(lexed.tokens, lexed.placeholderAfter, fixes);
  tokens = insertMissingCommas(removeTrailingCommas(tokens, fixes), fixes);
  tokens = unwrapDoubledBraces(tokens, fixes);
  if (tokens[0]!.text !== '{' && tokens[0]!.text !== '[') {
    // The stripped docs lost every line holding only a brace; restore the outer pair only when the
    // fragment is otherwise balanced, i.e. nothing nested was lost with it.
    if (tokens.length > 1 && tokens[1]!.text === ':' && isBalanced(tokens)) {
      tokens = [{ kind: 'punct', text: '{' }, ...tokens, { kind: 'punct', text: '}' }];
      fixes.add('json-outer-braces-restored');
    }
  }
  if (!isBalanced(tokens)) return { ok: false, reason: 'brackets do not balance (lines holding only a brace or bracket are missing)' };
  try {
    const value = JSON.parse(tokens.map((t) => t.text).join(' '));
    return { ok: true, value, fixes: [...fixes].sort() };
  } catch (error) {
    return { ok: false, reason: `not JSON after repair: ${(error as Error).message}` };
  }
}

interface Lexed {
  tokens: Token[];
  /** indexes (into tokens) after which a placeholder stood */
  placeholderAfter: Set<number>;
  length: number;
}

function tokenize(source: string, fixes: Set<JsonFix>): Lexed | string {
  const tokens: Token[] = [];
  const placeholderAfter = new Set<number>();
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"') {
      let j = i + 1;
      let text = '"';
      while (j < source.length && source[j] !== '"') {
        if (source[j] === '\\') {
          text += source[j]! + (source[j + 1] ?? '');
          j += 2;
          continue;
        }
        const code = source.charCodeAt(j);
        text += code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : source[j];
        j++;
      }
      if (j >= source.length) return `unterminated string starting at offset ${i}`;
      tokens.push({ kind: 'string', text: text + '"' });
      i = j + 1;
    } else if ('{}[]:,'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch });
      i++;
    } else if (source.startsWith('//', i) || ch === '#') {
      const end = source.indexOf('\n', i);
      i = end === -1 ? source.length : end;
      fixes.add('json-comment-removed');
    } else if (PLACEHOLDER.test(source.slice(i, i + 5))) {
      placeholderAfter.add(tokens.length - 1);
      i += PLACEHOLDER.exec(source.slice(i, i + 5))![0].length;
      fixes.add('json-placeholder-removed');
    } else {
      const literal = LITERAL.exec(source.slice(i, i + 64));
      if (!literal) return `unexpected character ${JSON.stringify(ch)} at offset ${i}`;
      tokens.push({ kind: 'literal', text: literal[0] });
      i += literal[0].length;
    }
  }
  return { tokens, placeholderAfter, length: tokens.length };
}

/** A placeholder standing for "more items" leaves a dangling comma on one side; drop it. */
function removePlaceholderCommas(tokens: Token[], placeholderAfter: Set<number>, fixes: Set<JsonFix>): Token[] {
  if (placeholderAfter.size === 0) return tokens;
  const out: Token[] = [];
  tokens.forEach((token, index) => {
    out.push(token);
    if (placeholderAfter.has(index) && tokens[index + 1]?.text === ',' && token.text === ',') {
      // `a, (...), b` -> keep one comma
      tokens[index + 1] = { kind: 'punct', text: '' };
      fixes.add('json-placeholder-removed');
    }
  });
  return out.filter((t) => t.text !== '');
}

function removeTrailingCommas(tokens: Token[], fixes: Set<JsonFix>): Token[] {
  return tokens.filter((token, index) => {
    const next = tokens[index + 1]?.text;
    const trailing = token.text === ',' && (next === '}' || next === ']' || next === undefined);
    if (trailing) fixes.add('json-trailing-comma-removed');
    return !trailing;
  });
}

const VALUE_END = (t: Token) => t.kind !== 'punct' || t.text === '}' || t.text === ']';
const VALUE_START = (t: Token) => t.kind !== 'punct' || t.text === '{' || t.text === '[';

function insertMissingCommas(tokens: Token[], fixes: Set<JsonFix>): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const previous = out[out.length - 1];
    if (previous && VALUE_END(previous) && VALUE_START(token)) {
      out.push({ kind: 'punct', text: ',' });
      fixes.add('json-missing-comma-inserted');
    }
    out.push(token);
  }
  return out;
}

/** `{ { ... } }`: an object whose only content is an unnamed object (PIO's `GET /balance`). */
function unwrapDoubledBraces(tokens: Token[], fixes: Set<JsonFix>): Token[] {
  if (tokens.length < 4 || tokens[0]!.text !== '{' || tokens[1]!.text !== '{') return tokens;
  if (matchingClose(tokens, 1) !== tokens.length - 2 || tokens[tokens.length - 1]!.text !== '}') return tokens;
  fixes.add('json-doubled-braces-unwrapped');
  return tokens.slice(1, -1);
}

function matchingClose(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'punct') continue;
    if (t.text === '{' || t.text === '[') depth++;
    else if (t.text === '}' || t.text === ']') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function isBalanced(tokens: Token[]): boolean {
  const stack: string[] = [];
  for (const t of tokens) {
    if (t.kind !== 'punct') continue;
    if (t.text === '{' || t.text === '[') stack.push(t.text === '{' ? '}' : ']');
    else if (t.text === '}' || t.text === ']') {
      if (stack.pop() !== t.text) return false;
    }
  }
  return stack.length === 0;
}
