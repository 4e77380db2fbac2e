import { componentName, forEachOperation, inline, operationKey, type OpenApi } from '../model.js';
import { inferSchema, mergeSchemas, openNullOnlyFields, typesOf, type JsonSchema } from './infer-schema.js';

/**
 * What a provider's records show of each entity, for other providers to pool by. An entity component
 * may hold the vendor's word (a schema declaring no `required`, `type: [string, null]`), which says
 * nothing of what its records lack or hold; so every answer value the provider showed (`answers`, by
 * `METHOD /path`: its examples, its docs', its traffic) is walked along the answer's schema to each place
 * that refers to an entity, and the entity is inferred from those values alone, as the pooling rule
 * infers its own. A field only ever `null` says nothing of its type (`{}`), as in the component.
 */
export function entityRecords(spec: OpenApi, entities: ReadonlySet<string>, answers: ReadonlyMap<string, readonly unknown[]>): Record<string, JsonSchema> {
  const schemas = (spec.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const found = new Map<string, JsonSchema>();
  const resolved = (schema: unknown, hops = 0): unknown => {
    const name = componentName(schema);
    return name === undefined || hops > MAX_HOPS ? schema : resolved(schemas[name], hops + 1);
  };
  const visit = (schema: unknown, value: unknown, refs = new Set<string>()): void => {
    const name = componentName(schema);
    if (name !== undefined) {
      if (refs.has(name)) return;
      if (entities.has(name)) found.set(name, found.has(name) ? mergeSchemas(found.get(name)!, inferSchema(value)) : inferSchema(value));
      return visit(schemas[name], value, new Set(refs).add(name));
    }
    if (!isObject(schema)) return;
    // one record or a list of them: a value is a record of the branch of its own kind
    if (Array.isArray(schema.anyOf)) {
      for (const branch of schema.anyOf) if (Array.isArray(value) === typesOf(asSchema(resolved(branch))).includes('array')) visit(branch, value, refs);
      return;
    }
    if (Array.isArray(value)) return value.forEach((item) => visit(schema.items, item));
    if (!isObject(value)) return;
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    for (const [key, item] of Object.entries(value)) visit(Object.hasOwn(properties, key) ? properties[key] : schema.additionalProperties, item);
  };
  forEachOperation(spec, (operation, method, path) => {
    const media = inline(operation.responses?.['200'])?.content?.['application/json'];
    for (const value of answers.get(operationKey(method, path)) ?? []) visit(media?.schema, value);
  });
  for (const record of found.values()) openNullOnlyFields({ properties: { record } });
  return Object.fromEntries([...found].sort(([a], [b]) => a.localeCompare(b)));
}

const isObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);
const asSchema = (value: unknown): JsonSchema => (isObject(value) ? value : {});
/** `$ref` to `$ref`: a chain longer than this is a loop */
const MAX_HOPS = 16;
