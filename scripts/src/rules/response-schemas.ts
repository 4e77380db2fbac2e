import type { DocsOperation } from '../docs/extract-operations.js';
import { forEachOperation, inline, operationKey, type OpenApiOperation, type OpenApiSchema, type PipelineContext } from '../model.js';
import { asOpenApiSchema, inferSchema, mergeSchemas } from '../steps/infer-schema.js';
import { repairJson } from '../steps/repair-json.js';
import { pascalCase } from './naming.js';
import { templateShape } from './path-shape.js';
import type { Rule } from './types.js';

interface FoundExample {
  value: unknown;
  source: string;
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
      if (!ok || ok.content) return; // typed already (a patch, or the provider this spec is the union of)
      const examples = collectExamples(operation, method, path, context);
      if (examples.length === 0) {
        ok.content = { 'application/json': { schema: { type: 'object', additionalProperties: true } } };
        log.add('response-untyped', key, 'no example in any source');
        return;
      }
      const schema = examples.map((e) => inferSchema(e.value)).reduce((a, b) => mergeSchemas(a, b));
      // the vendor's example is attached as published, never rewritten
      const example = examples[0]!.value;
      // assign-operation-ids, which runs before this rule, gave every operation its id
      const name = `${pascalCase(operation.operationId!)}Response`;
      if (isSingleItemOfList(operation, method, path, example)) {
        // prose and example disagree: the answer may be what either says, so the schema takes both
        const item = `${pascalCase(operation.operationId!)}Item`;
        schemas[item] = asOpenApiSchema(schema);
        schemas[name] = { anyOf: [{ $ref: `#/components/schemas/${item}` }, { type: 'array', items: { $ref: `#/components/schemas/${item}` } }] };
        log.add('prose-and-example-disagree', key, 'the prose speaks of a list, the example shows one record: the schema takes one record or a list of them');
      } else schemas[name] = asOpenApiSchema(schema);
      ok.content = { 'application/json': { schema: { $ref: `#/components/schemas/${name}` }, example } };
      log.add('response-schema-inferred', key, examples.map((e) => e.source).join(', '));
    });
    return spec;
  },
};

function collectExamples(operation: OpenApiOperation, method: string, path: string, { docs, catalogue, log }: PipelineContext): FoundExample[] {
  const key = operationKey(method, path);
  const shape = operationKey(method, templateShape(path));
  const found: FoundExample[] = [];
  const own = docs.get(shape);
  if (own) pushRepaired(found, own, key, log);
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
      if (pushRepaired(found, other, key, log)) {
        log.add('example-borrowed', key, `${other.file}:${other.exampleResponse!.line}`);
        break;
      }
    }
  }
  return found;
}

function pushRepaired(found: FoundExample[], doc: DocsOperation & { file: string }, key: string, log: PipelineContext['log']): boolean {
  if (!doc.exampleResponse) return false;
  const at = `${doc.file}:${doc.exampleResponse.line}`;
  const repaired = repairJson(doc.exampleResponse.text);
  if (!repaired.ok) {
    log.add('example-unrepairable', key, `${at}: ${repaired.reason}`);
    return false;
  }
  repaired.fixes.forEach((fix) => log.add(fix, key, at));
  found.push({ value: repaired.value, source: at });
  return true;
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
