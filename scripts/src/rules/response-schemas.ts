import type { DocsOperation } from '../docs/extract-operations.js';
import { forEachOperation, inline, operationKey, type OpenApi, type OpenApiMediaType, type OpenApiOperation, type OpenApiSchema, type PipelineContext } from '../model.js';
import { asOpenApiSchema, inferSchema, mergeSchemas, type JsonSchema } from '../steps/infer-schema.js';
import { widen } from '../steps/apply-evidence.js';
import { recoverStrippedJson } from '../steps/recover-stripped.js';
import { repairJson } from '../steps/repair-json.js';
import { pascalCase } from './naming.js';
import { templateShape } from './path-shape.js';
import type { Rule } from './types.js';

interface FoundExample {
  value: unknown;
  source: string;
  /** nesting rebuilt from a stripped capture's lines: evidence for the schema, never attached as the vendor's example */
  recovered?: boolean;
}


/**
 * Every operation with an example (its own docs, the example hidden in its Swagger response
 * description, or, failing both, another provider's docs of the same operation) gets a typed 200
 * response, hoisted to `components.schemas.<OperationId>Response` so users can name the type.
 */
export const inferResponseSchemas: Rule = {
  name: 'infer-response-schemas',
  apply(spec, context) {
    const { log } = context;
    const schemas = ((spec.components ??= {}).schemas ??= {});
    forEachOperation(spec, (operation, method, path) => {
      const key = operationKey(method, path);
      const ok = inline((operation.responses ??= {})['200'] ??= { description: 'Success' });
      if (!ok) return;
      const media = ok.content?.['application/json'] as MediaExamples | undefined;
      // the vendor typed the answer under another media type (a converted Swagger's `*/*`): its JSON is that type
      const vendorTyped = Object.entries(ok.content ?? {}).find(([type, m]) => m?.schema && (/^(\*|application)\/\*$/.test(type) || /json/i.test(type)))?.[1]?.schema;
      if (media && !media.schema && vendorTyped) media.schema = vendorTyped;
      if (ok.content && (!media || media.schema)) {
        // typed already (the vendor, a patch, or the providers this spec unites): its own docs' example is evidence too
        widenWithOwnExample(spec, ok.content, method, path, context);
        return;
      }
      // an OpenAPI export may show its answer (`example`, `examples`) without a schema: that example is the first evidence
      const examples = collectExamples(operation, method, path, context, mediaExamples(media));
      if (examples.length === 0) {
        ok.content = { 'application/json': { schema: { type: 'object', additionalProperties: true } } };
        log.add('response-untyped', key, 'no example in any source');
        return;
      }
      seen(context, key, examples);
      const schema = examples.map((e) => inferSchema(e.value)).reduce((a, b) => mergeSchemas(a, b));
      // the vendor's example is attached as published, never rewritten (a rebuilt one is evidence only)
      const published = examples.find((e) => !e.recovered);
      const example = (published ?? examples[0]!).value;
      // assign-operation-ids, which runs before this rule, gave every operation its id
      const name = `${pascalCase(operation.operationId!)}Response`;
      if (isSingleItemOfList(operation, method, path, example)) {
        // prose and example disagree: the answer may be what either says, so the schema takes both
        const item = `${pascalCase(operation.operationId!)}Item`;
        schemas[item] = asOpenApiSchema(schema);
        schemas[name] = { anyOf: [{ $ref: `#/components/schemas/${item}` }, { type: 'array', items: { $ref: `#/components/schemas/${item}` } }] };
        log.add('prose-and-example-disagree', key, 'the prose speaks of a list, the example shows one record: the schema takes one record or a list of them');
      } else schemas[name] = asOpenApiSchema(schema);
      // the vendor's own media keeps its examples (OpenAPI allows `example` or `examples`, not both)
      const attached = media?.example !== undefined || media?.examples !== undefined || !published ? {} : { example };
      ok.content = { ...ok.content, 'application/json': { ...(media as OpenApiMediaType | undefined), schema: { $ref: `#/components/schemas/${name}` }, ...attached } };
      log.add('response-schema-inferred', key, examples.map((e) => e.source).join(', '));
    });
    return spec;
  },
};

/**
 * An operation typed before this rule (by the vendor, a patch or a united provider) still accepts what
 * its own docs show; its schema may be the vendor's word, so the values shown are recorded beside it.
 */
function widenWithOwnExample(spec: OpenApi, content: Record<string, { schema?: unknown }>, method: string, path: string, context: PipelineContext): void {
  const media = content['application/json'];
  const own = context.docs.get(operationKey(method, templateShape(path)));
  const key = operationKey(method, path);
  const found: FoundExample[] = [];
  if (media?.schema && own?.exampleResponse) pushRepaired(found, own, key, context);
  seen(context, key, [...mediaExamples(media as MediaExamples | undefined), ...found]);
  for (const { value, source } of found) widen(media!.schema as JsonSchema, value, spec, `${key} #`, (what) => context.log.add('example-evidence-widened', what, source));
}

/** Records the answers an operation showed, for other providers' pooling (PipelineContext.answers). */
function seen({ answers }: PipelineContext, key: string, found: FoundExample[]): void {
  if (answers && found.length) answers.set(key, [...(answers.get(key) ?? []), ...found.map((e) => e.value)]);
}

interface MediaExamples {
  schema?: unknown;
  example?: unknown;
  examples?: Record<string, { value?: unknown } | undefined>;
}

/** The answers a media object shows without a schema, in document order. */
function mediaExamples(media: MediaExamples | undefined): FoundExample[] {
  if (!media) return [];
  const values = [media.example, ...Object.values(media.examples ?? {}).map((e) => e?.value)].filter((v) => v !== undefined);
  return values.filter((v) => !isErrorAnswer(v)).map((value) => ({ value, source: 'the response content example' }));
}

function collectExamples(operation: OpenApiOperation, method: string, path: string, context: PipelineContext, shown: FoundExample[]): FoundExample[] {
  const { docs, catalogue, log } = context;
  const key = operationKey(method, path);
  const shape = operationKey(method, templateShape(path));
  const found: FoundExample[] = [...shown];
  const own = docs.get(shape);
  if (own) pushRepaired(found, own, key, context);
  const ok = inline(operation.responses?.['200']);
  const fromDescription = exampleInDescription(ok?.description);
  if (ok && fromDescription !== undefined) {
    ok.description = 'Success';
    const repaired = repairJson(fromDescription);
    if (repaired.ok) {
      found.push({ value: repaired.value, source: 'swagger response description' });
      repaired.fixes.forEach((fix) => log.add(fix, key, 'swagger response description'));
      log.add('example-moved-from-description', key);
    } else log.add('example-unrepairable', key, `swagger response description: ${repaired.reason}`);
  }
  if (found.length === 0) {
    for (const other of catalogue.get(shape) ?? []) {
      if (own && other.file === own.file && other.line === own.line) continue;
      if (pushRepaired(found, other, key, context)) {
        log.add('example-borrowed', key, `${other.file}:${other.exampleResponse!.line}`);
        break;
      }
    }
  }
  return found;
}

function pushRepaired(found: FoundExample[], doc: DocsOperation & { file: string }, key: string, { catalogue, log }: PipelineContext): boolean {
  if (!doc.exampleResponse) return false;
  const at = `${doc.file}:${doc.exampleResponse.line}`;
  const repaired = repairJson(doc.exampleResponse.text);
  if (!repaired.ok) {
    // a stripped capture's fragment: its nesting rebuilt where one reading only fits, other docs of the operation as templates
    const templates = (catalogue.get(operationKey(doc.method, templateShape(doc.path))) ?? []).flatMap((other) => {
      if (other === doc || (other.file === doc.file && other.line === doc.line) || !other.exampleResponse) return [];
      const parsed = repairJson(other.exampleResponse.text);
      return parsed.ok ? [parsed.value] : [];
    });
    const recovered = recoverStrippedJson(doc.exampleResponse.text, templates);
    if (!recovered.ok) {
      log.add('example-unrepairable', key, `${at}: ${recovered.reason}`);
      return false;
    }
    if (isErrorAnswer(recovered.value)) {
      log.add('example-is-error-answer', key, at);
      return false;
    }
    const how = [`${recovered.restored} bracket(s) restored`, recovered.templated ? `${recovered.templated} line(s) placed by ${templates.length} complete example(s) of the operation` : '', recovered.emptied ? `${recovered.emptied} container(s) whose content the capture lost` : ''];
    log.add('example-recovered', key, `${at}: ${how.filter(Boolean).join('; ')}`);
    found.push({ value: recovered.value, source: at, recovered: true });
    return true;
  }
  if (isErrorAnswer(repaired.value)) {
    log.add('example-is-error-answer', key, at);
    return false;
  }
  repaired.fixes.forEach((fix) => log.add(fix, key, at));
  found.push({ value: repaired.value, source: at });
  return true;
}

/** `{"error": ["invalid method"]}`: the platform's error answer (ERROR_SCHEMA) shown as the example says nothing of a success. */
function isErrorAnswer(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const error = (value as { error?: unknown }).error;
  return keys.length === 1 && keys[0] === 'error' && Array.isArray(error) && error.every((e) => typeof e === 'string');
}

/** The vendors' Swagger hides example JSON in markdown inside the response description. */
export function exampleInDescription(description: unknown): string | undefined {
  if (typeof description !== 'string') return undefined;
  const match = /```json\s*([\s\S]*?)(?:```|$)/.exec(description);
  return match ? match[1]!.replace(/\r/g, '') : undefined;
}

/**
 * `GET /server` is documented as "Lists all active servers" but its example shows one server: a
 * collection GET whose example is one flat record with an id, under prose that speaks of a list.
 */
function isSingleItemOfList(operation: OpenApiOperation, method: string, path: string, example: unknown): boolean {
  if (method !== 'get') return false;
  const last = path.split('/').pop() ?? '';
  if (last.startsWith('{') || typeof example !== 'object' || example === null || Array.isArray(example)) return false;
  const values = Object.values(example);
  const flat = values.every((v) => v === null || typeof v !== 'object');
  const hasId = Object.keys(example).some((k) => k === 'id' || k.endsWith('_id'));
  const prose = `${operation.summary ?? ''} ${operation.description ?? ''}`;
  return flat && hasId && /\b(list|lists|all|available)\b/i.test(prose);
}

export const ERROR_SCHEMA: OpenApiSchema = {
  type: 'object',
  properties: { error: { type: 'array', items: { type: 'string' }, description: 'Human-readable error messages' } },
  required: ['error'],
};
