import type { OpenApi } from '../openapi.js';
import { resolve } from '../package/operations.js';
import { hasIdKey, isItemPath, pathEntity, topResources, wrapperEntity } from '../rules/entity-names.js';
import type { Finding } from './audit-spec.js';

/**
 * How far a spec's response schemas say what the vendors' example records say, no more: a key an
 * example of an entity omits must not be required of that entity anywhere, and operations answering
 * the same shape should share one schema. Read from the vendors' samples, not through the pipeline.
 */

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isRecord = (value: unknown): value is Record<string, unknown> => isObject(value) && Object.keys(value).length > 0 && !Object.keys(value).every((k) => /^\d+$/.test(k));

/** One record in an example answer: its entity, and where it sits (`['services', '*']`). */
export interface EntityRecord {
  entity: string;
  at: string[];
  record: Record<string, unknown>;
}

/** The entity records of one example answer of `METHOD path`, found as the pooling rule finds them. */
export function entityRecords(method: string, path: string, value: unknown, resources: ReadonlySet<string>): EntityRecord[] {
  const own = pathEntity(method, path);
  if (Array.isArray(value)) return own ? value.filter(isRecord).map((record) => ({ entity: own, at: ['*'], record })) : [];
  if (!isObject(value)) return [];
  const found: EntityRecord[] = [];
  for (const [key, held] of Object.entries(value)) {
    const entity = wrapperEntity(key, path, resources);
    if (!entity) continue;
    if (isRecord(held)) found.push({ entity, at: [key], record: held });
    else if (Array.isArray(held) && held.some(isRecord)) found.push(...held.filter(isRecord).map((record) => ({ entity, at: [key, '*'], record })));
  }
  // the answer is a record itself when it is more than the wrappers it holds (a server and its components)
  const wrappers = new Set(found.map((r) => r.at[0]));
  if (own && isRecord(value) && (isItemPath(path) || hasIdKey(Object.keys(value))) && Object.keys(value).length > wrappers.size) found.push({ entity: own, at: [], record: value });
  return found;
}

/** The object schemas at a record's place in a response schema, through `$ref`s and `anyOf` branches. */
function schemasAt(spec: OpenApi, schema: unknown, at: string[]): Array<Record<string, unknown>> {
  const node = resolve<Record<string, unknown>>(spec, schema);
  if (!isObject(node)) return [];
  if (Array.isArray(node.anyOf)) return node.anyOf.flatMap((branch) => schemasAt(spec, branch, at));
  if (at.length === 0) return node.type === 'array' ? [] : [node];
  const [step, ...rest] = at;
  if (step === '*') return node.type === 'array' || node.items ? schemasAt(spec, node.items, rest) : [];
  const properties = isObject(node.properties) ? node.properties : {};
  return Object.hasOwn(properties, step!) ? schemasAt(spec, properties[step!], rest) : [];
}

export interface ResponseSchemaFigures {
  /** properties of the 200 answers' object schemas, each schema counted once */
  keys: number;
  required: number;
  /** required keys of records whose entity the vendors show once: required on the word of a single example */
  requiredFromOneExample: number;
  /** a key an entity's schema requires that another vendor example of the same entity omits */
  requiredAbsentElsewhere: Finding[];
  /** 200 answer schemas with the same content as another operation's under another name (or inline) */
  duplicateSchemas: Finding[];
}

export interface AnsweredSample {
  /** `GET /path` as the spec spells it */
  operation: string;
  where: string;
  value: unknown;
}

export type AnsweredRecord = EntityRecord & { operation: string; where: string };

/** The entity records of a spec's answered samples, named by that spec's own paths and resources. */
export function answeredRecords(spec: OpenApi, answers: AnsweredSample[]): AnsweredRecord[] {
  const resources = topResources(Object.keys(spec.paths ?? {}));
  return answers.flatMap((a) => {
    const [method, path] = [a.operation.slice(0, a.operation.indexOf(' ')), a.operation.slice(a.operation.indexOf(' ') + 1)];
    return entityRecords(method, path, a.value, resources).map((r) => ({ ...r, operation: a.operation, where: a.where }));
  });
}

/** `elsewhere`: the other providers' records; one platform, so a key their records of an entity omit is not required here either. */
export function responseSchemaFigures(spec: OpenApi, answers: AnsweredSample[], successSchema: (operation: string) => unknown, elsewhere: readonly AnsweredRecord[] = []): ResponseSchemaFigures {
  const figures: ResponseSchemaFigures = { keys: 0, required: 0, requiredFromOneExample: 0, requiredAbsentElsewhere: [], duplicateSchemas: [] };
  const found = answeredRecords(spec, answers);
  const byEntity = new Map<string, AnsweredRecord[]>();
  for (const r of [...found, ...elsewhere]) byEntity.set(r.entity, [...(byEntity.get(r.entity) ?? []), r]);
  const checked = new Set<string>();
  for (const { entity, at, operation } of found) {
    const place = `${operation} ${at.join('.')}`;
    if (checked.has(place)) continue;
    checked.add(place);
    const required = new Set(schemasAt(spec, successSchema(operation), at).flatMap((s) => (Array.isArray(s.required) ? (s.required as string[]) : [])));
    if (byEntity.get(entity)!.length === 1) figures.requiredFromOneExample += required.size;
    for (const key of required) {
      const without = byEntity.get(entity)!.find((r) => !Object.hasOwn(r.record, key));
      if (without) figures.requiredAbsentElsewhere.push({ operation, where: at.join('.') || '(the answer)', detail: `${entity}.${key} is required; ${without.operation} omits it (${without.where})` });
    }
  }
  const seen = new Set<object>();
  const count = (schema: unknown, depth = 0): void => {
    const node = resolve<Record<string, unknown>>(spec, schema);
    if (!isObject(node) || seen.has(node) || depth > 64) return;
    seen.add(node);
    const properties = isObject(node.properties) ? node.properties : {};
    figures.keys += Object.keys(properties).length;
    if (Array.isArray(node.required)) figures.required += node.required.length;
    for (const child of [...Object.values(properties), node.items, node.additionalProperties, ...(Array.isArray(node.anyOf) ? node.anyOf : [])]) count(child, depth + 1);
  };
  const shapes = new Map<string, Set<string>>();
  for (const operation of allOperations(spec)) {
    const schema = successSchema(operation);
    count(schema);
    const node = resolve<Record<string, unknown>>(spec, schema);
    if (!isObject(node) || !isObject(node.properties)) continue;
    const name = isObject(schema) && typeof schema.$ref === 'string' ? schema.$ref : `${operation} (inline)`;
    const content = JSON.stringify(node);
    shapes.set(content, (shapes.get(content) ?? new Set()).add(name));
  }
  for (const names of shapes.values()) {
    if (names.size > 1) figures.duplicateSchemas.push({ operation: '', where: [...names].join(', '), detail: `${names.size} schemas with the same content` });
  }
  return figures;
}

function allOperations(spec: OpenApi): string[] {
  return Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    Object.keys(item ?? {})
      .filter((m) => ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'].includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}
