/**
 * A strict JSON (RFC 8259) checker that runs before JSON.parse: it names the first error's offset
 * and what was expected there (Node 20's JSON.parse often names no position, and its message quotes
 * the text), and refuses nesting deeper than `maxDepth`, because every later step (deep copies,
 * patching, validation) recurses and would end in a RangeError stack. It is iterative, so no input
 * can overflow the checker itself.
 */
export const MAX_JSON_DEPTH = 256;

export interface JsonProblem {
  offset: number;
  problem: string;
  kind: 'syntax' | 'depth';
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

export function scanJson(text: string, maxDepth = MAX_JSON_DEPTH): JsonProblem | undefined {
  let i = 0;
  // each open container: '}' or ']'
  const stack: string[] = [];
  const fail = (problem: string, kind: JsonProblem['kind'] = 'syntax'): JsonProblem => ({ offset: i, problem, kind });
  const skipWhitespace = () => {
    while (i < text.length && WHITESPACE.has(text[i]!)) i++;
  };
  const string = (): JsonProblem | undefined => {
    i++; // the opening quote
    for (;;) {
      if (i >= text.length) return fail('unterminated string');
      const ch = text[i]!;
      if (ch === '"') break;
      if (ch.charCodeAt(0) < 0x20) return fail('raw control character in a string');
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(text)) return fail('invalid \\u escape: expected 4 hex digits');
          i += 6;
          continue;
        }
        if (next === undefined || !ESCAPES.has(next)) return fail(`invalid escape \\${next ?? ''} in a string`);
        i += 2;
        continue;
      }
      i++;
    }
    i++;
    return undefined;
  };
  /** Reads one scalar, or opens a container whose members the main loop then reads. */
  const value = (): JsonProblem | 'opened' | 'scalar' => {
    skipWhitespace();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      if (stack.length >= maxDepth) return fail(`JSON nested deeper than ${maxDepth} levels`, 'depth');
      stack.push(ch === '{' ? '}' : ']');
      i++;
      return 'opened';
    }
    if (ch === '"') return string() ?? 'scalar';
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return 'scalar';
      }
    }
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match) return fail(i >= text.length ? 'unexpected end of the file, expected a value' : 'expected a value (string, number, object, array, true, false or null)');
    i += match[0].length;
    return 'scalar';
  };
  /** After '{' or ',' inside an object: a key and its colon. */
  const key = (): JsonProblem | undefined => {
    skipWhitespace();
    if (text[i] !== '"') return fail('expected a property name in double quotes');
    const problem = string();
    if (problem) return problem;
    skipWhitespace();
    if (text[i] !== ':') return fail("expected ':' after a property name");
    i++;
    return undefined;
  };

  // a loop instead of recursion: `expectValue` says whether a value comes next or ',' / a close
  let expectValue = true;
  for (;;) {
    if (expectValue) {
      const read = value();
      if (typeof read === 'object') return read;
      if (read === 'opened') {
        skipWhitespace();
        if (text[i] === stack.at(-1)) {
          // an empty container is a finished value
          stack.pop();
          i++;
        } else {
          const problem = stack.at(-1) === '}' ? key() : undefined;
          if (problem) return problem;
          continue;
        }
      }
      expectValue = false;
    }
    skipWhitespace();
    const close = stack.at(-1);
    if (close === undefined) return i < text.length ? fail('unexpected text after the JSON value') : undefined;
    if (text[i] === ',') {
      i++;
      const problem = close === '}' ? key() : undefined;
      if (problem) return problem;
      expectValue = true;
    } else if (text[i] === close) {
      stack.pop();
      i++;
    } else {
      return fail(i >= text.length ? `unexpected end of the file, expected ',' or '${close}'` : close === '}' ? "expected ',' or '}' after a property value" : "expected ',' or ']' after an array element");
    }
  }
}
