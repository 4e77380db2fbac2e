import { pointerSegment, resolveRef, schemaFields, type FieldFacts } from './schema-fields.js';
import type { Direction } from './classify-field.js';

/**
 * One operation of a spec as the places a client touches: each parameter, each request body field and
 * each response field, keyed by what it is (so a parameter that moved in the list is the same place),
 * with where it is in the spec (a JSON pointer through `$ref`s, as the schemas read in place).
 */
export interface Place {
  pointer: string;
  /** `parameter query q`, `request body field vm.label`, `response 200 field services[].id` */
  subject: string;
  direction: Direction;
  facts: FieldFacts;
}

type Json = Record<string, any>;
export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** `METHOD /path` -> the operation's pointer, for every operation of a spec. */
export function operationsOf(spec: Json): Map<string, { pointer: string; operation: Json }> {
  const operations = new Map<string, { pointer: string; operation: Json }>();
  for (const [path, item] of Object.entries<Json>(spec.paths ?? {})) {
    for (const method of METHODS) {
      if (item?.[method]) operations.set(`${method.toUpperCase()} ${path}`, { pointer: `#/paths/${pointerSegment(path)}/${method}`, operation: item[method] });
    }
  }
  return operations;
}

/** `/properties/services/items/properties/id` -> `services[].id`; a property may be called `items` too. */
export function fieldName(below: string): string {
  const segments = below.split('/').slice(1);
  let name = '';
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === 'items') name += '[]';
    else if (segments[i] === 'additionalProperties') name += '{*}';
    else if (segments[i] === 'properties') {
      const key = segments[++i]!.replace(/~1/g, '/').replace(/~0/g, '~');
      name += name ? `.${key}` : key;
    }
  }
  return name;
}

export function operationPlaces(spec: Json, pointer: string, operation: Json): Map<string, Place> {
  const places = new Map<string, Place>();
  const add = (key: string, schemaPointer: string, subject: (below: string) => string, direction: Direction, fields: Map<string, FieldFacts>, rootPointer = schemaPointer) => {
    for (const [below, facts] of fields) {
      places.set(`${key}${below}`, { pointer: below ? `${schemaPointer}${below}` : rootPointer, subject: subject(below), direction, facts });
    }
  };
  (operation.parameters ?? []).forEach((ref: unknown, index: number) => {
    const parameter = resolveRef(spec, ref) as Json;
    const name = `parameter ${parameter.in} ${parameter.name}`;
    const at = `${pointer}/parameters/${index}`;
    const required = parameter.required === true || parameter.in === 'path';
    add(name, `${at}/schema`, (below) => (below ? `${name} field ${fieldName(below)}` : name), 'request', schemaFields(spec, parameter.schema ?? {}, required), at);
  });
  const body = resolveRef(spec, operation.requestBody) as Json | undefined;
  for (const [type, media] of Object.entries<Json>(body?.content ?? {})) {
    const at = `${pointer}/requestBody/content/${pointerSegment(type)}/schema`;
    add(`request ${type}`, at, (below) => (below ? `request body field ${fieldName(below)}` : `request body (${type})`), 'request', schemaFields(spec, media.schema ?? {}, body!.required === true));
  }
  for (const [status, ref] of Object.entries<unknown>(operation.responses ?? {})) {
    const response = resolveRef(spec, ref) as Json;
    for (const [type, media] of Object.entries<Json>(response?.content ?? {})) {
      const at = `${pointer}/responses/${status}/content/${pointerSegment(type)}/schema`;
      add(`response ${status} ${type}`, at, (below) => (below ? `response ${status} field ${fieldName(below)}` : `response ${status} body (${type})`), 'response', schemaFields(spec, media.schema ?? {}, true));
    }
  }
  return places;
}
