import { lineColumnAt, PipelineError } from '../errors.js';
import { scanJson } from './json-scan.js';

export interface LenientJsonResult {
  value: unknown;
  /** How many raw control characters inside strings had to be escaped. */
  escapedControlCharacters: number;
}

const CONTROL_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

/**
 * Escapes raw control characters that sit inside JSON strings (the vendors' Swagger files carry raw
 * newlines in descriptions) and leaves everything else byte for byte, so JSON.parse stays the judge.
 */
export function escapeControlCharactersInStrings(text: string): { text: string; count: number } {
  let out = '';
  let count = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      if (ch === '\\') {
        out += ch + (text[i + 1] ?? '');
        i++;
        continue;
      }
      if (ch === '"') inString = false;
      else if (ch.charCodeAt(0) < 0x20) {
        out += CONTROL_ESCAPES[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
        count++;
        continue;
      }
    } else if (ch === '"') inString = true;
    out += ch;
  }
  return { text: out, count };
}

/**
 * Parses vendor JSON that is JSON but for raw control characters in strings; errors name file:line:col
 * and never quote the text. JSON.parse keeps a `"__proto__"` key as an own property, as data.
 */
export function parseLenientJson(text: string, file: string): LenientJsonResult {
  if (text.trim() === '') throw new PipelineError(file, '1:1', 'file is empty, expected JSON');
  const { text: escaped, count } = escapeControlCharactersInStrings(text);
  const found = scanJson(escaped);
  if (found) {
    const where = lineColumnAt(text, originalOffset(text, escaped, found.offset));
    throw new PipelineError(file, where, found.kind === 'depth' ? found.problem : `invalid JSON: ${found.problem}`);
  }
  return { value: JSON.parse(escaped), escapedControlCharacters: count };
}

/** Maps an offset in the escaped text back to the vendor text (each escape added one or more characters). */
function originalOffset(original: string, escaped: string, target: number): number {
  let o = 0;
  let e = 0;
  while (e < target && o < original.length) {
    if (original[o] === escaped[e]) {
      o++;
      e++;
    } else {
      // an escape sequence replaced one control character
      const ch = original[o]!;
      e += (CONTROL_ESCAPES[ch] ?? '\\u0000').length;
      o++;
    }
  }
  return o;
}
