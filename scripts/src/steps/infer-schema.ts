import type { OpenApiSchema } from '../model.js';
import { setOwn } from '../patch/json-pointer.js';

/**
 * Example JSON -> JSON Schema (2020-12, as OpenAPI 3.1 uses). A key is required when every example
 * of that object has it (so clients type `ram_used: number`, not `number | undefined`); objects stay
 * open to fields no example showed. Two examples of one field that disagree on type become a union
 * (`"id": "1"` here and `"id": 1` there), never one of them picked.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
  [key: string]: unknown;
};

/**
 * Where an inferred schema enters the spec. openapi-types splits a schema by its `type` (an array
 * schema must have `items`), which inference, building unions field by field, does not track; what
 * it builds is JSON Schema 2020-12, the dialect of OpenAPI 3.1, and the validate step compiles it.
 */
export function asOpenApiSchema(schema: JsonSchema): OpenApiSchema {
  return schema as OpenApiSchema;
}

export function inferSchema(value: unknown): JsonSchema {
  if (value === null) return { type: 'null' };
  if (Array.isArray(value)) {
    const items = value.map(inferSchema).reduce<JsonSchema | undefined>((a, b) => (a ? mergeSchemas(a, b) : b), undefined);
    return { type: 'array', items: items ?? {} };
  }
  switch (typeof value) {
    case 'string':
      return { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'number':
      return { type: Number.isInteger(value) ? 'integer' : 'number' };
    case 'object': {
      const keys = Object.keys(value as object);
      // `{"9": {...}, "10": {...}}` is keyed by ids: a map to one value type, not fixed required keys
      if (isIdKeyed(keys)) return idMap(Object.values(value as object).map(inferSchema));
      const schema: JsonSchema = { type: 'object', properties: Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, inferSchema(v)])) };
      if (keys.length) schema.required = keys;
      return schema;
    }
    default:
      throw new TypeError(`cannot infer a schema for ${typeof value}`);
  }
}

const isIdKeyed = (keys: string[]) => keys.length > 0 && keys.every((k) => /^\d+$/.test(k));

function idMap(values: JsonSchema[]): JsonSchema {
  const value = values.reduce<JsonSchema | undefined>((a, b) => (a ? mergeSchemas(a, b) : b), undefined) ?? {};
  return { type: 'object', propertyNames: { pattern: '^[0-9]+$' }, additionalProperties: value };
}

const isSchema = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

export function typesOf(schema: JsonSchema): string[] {
  if (schema.type === undefined) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

const TYPE_ORDER = ['object', 'array', 'string', 'integer', 'number', 'boolean', 'null'];

/** The types of two schemas together, in one order; an integer in one and a fraction in the other is just a number. */
export function joinTypes(a: JsonSchema, b: JsonSchema): string[] {
  let types = [...new Set([...typesOf(a), ...typesOf(b)])];
  if (types.includes('number')) types = types.filter((t) => t !== 'integer');
  return types.sort((x, y) => TYPE_ORDER.indexOf(x) - TYPE_ORDER.indexOf(y));
}

/** The keywords inference writes; a schema with any other (a vendor's `enum`, an `anyOf`) is merged as a whole. */
export const INFERRED = new Set(['type', 'properties', 'required', 'items', 'additionalProperties', 'propertyNames']);
const isEmpty = (s: JsonSchema) => Object.keys(s).length === 0;

/**
 * Union of two inferred schemas: types joined, object properties merged, array items merged, a key
 * required only where both require it. `open`: `{}` is a finished schema's "any value" (a field only
 * ever seen null, an empty array's items) and absorbs the other side; without it `{}` is "nothing seen
 * yet" and yields to it. Schemas with keywords inference does not write are kept whole, as `anyOf`.
 */
export function mergeSchemas(a: JsonSchema, b: JsonSchema, open = false): JsonSchema {
  if (isEmpty(a)) return open ? a : b;
  if (isEmpty(b)) return open ? b : a;
  if (JSON.stringify(a) === JSON.stringify(b)) return a;
  if (![a, b].every((s) => Object.keys(s).every((k) => INFERRED.has(k)))) {
    const branches = [a, b].flatMap((s) => (Array.isArray(s.anyOf) && Object.keys(s).length === 1 ? (s.anyOf as JsonSchema[]) : [s]));
    return { anyOf: [...new Map(branches.map((s) => [JSON.stringify(s), s])).values()] };
  }
  const types = joinTypes(a, b);
  const merged: JsonSchema = types.length ? { type: types.length === 1 ? types[0] : types } : {};
  if (a.properties || b.properties) {
    const properties: Record<string, JsonSchema> = { ...(a.properties ?? {}) };
    for (const [key, schema] of Object.entries(b.properties ?? {})) {
      // own keys only: an example's "__proto__" field is a field like any other
      setOwn(properties, key, Object.hasOwn(properties, key) ? mergeSchemas(properties[key]!, schema, open) : schema);
    }
    merged.properties = properties;
    // required only where both sides are objects that both have the key
    const bothObjects = typesOf(a).includes('object') && typesOf(b).includes('object');
    const required = bothObjects ? (a.required ?? []).filter((k) => (b.required ?? []).includes(k)) : [];
    if (required.length) merged.required = required;
  }
  if (a.items || b.items) merged.items = a.items && b.items ? mergeSchemas(a.items, b.items, open) : (a.items ?? b.items);
  const [mapA, mapB] = [a.additionalProperties, b.additionalProperties].map((m) => (isSchema(m) ? m : undefined));
  if (mapA || mapB) {
    merged.additionalProperties = mapA && mapB ? mergeSchemas(mapA, mapB, open) : (mapA ?? mapB);
    merged.propertyNames = a.propertyNames ?? b.propertyNames;
  }
  return merged;
}

/**
 * A field that is `null` in every example says nothing of its type: it becomes `{}`, any value (null
 * among them), never a guessed `string | null`. Run once every example of an entity is pooled, since
 * one example's `null` and another's `"x"` are `string | null` by evidence. Returns how many it opened.
 */
export function openNullOnlyFields(schema: JsonSchema): number {
  let count = 0;
  const visit = (s: JsonSchema): void => {
    const children = [...Object.values(s.properties ?? {}), ...(s.items ? [s.items] : []), ...(isSchema(s.additionalProperties) ? [s.additionalProperties] : []), ...(Array.isArray(s.anyOf) ? (s.anyOf as JsonSchema[]) : [])];
    for (const child of children) {
      if (child.type === 'null' && Object.keys(child).length === 1) {
        delete child.type;
        count++;
      } else visit(child);
    }
  };
  visit(schema);
  return count;
}
