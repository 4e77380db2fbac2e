/**
 * RFC 6901 JSON pointers over own properties only: a pointer can name a key of the document, never
 * something an object inherits, so `/__proto__/x` cannot reach Object.prototype.
 */
export type JsonContainer = Record<string, unknown> | unknown[];

/** Segments that name a prototype in JavaScript rather than data; refused in every patch path. */
export const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** `/a~1b/c~0d` -> `['a/b', 'c~d']`; `''` (the whole document) -> `[]`; a problem as a string. */
export function parsePointer(pointer: string): string[] | string {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return 'a JSON pointer starts with "/"';
  if (/~(?![01])/.test(pointer)) return '"~" must be written "~0" and "/" inside a key "~1"';
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export const isContainer = (value: unknown): value is JsonContainer => typeof value === 'object' && value !== null;

/** An array index as RFC 6901 spells it: digits, no leading zero; -1 if the token is not one. */
export function arrayIndex(token: string): number {
  return /^(?:0|[1-9]\d*)$/.test(token) ? Number(token) : -1;
}

/** Whether `container` holds `token` itself (an own key, or an index inside the array). */
export function hasMember(container: JsonContainer, token: string): boolean {
  if (Array.isArray(container)) {
    const index = arrayIndex(token);
    return index >= 0 && index < container.length;
  }
  return Object.hasOwn(container, token);
}

export function getMember(container: JsonContainer, token: string): unknown {
  return hasMember(container, token) ? (container as Record<string, unknown>)[token] : undefined;
}

/** Sets an own, enumerable data property even for a key such as `__proto__`, which `=` would not. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
