import { componentName, forEachOperation, inline, operationKey, type OpenApi, type PipelineContext } from '../model.js';
import { mergeSchemas, openNullOnlyFields, type JsonSchema } from '../steps/infer-schema.js';
import { hasIdKey, isItemPath, pathEntity, topResources, wrapperEntity } from './entity-names.js';
import { pascalCase } from './naming.js';
import type { Rule } from './types.js';

/**
 * One named component per entity, built from every record of it the answers show. Each operation's
 * schema was inferred from its own example, so `GET /service/{id}` required `password` that the
 * service list's records omit. Records are found by the wrapper key that holds them (`service`,
 * `invoices`) or, for a GET answering the record itself, by the path's resource (entity-names.ts);
 * all records of one entity are merged (a key required only where every record has it; a field
 * `"5"` here and `5` there is `string | integer`) into `components.schemas.<Entity>`, and every place
 * refers to it. Then fields only ever `null` are opened, and answers of the same shape under
 * different names (eight `{ task_id }` answers) share one component.
 */
export const poolResponseEntities: Rule = {
  name: 'pool-response-entities',
  apply(spec, { log }) {
    const schemas = ((spec.components ??= {}).schemas ??= {}) as Record<string, JsonSchema>;
    const resources = topResources(Object.keys(spec.paths ?? {}));
    const replaced = new Set<string>();
    const entities = new Set<string>();
    // records inside an answer first, then answers that are a record holding them (a server and its components)
    for (const outer of [false, true]) {
      const slots = new Map<string, Slot[]>();
      forEachOperation(spec, (operation, method, path) => {
        const media = inline(operation.responses?.['200'])?.content?.['application/json'];
        if (!media?.schema) return;
        for (const slot of recordSlots(schemas, media as unknown as Holder, method, path, resources, outer, entities)) {
          slots.set(slot.entity, [...(slots.get(slot.entity) ?? []), { ...slot, operation: operationKey(method, path) }]);
        }
      });
      for (const [entity, found] of [...slots].sort(([a], [b]) => a.localeCompare(b))) {
        entities.add(pool(schemas, entity, found, replaced, log));
      }
    }
    removeUnreferenced(spec, schemas, replaced);
    for (const [name, schema] of Object.entries(schemas)) {
      const opened = openNullOnlyFields(schema);
      if (opened) log.add('null-only-field-open', `#/components/schemas/${name}`, `${opened} field(s) only ever null: any value`);
    }
    shareIdenticalAnswers(spec, schemas, entities, log);
    return spec;
  },
};

type Holder = Record<string, unknown>;
interface Slot {
  entity: string;
  /** the object or array whose `key` holds the record schema (inline, or a `$ref` to a record component) */
  holder: Holder;
  key: string;
  operation: string;
}

/** Merges one entity's records into its component, points every place at it, and returns the component's name. */
function pool(schemas: Record<string, JsonSchema>, entity: string, found: Slot[], replaced: Set<string>, log: PipelineContext['log']): string {
  const existing = Object.hasOwn(schemas, entity) ? schemas[entity]! : undefined;
  // a name another schema holds (`Error`) is not this entity's; the entity takes a longer one
  const name = existing && !isRecord(existing) ? `${entity}Record` : entity;
  const records = found.map((slot) => {
    const held = slot.holder[slot.key] as JsonSchema;
    const target = componentName(held);
    if (target) replaced.add(target);
    return target ? schemas[target]! : held;
  });
  let merged = records.reduce((a, b) => mergeSchemas(a, b));
  // a component already there (the union's, from the providers it unites) is finished: its `{}` stays open
  if (Object.hasOwn(schemas, name) && isRecord(schemas[name]!) && !records.includes(schemas[name]!)) merged = mergeSchemas(schemas[name]!, merged, true);
  schemas[name] = merged;
  replaced.delete(name);
  for (const slot of found) slot.holder[slot.key] = { $ref: `${REF}${name}` };
  log.add('response-entity-pooled', `${REF}${name}`, [...new Set(found.map((s) => s.operation))].join(', '));
  return name;
}

const isObject = (value: unknown): value is Holder => typeof value === 'object' && value !== null && !Array.isArray(value);
const REF = '#/components/schemas/';

/** An object schema with named properties, as inference writes a record (not a map, not a union). */
function isRecord(schema: unknown): schema is JsonSchema {
  return isObject(schema) && schema.type === 'object' && isObject(schema.properties) && Object.keys(schema.properties).length > 0 && !('anyOf' in schema) && !('$ref' in schema);
}

/** Where the records of one answer schema sit: each place, with the entity it holds. */
function recordSlots(schemas: Record<string, JsonSchema>, media: Holder, method: string, path: string, resources: ReadonlySet<string>, outer: boolean, known: Set<string>): Array<Omit<Slot, 'operation'>> {
  const resolved = (schema: unknown) => {
    const name = componentName(schema);
    return name ? schemas[name] : schema;
  };
  const own = pathEntity(method, path);
  // an inline record, or one whose component is not yet the entity's own
  const slot = (entity: string | undefined, holder: Holder, key: string) => {
    if (!entity || !isRecord(resolved(holder[key]))) return [];
    const target = componentName(holder[key]);
    // already the entity's (the union re-runs the rules on what its providers pooled): known, not pooled again
    if (target === entity || target === `${entity}Record`) {
      known.add(target);
      return [];
    }
    return [{ entity, holder, key }];
  };
  const root = resolved(media.schema);
  if (!isObject(root)) return [];
  if (Array.isArray(root.anyOf)) {
    // one record or a list of them (prose and example disagree): both branches are the path's entity
    return (root.anyOf as Holder[]).flatMap((branch, i) => (isObject(branch) && branch.type === 'array' ? slot(own, branch, 'items') : slot(own, root.anyOf as unknown as Holder, String(i))));
  }
  if (root.type === 'array') return slot(own, root, 'items');
  if (!isRecord(root)) return [];
  const properties = root.properties as Record<string, Holder>;
  const wrappers = Object.entries(properties).filter(([, schema]) => isRecord(resolved(schema)) || (isObject(schema) && schema.type === 'array' && isRecord(resolved(schema.items))));
  const isOwnRecord = isItemPath(path) || hasIdKey(Object.keys(properties));
  if (wrappers.length === 0) return isOwnRecord ? slot(own, media, 'schema') : [];
  // `{ "service": {...} }` only wraps; `{ "id": 1, "components": [...] }` is a record that holds others
  if (outer) return isOwnRecord && wrappers.length < Object.keys(properties).length ? slot(own, media, 'schema') : [];
  return wrappers.flatMap(([key, schema]) => {
    const entity = wrapperEntity(key, path, resources);
    return schema.type === 'array' ? slot(entity, schema, 'items') : slot(entity, properties as unknown as Holder, key);
  });
}

/** Components a pooled record came from, now that nothing refers to them. */
function removeUnreferenced(spec: OpenApi, schemas: Record<string, JsonSchema>, names: Set<string>): void {
  const text = JSON.stringify(spec);
  for (const name of names) if (!text.includes(`"${REF}${name}"`)) delete schemas[name];
}

/** Sorted keys, sorted `required`: two schemas that say the same say it in one text. */
function canonicalText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  if (!isObject(value)) return JSON.stringify(value);
  return `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${k === 'required' && Array.isArray(value[k]) ? JSON.stringify([...(value[k] as string[])].sort()) : canonicalText(value[k])}`)
    .join(',')}}`;
}

/**
 * Answers of one shape under several names become one component, named by its fields while they are
 * few (`{ task_id }` -> TaskIdResult), so the name is the same whichever operations share it; a wider
 * shape keeps the first of its names. Only whole answers nothing else refers to; entities keep theirs.
 */
function shareIdenticalAnswers(spec: OpenApi, schemas: Record<string, JsonSchema>, entities: Set<string>, log: { add: (kind: 'identical-schemas-shared', where: string, detail: string) => void }): void {
  // each whole answer: a component of its own (by name) or a schema written in place (by its operation)
  const answers: Array<{ media: Holder; member: string; name?: string }> = [];
  const inside = JSON.stringify(spec.components ?? {});
  forEachOperation(spec, (operation, method, path) => {
    const media = inline(operation.responses?.['200'])?.content?.['application/json'] as Holder | undefined;
    if (!media) return;
    const name = componentName(media.schema);
    if (name && !entities.has(name) && isObject(schemas[name]) && !inside.includes(`"${REF}${name}"`)) answers.push({ media, member: name, name });
    else if (!name && isRecord(media.schema)) answers.push({ media, member: operationKey(method, path) });
  });
  const groups = new Map<string, typeof answers>();
  for (const answer of answers) {
    const text = canonicalText(answer.name ? schemas[answer.name] : answer.media.schema);
    groups.set(text, [...(groups.get(text) ?? []), answer]);
  }
  for (const group of groups.values()) {
    const members = [...new Set(group.map((a) => a.member))].sort();
    if (members.length < 2) continue;
    const names = [...new Set(group.flatMap((a) => a.name ?? []))].sort();
    const schema = (names.length ? schemas[names[0]!] : group[0]!.media.schema) as JsonSchema;
    const keys = Object.keys(schema.properties ?? {});
    const byKeys = `${pascalCase(keys.join('_').toLowerCase().replace(/[^a-z0-9]+/g, '_'))}Result`;
    const free = (name: string) => !Object.hasOwn(schemas, name) || names.includes(name);
    // a name from its fields while they are few; else the first name it had; else its fields all the same
    const name = keys.length > 0 && keys.length <= 4 && /^[A-Z][A-Za-z0-9]*$/.test(byKeys) && free(byKeys) ? byKeys : (names[0] ?? byKeys);
    if (!free(name)) continue;
    for (const old of names) delete schemas[old];
    schemas[name] = schema;
    for (const answer of group) answer.media.schema = { $ref: `${REF}${name}` };
    log.add('identical-schemas-shared', `${REF}${name}`, members.join(', '));
  }
}
