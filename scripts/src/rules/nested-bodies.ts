import type { DocsOperation } from '../docs/extract-operations.js';
import { forEachOperation, isReference, jsonBodySchema, operationKey, type OpenApi, type OpenApiOperation, type OpenApiReference, type OpenApiSchema, type PipelineContext } from '../model.js';
import { setOwn } from '../patch/json-pointer.js';
import { asOpenApiSchema, inferSchema, mergeSchemas, type JsonSchema } from '../steps/infer-schema.js';
import { templateShape } from './path-shape.js';
import type { Rule } from './types.js';

type Schema = OpenApiSchema | OpenApiReference;
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const typeList = (schema: OpenApiSchema): string[] => (schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]);

/**
 * Request bodies as the vendors' samples send them. The docs type a nested field `array` (PHP's word for
 * lists and maps alike) and the Swagger says `string[]`; the samples, in every language the docs write
 * them (curl JSON or form brackets, PHP, Python, a "Format of ... parameter" sketch), show what is sent:
 * a list of objects with their fields, a map keyed by ids, a nested object. Those shapes replace the vague
 * type, for every provider that has the operation (a provider without samples takes the other providers'
 * docs of the same operation). A field "formatted the same way as output from GET /x" takes that answer's
 * schema; "use the same parameters as for POST /y" takes /y's shaped fields. Fields that only ever appear
 * nested (`type` of an order item, a `"1618"` id) never stand at the top of the body.
 */
export const nestedBodies: Rule = {
  name: 'nested-bodies',
  apply(spec, context) {
    const shaped = new Map<string, Record<string, Schema>>();
    forEachOperation(spec, (operation, method, path) => {
      const body = bodyOf(operation, method);
      if (!body) return;
      const key = operationKey(method, path);
      const docs = docsOf(context, method, path);
      const properties = (body.properties ??= {});
      for (const [name, field] of Object.entries(properties)) {
        const shape = evidenceFor(name, docs) ?? borrowedAnswer(spec, name, field, path, docs) ?? recordByDescription(name, field, docs);
        if (!shape || isReference(field)) continue;
        const next = { ...withDescription(field), ...asOpenApiSchema(shape.schema) };
        if (JSON.stringify(next) === JSON.stringify(field)) continue;
        properties[name] = next;
        context.log.add('body-field-nested-from-samples', key, `${name}: ${shape.why}`);
      }
      // after the samples shaped the containers, so a row's field joins them rather than being replaced
      nestDottedNames(body, key, context);
      moveLiftedFields(body, key, docs, context);
      shaped.set(`${method} ${templateShape(path)}`, properties);
    });
    // "Use the same parameters as for POST /order": the referenced operation's shaped fields, once all are shaped
    forEachOperation(spec, (operation, method, path) => {
      const body = bodyOf(operation, method);
      const texts = [operation.description ?? '', ...docsOf(context, method, path).map((d) => d.description)];
      const target = texts.map((t) => /same parameters as (?:for|in) (GET|POST|PUT|PATCH|DELETE) (\/\S+)/i.exec(t)).find((m) => m !== null);
      if (!body || !target) return;
      const from = shaped.get(`${target[1]!.toLowerCase()} ${templateShape(target[2]!.replace(/[.,;]$/, '').replace(/[@$](\w+)/g, '{$1}'))}`);
      for (const [name, field] of Object.entries(body.properties ?? {})) {
        const source = from && Object.hasOwn(from, name) ? from[name] : undefined;
        if (!source || isReference(field) || isReference(source) || isVague(source) || !vagueBesides(field, source)) continue;
        body.properties![name] = { ...withDescription(field), ...withoutDescription(source) };
        context.log.add('body-field-nested-from-samples', operationKey(method, path), `${name}: as ${target[1]} ${target[2]} sends it (the docs: same parameters)`);
      }
    });
    return spec;
  },
};

function bodyOf(operation: OpenApiOperation, method: string): OpenApiSchema | undefined {
  if (!['post', 'put', 'patch'].includes(method)) return undefined;
  const schema = jsonBodySchema(operation);
  return schema && !isReference(schema) && typeList(schema).includes('object') ? schema : undefined;
}

/** This provider's docs of the operation first, then every other provider's (one platform, one body). */
function docsOf(context: PipelineContext, method: string, path: string): DocsOperation[] {
  const key = operationKey(method, templateShape(path));
  const own = context.docs.get(key);
  return [...(own ? [own] : []), ...(context.catalogue.get(key) ?? []).filter((d) => !own || d.file !== own.file)];
}

const withDescription = (field: Schema): { description?: string } => {
  const description = descriptions(field)[0];
  return description ? { description } : {};
};
const withoutDescription = ({ description: _d, ...rest }: OpenApiSchema): OpenApiSchema => rest;

/** a field's descriptions, its `anyOf` branches' included (a union of providers keeps each one's) */
function descriptions(field: Schema): string[] {
  if (isReference(field)) return [];
  const own = field.description ? [field.description] : [];
  return [...own, ...(field.anyOf ?? []).flatMap(descriptions)];
}

/**
 * What the samples send for a field, when some sample sends a structure (an object, or a list holding
 * objects or lists); scalars sent beside it widen it. `"<field>Value"` is the samples' placeholder and says nothing.
 */
function evidenceFor(name: string, docs: DocsOperation[]): { schema: JsonSchema; why: string } | undefined {
  const format = docs.map((d) => d.fieldFormats?.get(name)).find((f) => f !== undefined);
  // `values` are JSON values (read from samples), so a field named `constructor` is the sample's, never Object's
  const values = docs.flatMap((d) => (d.requestSamples ?? []).flatMap((s) => (Object.hasOwn(s.value, name) ? [s.value[name]] : []))).filter((v) => v !== `${name}Value`);
  const structured = values.some((v) => isRecord(v) || (Array.isArray(v) && v.some((i) => typeof i === 'object' && i !== null)));
  if (!structured && !format) return undefined;
  const inferred = structured ? values.map((v) => withoutRequired(inferSchema(v))).reduce((a, b) => mergeSchemas(a, b)) : undefined;
  const schema = format && inferred ? mergeSchemas(format, inferred) : (format ?? inferred)!;
  const kind = Array.isArray(values.find((v) => typeof v === 'object')) ? 'a list of objects' : schema.additionalProperties ? 'a map' : 'an object';
  const sources = [...new Set(docs.flatMap((d) => (d.requestSamples ?? []).filter((s) => Object.hasOwn(s.value, name)).map((s) => s.source)))];
  return { schema, why: format ? `${kind}, as the docs' "Format of '${name}'" block sketches it` : `${kind}, as the ${sources.join('/')} samples send it` };
}

function withoutRequired(schema: JsonSchema): JsonSchema {
  const { required: _required, ...rest } = schema;
  for (const key of ['items', 'additionalProperties'] as const) if (isRecord(rest[key])) rest[key] = withoutRequired(rest[key] as JsonSchema);
  if (rest.properties) rest.properties = Object.fromEntries(Object.entries(rest.properties).map(([k, v]) => [k, withoutRequired(v)]));
  if (Array.isArray(rest.anyOf)) rest.anyOf = (rest.anyOf as JsonSchema[]).map(withoutRequired);
  return rest;
}

/**
 * The vendor's "array"/`string[]`/`{}[]` (or an `anyOf` of them) says nothing of what is inside: a list
 * of strings is what a Swagger export writes for any PHP array. An `array` of typed objects is not vague.
 */
function isVague(field: Schema): boolean {
  if (isReference(field)) return false;
  if (field.anyOf) return field.anyOf.every(isVague);
  const types = typeList(field);
  if (types.length === 0) return !field.properties && !field.additionalProperties;
  if (types.length !== 1) return false;
  if (types[0] === 'object') return !field.properties && !isRecord(field.additionalProperties);
  if (types[0] !== 'array') return false;
  const items = (field as { items?: Schema }).items;
  return !items || (!isReference(items) && (Object.keys(items).length === 0 || (typeList(items).length === 1 && typeList(items)[0] === 'string' && !items.enum)));
}

/** Vague, or an `anyOf` whose only non-vague branch is `shape` itself: the vague branches are contradicted. */
function vagueBesides(field: Schema, shape: OpenApiSchema): boolean {
  if (isVague(field)) return true;
  if (isReference(field) || !field.anyOf) return false;
  const same = (branch: Schema) => !isReference(branch) && JSON.stringify(withoutDescription(branch)) === JSON.stringify(withoutDescription(shape));
  return field.anyOf.every((branch) => isVague(branch) || same(branch));
}

/**
 * The docs' `array` for "Organization details": one thing's details are named attributes, a record,
 * which a PHP array sends as a JSON object; a list would be described as one ("list with ...").
 */
function recordByDescription(name: string, field: Schema, docs: DocsOperation[]): { schema: JsonSchema; why: string } | undefined {
  if (!isVague(field)) return undefined;
  const texts = [...descriptions(field), ...docs.flatMap((d) => d.parameters.filter((p) => p.name === name).map((p) => p.description))];
  const said = texts.find((t) => /^\s*[\w-]+(?:\s+[\w-]+)?\s+details\b/i.test(t) && !/\blist\b/i.test(t));
  return said ? { schema: { type: 'object', additionalProperties: true }, why: `an object, the record "${said.trim()}" names` } : undefined;
}

/**
 * "Formatted the same way as output from GET /contact/privileges": that answer's schema (its property of the
 * field's name, where the answer wraps it), open to a subset (nothing required). A capture that lost the path
 * (`... output from`) names the operation by the field: GET `/<resource>/<field>`.
 */
function borrowedAnswer(spec: OpenApi, name: string, field: Schema, path: string, docs: DocsOperation[]): { schema: JsonSchema; why: string } | undefined {
  if (!isVague(field)) return undefined;
  const texts = [...descriptions(field), ...docs.flatMap((d) => d.parameters.filter((p) => p.name === name).map((p) => p.description))];
  const said = texts.map((t) => /formatted the same way as (?:the )?output (?:from|of)\s*(?:(GET)\s+(\/[\w/{}@$-]*\w))?/i.exec(t)).filter((m) => m !== null);
  if (said.length === 0) return undefined;
  const explicit = said.find((m) => m[2]);
  const target = explicit ? explicit[2]!.replace(/[@$](\w+)/g, '{$1}') : `/${path.split('/')[1]}/${name}`;
  const answer = answerSchema(spec, target);
  if (!answer) return undefined;
  const wrapped = isRecord(answer.properties) && Object.keys(answer.properties).length === 1 ? (answer.properties as Record<string, JsonSchema>)[name] : undefined;
  return { schema: withoutRequired(wrapped ?? answer), why: `formatted as the answer of GET ${target}, as its description says` };
}

function answerSchema(spec: OpenApi, path: string): JsonSchema | undefined {
  const item = Object.entries(spec.paths ?? {}).find(([p]) => templateShape(p) === templateShape(path))?.[1];
  const response = item?.get?.responses?.['200'];
  const schema = response && !isReference(response) ? response.content?.['application/json']?.schema : undefined;
  if (!schema) return undefined;
  const resolved = inlineRefs(spec, schema, new Set()) as JsonSchema;
  return typeList(resolved as OpenApiSchema).includes('object') ? resolved : undefined;
}

/** A copy with every `$ref` replaced by its target, so a body never depends on how answers are named. */
function inlineRefs(spec: OpenApi, node: unknown, seen: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => inlineRefs(spec, n, seen));
  if (!isRecord(node)) return node;
  if (typeof node.$ref === 'string') {
    const ref = node.$ref;
    const name = /^#\/components\/schemas\/(.+)$/.exec(ref)?.[1];
    const target = name ? spec.components?.schemas?.[name.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    if (!target || seen.has(ref)) return {}; // a cycle or a foreign ref: open, never wrong
    return inlineRefs(spec, target, new Set([...seen, ref]));
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inlineRefs(spec, v, seen)]));
}

/**
 * A docs row named `items[0][type]`, `items[].type` or `items.type` is a field of `items`' elements, not a
 * top-level field with brackets in its name: it moves into its nesting (digits, `[]`, `*` step into a list).
 */
function nestDottedNames(body: OpenApiSchema, key: string, context: PipelineContext): void {
  const properties = body.properties!;
  for (const name of Object.keys(properties)) {
    // `a[0][b]`, `a[].b` and `a.b` alike: brackets and dots both step down
    const segments = /^[^[\].]+(?:\[[^[\]]*\]|\.[^[\].]+)+$/.test(name) ? name.replace(/\]/g, '').split(/[[.]/) : undefined;
    if (!segments) continue;
    const leaf = properties[name]!;
    delete properties[name];
    const [root, ...rest] = segments as [string, ...string[]];
    setOwn(properties, root, placed(Object.hasOwn(properties, root) ? properties[root] : undefined, rest, leaf));
    if (body.required?.includes(name)) body.required = body.required.filter((r) => r !== name);
    context.log.add('body-field-moved-into-nesting', key, `${name} -> ${root} ${rest.map((s) => (isListStep(s) ? '[]' : `.${s}`)).join('')}`);
  }
}

const isListStep = (segment: string) => segment === '' || segment === '*' || /^\d+$/.test(segment);

function placed(container: Schema | undefined, segments: string[], leaf: Schema): Schema {
  if (segments.length === 0) return container && !isVague(container) ? container : leaf;
  const [step, ...rest] = segments as [string, ...string[]];
  const current = container && !isReference(container) ? container : undefined;
  const description = current?.description ? { description: current.description } : {};
  if (isListStep(step)) {
    const items = current && typeList(current).includes('array') && !isVague(current) ? (current as { items?: Schema }).items : undefined;
    return { ...description, type: 'array', items: placed(items, rest, leaf) } as OpenApiSchema;
  }
  const properties = current && typeList(current).includes('object') ? { ...(current.properties ?? {}) } : {};
  setOwn(properties, step, placed(Object.hasOwn(properties, step) ? properties[step] : undefined, rest, leaf));
  return { ...description, type: 'object', properties };
}

/**
 * A top-level field whose name the samples only ever send nested (an item's `type`, a `"1618"` id inside
 * `custom`), which no docs row and no sample sends at the top, was lifted out of its nesting: it leaves
 * the top level (the nested schema, built from the same samples, already has it).
 */
function moveLiftedFields(body: OpenApiSchema, key: string, docs: DocsOperation[], context: PipelineContext): void {
  const samples = docs.flatMap((d) => (d.requestSamples ?? []).map((s) => s.value));
  if (samples.length === 0) return;
  const top = new Set([...samples.flatMap((s) => Object.keys(s)), ...docs.flatMap((d) => [...d.parameters.flatMap((p) => (p.name ? [p.name] : [])), ...d.bodyFields])]);
  const nested = new Map<string, string>();
  for (const sample of samples) for (const [field, value] of Object.entries(sample)) collectKeys(value, field, nested);
  for (const name of Object.keys(body.properties ?? {})) {
    const under = nested.get(name);
    if (!under || (top.has(name) && !/^\d+$/.test(name))) continue;
    delete body.properties![name];
    if (body.required?.includes(name)) body.required = body.required.filter((r) => r !== name);
    if (body.required?.length === 0) delete body.required;
    context.log.add('body-field-moved-into-nesting', key, `${name}: the samples send it inside ${under}`);
  }
}

function collectKeys(value: unknown, under: string, found: Map<string, string>): void {
  if (Array.isArray(value)) value.forEach((v) => collectKeys(v, under, found));
  else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (!found.has(k)) found.set(k, under);
      collectKeys(v, under, found);
    }
  }
}
