import { parseLenientJson } from './lenient-json.js';
import { parseYaml } from './yaml-source.js';

export interface StructuredSource {
  value: unknown;
  format: 'json' | 'yaml';
  /** raw control characters escaped inside JSON strings (YAML has none to escape) */
  escapedControlCharacters: number;
}

/** A JSON document starts with `{`; anything else structured is YAML (a superset, but far stricter to report). */
export function isJsonText(text: string): boolean {
  return text.replace(/^\uFEFF/, '').trimStart().startsWith('{');
}

/** A Swagger or OpenAPI source, JSON or YAML: the vendor's lenient JSON reader, or the bounded YAML one. */
export function parseStructuredSource(text: string, file: string): StructuredSource {
  if (isJsonText(text)) {
    const { value, escapedControlCharacters } = parseLenientJson(text.replace(/^\uFEFF/, ''), file);
    return { value, format: 'json', escapedControlCharacters };
  }
  return { value: parseYaml(text, file), format: 'yaml', escapedControlCharacters: 0 };
}
