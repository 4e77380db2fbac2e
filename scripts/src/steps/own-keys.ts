import { setOwn } from '../patch/json-pointer.js';

/**
 * A deep copy of a JSON value with every key `from` renamed to `to`, written with setOwn, so a
 * `"__proto__"` key stays data. Conversion tools assign keys with `=`, which drops a `__proto__`
 * key or turns it into a prototype; the converter gets `PROTO_STANDIN` and we rename it back.
 */
export const PROTO_STANDIN = '\u0000__proto__';

export function renameKeys(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((item) => renameKeys(item, from, to));
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) setOwn(copy, key === from ? to : key, renameKeys(item, from, to));
  return copy;
}
