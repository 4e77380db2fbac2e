import { HTTP_METHODS, type OpenApi, type OpenApiOperation, type OpenApiParameter, type OpenApiSchema } from '../openapi.js';
import { resolve } from '../package/operations.js';
import { escapeControlCharactersInStrings } from '../read/lenient-json.js';
import { recoverStrippedJson } from '../steps/recover-stripped.js';
import { repairJson } from '../steps/repair-json.js';
import { describeSchemaError, specSchemaCheck } from '../steps/schema-validator.js';
import { withoutEmptyValueList } from '../rules/empty-value-lists.js';
import { hasHtmlDebris } from '../rules/html-debris.js';
import { isMoneyName } from '../rules/money-fields.js';
import { isOperationIdInStyle } from '../rules/operation-ids.js';
import { resourceKeys } from '../rules/path-param-types.js';
import { forEachSchema } from '../steps/schema-walk.js';
import { responseSchemaFigures, type AnsweredRecord, type AnsweredSample, type ResponseSchemaFigures } from './entity-evidence.js';
import { operationShape, type VendorEvidence, type VendorParameter, type VendorSample } from './vendor-evidence.js';

/** One finding the audit lists by name: where it is, and what is wrong or why. */
export interface Finding {
  operation: string;
  where: string;
  detail: string;
}

/** How far one built spec is true to its vendor's files, in counts a reader can compare across runs. */
export interface SpecAudit {
  provider: string;
  operations: number;
  typedResponses: number;
  bodyFields: number;
  typedBodyFields: number;
  requiredBodyFields: Finding[];
  enums: number;
  /** schemas bounding their values: minimum/maximum, minLength/maxLength, minItems/maxItems */
  limits: number;
  /** tags, and how many of them carry a description */
  tags: { total: number; described: number };
  attachedExamples: { valid: number; failing: Finding[] };
  vendorAnswers: SampleTally;
  vendorRequests: SampleTally;
  requiredInDocsOnly: Finding[];
  numericKeyObjects: Finding[];
  untyped: Finding[];
  /** money-named fields (price, credit, setup, ...) typed integer, which reject an amount with cents */
  integerMoney: Finding[];
  /** a resource's path parameter (`/service/{id}`) typed one way in one operation and another way in the next */
  pathParamTypeSplits: Finding[];
  /** summaries and descriptions holding HTML tags or entities */
  htmlDebris: Finding[];
  /** texts ending in "Available values:" with no value after it */
  emptyValueLists: Finding[];
  /** top-level body fields the request samples only send nested (an order item's `type`), or named by a number (an id) */
  liftedBodyFields: Finding[];
  /** body fields the request samples send as objects (or lists of them) whose schema still takes a list of strings or anything */
  flatNestedBodyFields: Finding[];
  /** arrays typed `items: {}`: every example of them was empty (or lost its content), so nothing says what they hold */
  untypedItems: Finding[];
  /** operationIds not camelCase with a known verb first (`cart_categories`, `service`) */
  operationIdsOffStyle: Finding[];
  /** response keys, how many are required, which of those a vendor example of the same entity omits, and repeated schemas */
  responseSchemas: ResponseSchemaFigures;
}

export interface SampleTally {
  valid: number;
  failing: Finding[];
  /** read only through a named repair that keeps every value (doubled braces, `(...)`, missing commas); checked like the rest */
  repaired: Finding[];
  /** a stripped capture's fragment whose nesting one reading only explains (steps/recover-stripped.ts); checked like the rest */
  recovered: Finding[];
  /** not JSON, and no repair or recovery reads it without guessing: the reason is the detail */
  unreadable: Finding[];
  /** GET answers shown as one record under prose that speaks of a list: the schema must take the record */
  proseDisagrees: Finding[];
  /** the spec has no operation, or no schema, of the sample's shape */
  unmatched: Finding[];
}

interface Operation {
  key: string;
  operation: OpenApiOperation;
  parameters: OpenApiParameter[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function operationsByShape(spec: OpenApi): Map<string, Operation> {
  const found = new Map<string, Operation>();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const parameters = [...(item?.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolve<OpenApiParameter>(spec, p)).filter((p): p is OpenApiParameter => p !== undefined);
      found.set(operationShape(method, path), { key: `${method.toUpperCase()} ${path}`, operation, parameters });
    }
  }
  return found;
}

const successSchema = (spec: OpenApi, op: OpenApiOperation) => resolve<{ content?: Record<string, { schema?: unknown }> }>(spec, op.responses?.['200'])?.content?.['application/json']?.schema;

function bodySchema(spec: OpenApi, op: OpenApiOperation): unknown {
  const content = resolve<{ content?: Record<string, { schema?: unknown }> }>(spec, op.requestBody)?.content ?? {};
  return (content['application/json'] ?? Object.values(content)[0])?.schema;
}

/**
 * A schema that says something: not absent, not `{}`, and not the open object the pipeline writes
 * where no source has an example (`{ type: object, additionalProperties: true }`, after its `$ref`).
 */
function isTyped(spec: OpenApi, schema: unknown): boolean {
  const target = resolve<Record<string, unknown>>(spec, schema);
  if (!isObject(target)) return false;
  const says = Object.keys(target).filter((k) => !['description', 'title', 'example', 'examples'].includes(k));
  const openObject = target.type === 'object' && says.every((k) => k === 'type' || (k === 'additionalProperties' && target[k] === true));
  return says.length > 0 && !openObject;
}

/**
 * A sample as JSON, forgiving only what leaves every value as the vendor wrote it: raw control
 * characters in strings, `// notes` after a value, and a comma before a closing bracket. Anything
 * else goes through `readRepaired`, and is listed as repaired or recovered, never counted as published JSON.
 */
function readSample(sample: VendorSample): unknown {
  try {
    return JSON.parse(withoutNotes(escapeControlCharactersInStrings(sample.text).text));
  } catch {
    return undefined;
  }
}

type Read = { value: unknown; how: 'as published' | 'repaired' | 'recovered'; detail: string } | { value: undefined; detail: string };

/**
 * What the plain reading refuses: first the named repairs that drop no value (doubled braces, `(...)`
 * placeholders, missing commas), then, for a fragment that lost its bracket lines, the rebuilt nesting,
 * with the operation's complete samples from every source as templates.
 */
function readRepaired(text: string, templates: readonly unknown[]): Read {
  const repaired = repairJson(text);
  if (repaired.ok) return { value: repaired.value, how: 'repaired', detail: repaired.fixes.join(', ') };
  const recovered = recoverStrippedJson(text, templates);
  if (recovered.ok) return { value: recovered.value, how: 'recovered', detail: `${recovered.restored} bracket(s) restored${recovered.templated ? `, ${recovered.templated} line(s) placed by a complete example` : ''}` };
  return { value: undefined, detail: `unrepairable: ${recovered.reason}` };
}

const LIST_PROSE = /\b(?:list|lists|all|available)\b/i;

/** A collection GET (`GET /server`, not `GET /server/{id}`) answering one flat record where its text speaks of a list. */
function recordWhereProseSaysList(op: Operation, value: unknown): string | undefined {
  const prose = [op.operation.summary, op.operation.description].filter((t): t is string => typeof t === 'string').join(' ');
  const collection = op.key.startsWith('GET ') && !op.key.endsWith('}');
  if (!collection || !isObject(value) || Object.values(value).some((v) => typeof v === 'object' && v !== null) || !LIST_PROSE.test(prose)) return undefined;
  return prose.replace(/\s+/g, ' ').slice(0, 60);
}

function withoutNotes(text: string): string {
  let out = '';
  for (let i = 0, inString = false; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else {
      if (c === '"') inString = true;
      out += c;
    }
  }
  return out.replace(/,(\s*[}\]])/g, '$1');
}

/**
 * The docs' request samples fill fields they have no value for with `"<field>Value"`: the field is sent,
 * but any value may stand there, so what the schema says about that value is not checked.
 */
function placeholderPointers(value: unknown, pointer = '', found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v, i) => placeholderPointers(v, `${pointer}/${i}`, found));
  else if (isObject(value)) {
    for (const [key, v] of Object.entries(value)) {
      const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (v === `${key}Value`) found.add(at);
      else placeholderPointers(v, at, found);
    }
  }
  return found;
}

function tallySamples(spec: OpenApi, byShape: Map<string, Operation>, samples: VendorSample[], kind: VendorSample['kind'], check: ReturnType<typeof specSchemaCheck>): SampleTally {
  const tally: SampleTally = { valid: 0, failing: [], repaired: [], recovered: [], unreadable: [], proseDisagrees: [], unmatched: [] };
  const ofKind = samples.filter((s) => s.kind === kind);
  // complete samples of each operation, from every source, as templates for the fragments of another
  const complete = new Map<VendorSample, unknown>();
  for (const sample of ofKind) {
    const value = readSample(sample) ?? (repairJson(sample.text).ok ? (repairJson(sample.text) as { value: unknown }).value : undefined);
    if (value !== undefined) complete.set(sample, value);
  }
  const templatesOf = (sample: VendorSample) => ofKind.filter((s) => s !== sample && s.shape === sample.shape && complete.has(s)).map((s) => complete.get(s));
  for (const sample of ofKind) {
    const op = byShape.get(sample.shape);
    const schema = op && (kind === 'response' ? successSchema(spec, op.operation) : bodySchema(spec, op.operation));
    const operation = op?.key ?? sample.shape;
    if (!op || schema === undefined) {
      tally.unmatched.push({ operation, where: sample.where, detail: op ? `no ${kind === 'response' ? '200 JSON schema' : 'request body'} in the spec` : 'no operation of this shape in the spec' });
      continue;
    }
    const plain = readSample(sample);
    const read: Read = plain !== undefined ? { value: plain, how: 'as published', detail: '' } : readRepaired(sample.text, templatesOf(sample));
    if (read.value === undefined) {
      tally.unreadable.push({ operation, where: sample.where, detail: read.detail });
      continue;
    }
    const { value } = read;
    if (read.how === 'repaired') tally.repaired.push({ operation, where: sample.where, detail: read.detail });
    if (read.how === 'recovered') tally.recovered.push({ operation, where: sample.where, detail: read.detail });
    const placeholders = kind === 'request' ? placeholderPointers(value) : new Set<string>();
    const errors = check(schema, value).filter((e) => !placeholders.has(e.instancePath));
    const disagreement = kind === 'response' ? recordWhereProseSaysList(op, value) : undefined;
    if (disagreement !== undefined) tally.proseDisagrees.push({ operation, where: sample.where, detail: `"${disagreement}" speaks of a list, the example shows one record; the schema ${errors.length ? 'rejects' : 'takes'} it` });
    if (errors.length === 0) tally.valid++;
    else tally.failing.push({ operation, where: sample.where, detail: [...new Set(errors.map(describeSchemaError))].slice(0, 3).join('; ') });
  }
  return tally;
}

/** Examples the spec itself carries (media `example`, `examples.*.value`), each against its media schema. */
function attachedExamples(spec: OpenApi, byShape: Map<string, Operation>, check: ReturnType<typeof specSchemaCheck>): SpecAudit['attachedExamples'] {
  const result: SpecAudit['attachedExamples'] = { valid: 0, failing: [] };
  for (const { key, operation } of byShape.values()) {
    for (const [status, response] of Object.entries(operation.responses ?? {})) {
      for (const [type, media] of Object.entries(resolve<{ content?: Record<string, { schema?: unknown; example?: unknown; examples?: Record<string, { value?: unknown }> }> }>(spec, response)?.content ?? {})) {
        const values = [...('example' in media ? [media.example] : []), ...Object.values(media.examples ?? {}).map((e) => resolve<{ value?: unknown }>(spec, e)?.value)];
        for (const value of values) {
          const errors = media.schema === undefined ? [] : check(media.schema, value);
          if (errors.length === 0) result.valid++;
          else result.failing.push({ operation: key, where: `responses/${status}/content/${type}`, detail: errors.map(describeSchemaError).slice(0, 3).join('; ') });
        }
      }
    }
  }
  return result;
}

const isErrorAnswer = (value: unknown) => isObject(value) && Object.keys(value).length === 1 && Array.isArray(value.error);

/** Why a 200 has no type: no source answers it, or what it answers is the platform's error shape, or it is unused. */
function untypedReason(shape: string, samples: VendorSample[], answered: ReadonlySet<string>): string {
  if (!answered.has(shape)) return 'no example answer in any source';
  const values = samples.filter((s) => s.kind === 'response' && s.shape === shape).map((s) => readSample(s) ?? readRepaired(s.text, []).value);
  if (values.length > 0 && values.every(isErrorAnswer)) return 'its only example answer is the platform\'s error answer ({"error": [...]}), not a success';
  return 'an example answer exists in a vendor source, unused';
}
const LIMIT_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems'];

const allowsInteger = (schema: unknown): boolean => isObject(schema) && (schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer')));

/** A field is required by the spec when it is a required parameter or a required property of the body. */
function requiresField(spec: OpenApi, op: Operation, name: string): boolean {
  if (op.parameters.some((p) => p.name === name && p.required === true)) return true;
  const body = resolve<OpenApiSchema>(spec, bodySchema(spec, op.operation));
  return body?.required?.includes(name) === true;
}

const isStructured = (value: unknown) => isObject(value) || (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null));

/** The schema takes `["a", "b"]`, or is an `array` that says nothing of its items: what samples of objects contradict. */
function takesFlatList(spec: OpenApi, schema: unknown): boolean {
  const target = resolve<Record<string, unknown>>(spec, schema);
  if (!isObject(target)) return true;
  if (Array.isArray(target.anyOf) && target.anyOf.some((b) => takesFlatList(spec, b))) return true;
  const types = target.type === undefined ? [] : Array.isArray(target.type) ? target.type : [target.type];
  if (types.length === 0) return !target.anyOf && !target.properties && !target.additionalProperties;
  if (!types.includes('array')) return false;
  const items = resolve<Record<string, unknown>>(spec, target.items);
  const itemTypes = !isObject(items) ? [] : items.type === undefined ? [] : Array.isArray(items.type) ? items.type : [items.type];
  return !isObject(items) || (Object.keys(items).length === 0) || itemTypes.includes('string');
}

/** Where the body's fields stand against the samples of the same operation (every provider's: one platform, one body). */
function nestingFindings(spec: OpenApi, byShape: Map<string, Operation>, requests: VendorSample[], parameters: VendorParameter[]): Pick<SpecAudit, 'liftedBodyFields' | 'flatNestedBodyFields'> {
  const found: Pick<SpecAudit, 'liftedBodyFields' | 'flatNestedBodyFields'> = { liftedBodyFields: [], flatNestedBodyFields: [] };
  const bodies = new Map<string, Array<{ where: string; value: Record<string, unknown> }>>();
  for (const sample of requests.filter((s) => s.kind === 'request')) {
    const value = readSample(sample);
    if (isObject(value)) bodies.set(sample.shape, [...(bodies.get(sample.shape) ?? []), { where: sample.where, value }]);
  }
  for (const [shape, op] of byShape) {
    const properties = resolve<OpenApiSchema>(spec, bodySchema(spec, op.operation))?.properties ?? {};
    const samples = bodies.get(shape) ?? [];
    const top = new Set(samples.flatMap((s) => Object.keys(s.value)));
    const nested = new Map<string, string>();
    const walk = (value: unknown, at: string): void => {
      if (Array.isArray(value)) value.forEach((v) => walk(v, at));
      else if (isObject(value)) for (const [k, v] of Object.entries(value)) {
        if (!nested.has(k)) nested.set(k, at);
        walk(v, at);
      }
    };
    for (const { where, value } of samples) for (const [k, v] of Object.entries(value)) walk(v, `${k} (${where})`);
    for (const name of Object.keys(properties)) {
      if (/^\d+$/.test(name)) found.liftedBodyFields.push({ operation: op.key, where: `requestBody ${name}`, detail: 'a field named by a number: an id, which belongs inside a map' });
      else if (!top.has(name) && nested.has(name)) found.liftedBodyFields.push({ operation: op.key, where: `requestBody ${name}`, detail: `the samples send it only inside ${nested.get(name)}` });
    }
    for (const name of Object.keys(properties)) {
      const sent = samples.find((s) => Object.hasOwn(s.value, name) && isStructured(s.value[name]));
      const sketched = sent ? undefined : parameters.find((p) => p.shape === shape && p.name === name && p.shapedBy);
      const why = sent ? `${sent.where} sends ${Array.isArray(sent.value[name]) ? 'a list of objects' : 'an object'}` : sketched && `${sketched.where} gives it a structure (${sketched.shapedBy})`;
      if (why && takesFlatList(spec, properties[name])) found.flatNestedBodyFields.push({ operation: op.key, where: `requestBody ${name}`, detail: `${why}; the schema takes a list of strings (or anything)` });
    }
  }
  return found;
}

/** The response samples a spec has an operation for, as published JSON, under the spec's own operation keys. */
export function answeredSamples(spec: OpenApi, samples: readonly VendorSample[]): AnsweredSample[] {
  const byShape = operationsByShape(spec);
  return samples.flatMap((sample) => {
    const op = sample.kind === 'response' ? byShape.get(sample.shape) : undefined;
    const value = op && readSample(sample);
    return op && value !== undefined ? [{ operation: op.key, where: sample.where, value }] : [];
  });
}

/**
 * `platform`: every provider's request samples and parameters, which a body's nesting is held to (one
 * platform, one body); `elsewhere`: the other providers' answer records, which an entity's `required` is held to.
 */
export function auditSpec(provider: string, spec: OpenApi, evidence: VendorEvidence, everyProvidersAnswers: ReadonlySet<string>, platform: VendorEvidence = evidence, elsewhere: readonly AnsweredRecord[] = []): SpecAudit {
  const byShape = operationsByShape(spec);
  const check = specSchemaCheck(spec.components);
  const audit: SpecAudit = {
    provider,
    operations: byShape.size,
    typedResponses: 0,
    bodyFields: 0,
    typedBodyFields: 0,
    requiredBodyFields: [],
    enums: 0,
    limits: 0,
    tags: { total: spec.tags?.length ?? 0, described: (spec.tags ?? []).filter((t) => typeof t.description === 'string' && t.description.trim() !== '').length },
    attachedExamples: attachedExamples(spec, byShape, check),
    vendorAnswers: tallySamples(spec, byShape, evidence.samples, 'response', check),
    vendorRequests: tallySamples(spec, byShape, evidence.samples, 'request', check),
    requiredInDocsOnly: [],
    numericKeyObjects: [],
    untyped: [],
    integerMoney: [],
    pathParamTypeSplits: [],
    htmlDebris: [],
    emptyValueLists: [],
    ...nestingFindings(spec, byShape, platform.samples, platform.parameters),
    untypedItems: [],
    operationIdsOffStyle: [],
    responseSchemas: responseSchemaFigures(
      spec,
      answeredSamples(spec, evidence.samples),
      (key) => {
        const op = [...byShape.values()].find((o) => o.key === key);
        return op && successSchema(spec, op.operation);
      },
      elsewhere,
    ),
  };
  const docsRequired = new Set(evidence.parameters.filter((p) => p.required).map((p) => `${p.shape} ${p.name}`));
  for (const [shape, op] of byShape) {
    const id = op.operation.operationId ?? '';
    if (!isOperationIdInStyle(id)) audit.operationIdsOffStyle.push({ operation: op.key, where: 'operationId', detail: id === '' ? 'none' : id });
    // a 200 that is not JSON (a PEM certificate) is typed by the schema of its own media type
    const media = Object.values(resolve<{ content?: Record<string, { schema?: unknown }> }>(spec, op.operation.responses?.['200'])?.content ?? {});
    if (media.some((m) => isTyped(spec, m.schema))) audit.typedResponses++;
    else audit.untyped.push({ operation: op.key, where: 'responses/200', detail: untypedReason(shape, evidence.samples, everyProvidersAnswers) });
    const body = resolve<OpenApiSchema>(spec, bodySchema(spec, op.operation));
    for (const [name, field] of Object.entries(body?.properties ?? {})) {
      audit.bodyFields++;
      if (isTyped(spec, field)) audit.typedBodyFields++;
    }
    for (const name of body?.required ?? []) audit.requiredBodyFields.push({ operation: op.key, where: `requestBody ${name}`, detail: docsRequired.has(`${shape} ${name}`) ? 'required in the vendor docs' : 'required by the spec, not the docs' });
  }
  const texts = (node: unknown, where: string) => {
    for (const key of ['summary', 'description']) {
      const text = isObject(node) ? node[key] : undefined;
      if (typeof text === 'string' && hasHtmlDebris(text)) audit.htmlDebris.push({ operation: '', where: `${where} ${key}`, detail: text.slice(0, 60) });
      if (typeof text === 'string' && withoutEmptyValueList(text) !== text) audit.emptyValueLists.push({ operation: '', where: `${where} ${key}`, detail: text.slice(-60) });
    }
  };
  for (const op of byShape.values()) {
    texts(op.operation, op.key);
    op.parameters.forEach((p) => texts(p, `${op.key} ${p.name}`));
    Object.entries(op.operation.responses ?? {}).forEach(([status, r]) => texts(r, `${op.key} ${status}`));
  }
  forEachSchema(spec, (schema, pointer) => texts(schema, pointer));
  const pathTypes = new Map<string, Set<string>>();
  for (const op of byShape.values()) {
    const keys = resourceKeys(op.key.slice(op.key.indexOf(' ') + 1));
    for (const p of op.parameters.filter((q) => q.in === 'path' && keys.has(q.name))) {
      const type = (p.schema as { type?: unknown } | undefined)?.type;
      pathTypes.set(keys.get(p.name)!, (pathTypes.get(keys.get(p.name)!) ?? new Set()).add(JSON.stringify(type ?? null)));
    }
  }
  for (const [key, types] of pathTypes) if (types.size > 1) audit.pathParamTypeSplits.push({ operation: '', where: key, detail: [...types].join(' vs ') });
  for (const parameter of evidence.parameters.filter((p) => p.required)) {
    const op = byShape.get(parameter.shape);
    if (op && !requiresField(spec, op, parameter.name)) audit.requiredInDocsOnly.push({ operation: op.key, where: parameter.where, detail: `${parameter.name} is required in the docs, optional in the spec` });
  }
  forEachSchema(spec, (schema, pointer) => {
    if (Array.isArray(schema.enum)) audit.enums++;
    if (isObject(schema.items) && Object.keys(schema.items).length === 0) audit.untypedItems.push({ operation: '', where: `${pointer}/items`, detail: 'no example shows an item' });
    if (LIMIT_KEYWORDS.some((k) => typeof schema[k] === 'number')) audit.limits++;
    const keys = Object.keys(isObject(schema.properties) ? schema.properties : {});
    const numeric = keys.filter((k) => /^\d+$/.test(k));
    for (const [name, field] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
      if (isMoneyName(name, keys) && allowsInteger(field)) audit.integerMoney.push({ operation: '', where: `${pointer}/properties/${name}`, detail: `${name} is integer` });
    }
    if (numeric.length) audit.numericKeyObjects.push({ operation: '', where: pointer, detail: `fixed keys that are ids: ${numeric.slice(0, 5).join(', ')}${numeric.length > 5 ? ', ...' : ''}` });
  });
  return audit;
}
