import { HTTP_METHODS, type OpenApi, type OpenApiOperation, type OpenApiParameter, type OpenApiSchema } from '../openapi.js';
import { resolve } from '../package/operations.js';
import { escapeControlCharactersInStrings } from '../read/lenient-json.js';
import { describeSchemaError, specSchemaCheck } from '../steps/schema-validator.js';
import { withoutEmptyValueList } from '../rules/empty-value-lists.js';
import { hasHtmlDebris } from '../rules/html-debris.js';
import { isMoneyName } from '../rules/money-fields.js';
import { resourceKeys } from '../rules/path-param-types.js';
import { forEachSchema } from '../steps/schema-walk.js';
import { operationShape, type VendorEvidence, type VendorSample } from './vendor-evidence.js';

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
}

export interface SampleTally {
  valid: number;
  failing: Finding[];
  /** not JSON even after escaping raw control characters (the stripped capture's fragments) */
  unreadable: Finding[];
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

/** A schema that says something: not absent, not `{}` (after following its `$ref`). */
function isTyped(spec: OpenApi, schema: unknown): boolean {
  const target = resolve<Record<string, unknown>>(spec, schema);
  return isObject(target) && Object.keys(target).some((k) => !['description', 'title', 'example', 'examples'].includes(k));
}

/**
 * A sample as JSON, forgiving only what leaves every value as the vendor wrote it: raw control
 * characters in strings, `// notes` after a value, and a comma before a closing bracket. Anything
 * else (doubled braces, `(...)` for elided text) is counted as unreadable, never guessed at.
 */
function readSample(sample: VendorSample): unknown {
  try {
    return JSON.parse(withoutNotes(escapeControlCharactersInStrings(sample.text).text));
  } catch {
    return undefined;
  }
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
  const tally: SampleTally = { valid: 0, failing: [], unreadable: [], unmatched: [] };
  for (const sample of samples.filter((s) => s.kind === kind)) {
    const op = byShape.get(sample.shape);
    const schema = op && (kind === 'response' ? successSchema(spec, op.operation) : bodySchema(spec, op.operation));
    const operation = op?.key ?? sample.shape;
    if (!op || schema === undefined) {
      tally.unmatched.push({ operation, where: sample.where, detail: op ? `no ${kind === 'response' ? '200 JSON schema' : 'request body'} in the spec` : 'no operation of this shape in the spec' });
      continue;
    }
    const value = readSample(sample);
    if (value === undefined) {
      tally.unreadable.push({ operation, where: sample.where, detail: 'not JSON' });
      continue;
    }
    const placeholders = kind === 'request' ? placeholderPointers(value) : new Set<string>();
    const errors = check(schema, value).filter((e) => !placeholders.has(e.instancePath));
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

const LIMIT_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems'];

const allowsInteger = (schema: unknown): boolean => isObject(schema) && (schema.type === 'integer' || (Array.isArray(schema.type) && schema.type.includes('integer')));

/** A field is required by the spec when it is a required parameter or a required property of the body. */
function requiresField(spec: OpenApi, op: Operation, name: string): boolean {
  if (op.parameters.some((p) => p.name === name && p.required === true)) return true;
  const body = resolve<OpenApiSchema>(spec, bodySchema(spec, op.operation));
  return body?.required?.includes(name) === true;
}

export function auditSpec(provider: string, spec: OpenApi, evidence: VendorEvidence, everyProvidersAnswers: ReadonlySet<string>): SpecAudit {
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
  };
  const docsRequired = new Set(evidence.parameters.filter((p) => p.required).map((p) => `${p.shape} ${p.name}`));
  for (const [shape, op] of byShape) {
    if (isTyped(spec, successSchema(spec, op.operation))) audit.typedResponses++;
    else audit.untyped.push({ operation: op.key, where: 'responses/200', detail: everyProvidersAnswers.has(shape) ? 'an example answer exists in a vendor source, unused' : 'no example answer in any source' });
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
