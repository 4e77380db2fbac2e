import type { FieldFacts } from './schema-fields.js';

/**
 * What changed at one place of a request or response, and whether it breaks a client user.
 * Each change either narrows what the place allows (fewer types or values, now required, gone from a
 * request) or widens it (more types or values, now optional, gone from a response), or both. A request
 * is what the client sends: narrowing it breaks the client's calls. A response is what the client reads:
 * widening it breaks the client's reading. Additions of something optional are the only additions.
 */
export type Direction = 'request' | 'response';

export interface FieldChange {
  /** `removed`, `added (optional)`, `now required`, `type widened: integer -> integer|string`, ... */
  what: string;
  breaking: boolean;
  /** something new a client may use (a minor version), as against a compatible change (a patch) */
  addition: boolean;
}

interface Effect {
  what: string;
  narrows: boolean;
  widens: boolean;
  addition?: boolean;
}

export function classifyField(before: FieldFacts | undefined, after: FieldFacts | undefined, direction: Direction): FieldChange[] {
  const effects: Effect[] = [];
  if (before && !after) effects.push({ what: 'removed', narrows: direction === 'request', widens: direction === 'response' });
  else if (!before && after) {
    // a required addition to a request must now be sent; an addition to a response is only more to read
    const mustSend = direction === 'request' && after.required;
    effects.push({ what: mustSend ? 'added, required' : 'added', narrows: mustSend, widens: false, addition: !mustSend });
  } else if (before && after) effects.push(...presence(before, after), ...types(before, after), ...values(before, after));
  return effects.map(({ what, narrows, widens, addition = false }) => {
    const breaking = direction === 'request' ? narrows : widens;
    return { what, breaking, addition: addition && !breaking };
  });
}

function presence(before: FieldFacts, after: FieldFacts): Effect[] {
  if (before.required === after.required) return [];
  return [after.required ? { what: 'now required', narrows: true, widens: false } : { what: 'now optional', narrows: false, widens: true }];
}

/** `integer` is a `number`; no types listed allows any. */
const allows = (types: string[] | undefined, type: string) => types === undefined || types.includes(type) || (type === 'integer' && types.includes('number'));
const typeText = (types: string[] | undefined) => types?.join('|') ?? 'any';

function types(before: FieldFacts, after: FieldFacts): Effect[] {
  const lost = before.types === undefined ? after.types !== undefined : before.types.some((t) => !allows(after.types, t));
  const gained = after.types === undefined ? before.types !== undefined : after.types.some((t) => !allows(before.types, t));
  if (!lost && !gained) return [];
  const how = lost && gained ? 'changed' : lost ? 'narrowed' : 'widened';
  return [{ what: `type ${how}: ${typeText(before.types)} -> ${typeText(after.types)}`, narrows: lost, widens: gained }];
}

function values(before: FieldFacts, after: FieldFacts): Effect[] {
  const key = (v: unknown) => JSON.stringify(v);
  const has = (list: unknown[] | undefined, v: unknown) => list === undefined || list.some((x) => key(x) === key(v));
  if (before.enum === undefined && after.enum === undefined) return [];
  if (after.enum === undefined) return [{ what: 'enum removed: any value allowed', narrows: false, widens: true }];
  if (before.enum === undefined) return [{ what: `enum added: only ${after.enum.map(key).join(', ')}`, narrows: true, widens: false }];
  const removed = before.enum.filter((v) => !has(after.enum, v));
  const added = after.enum.filter((v) => !has(before.enum, v));
  return [
    ...(removed.length ? [{ what: `enum value${removed.length > 1 ? 's' : ''} removed: ${removed.map(key).join(', ')}`, narrows: true, widens: false }] : []),
    ...(added.length ? [{ what: `enum value${added.length > 1 ? 's' : ''} added: ${added.map(key).join(', ')}`, narrows: false, widens: true, addition: true }] : []),
  ];
}
