import { classifyField } from './classify-field.js';
import { operationPlaces, operationsOf, type Place } from './spec-places.js';

/** One change a client user may notice, in `METHOD /path`, at a JSON pointer of the spec it is in. */
export interface SpecChange {
  operation: string;
  pointer: string;
  subject: string;
  what: string;
  breaking: boolean;
  addition: boolean;
}

type Json = Record<string, any>;

/** Every added, removed or changed operation, parameter, request body field and response field. */
export function diffSpecs(before: Json, after: Json): SpecChange[] {
  const [old, current] = [operationsOf(before), operationsOf(after)];
  const changes: SpecChange[] = [];
  for (const [operation, { pointer }] of old) {
    if (!current.has(operation)) changes.push({ operation, pointer, subject: 'operation', what: 'removed', breaking: true, addition: false });
  }
  for (const [operation, now] of current) {
    const was = old.get(operation);
    if (!was) {
      changes.push({ operation, pointer: now.pointer, subject: 'operation', what: 'added', breaking: false, addition: true });
      continue;
    }
    changes.push(...diffPlaces(operation, operationPlaces(before, was.pointer, was.operation), operationPlaces(after, now.pointer, now.operation)));
  }
  return changes;
}

function diffPlaces(operation: string, before: Map<string, Place>, after: Map<string, Place>): SpecChange[] {
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  // a field inside an added or removed field is part of that change, not one of its own
  const whole = keys.filter((key) => before.has(key) !== after.has(key));
  const inside = (key: string) => whole.some((outer) => outer !== key && key.startsWith(`${outer}/`));
  return keys
    .filter((key) => !inside(key))
    .flatMap((key) => {
      const place = (after.get(key) ?? before.get(key))!;
      return classifyField(before.get(key)?.facts, after.get(key)?.facts, place.direction).map((change) => ({ operation, pointer: place.pointer, subject: place.subject, ...change }));
    });
}
