import { forEachOperation, inline, isReference, jsonBodySchema, operationKey, type OpenApi, type OpenApiOperation, type OpenApiPathItem, type OpenApiReference, type OpenApiSchema, type RepairLog } from '../model.js';
import { setOwn } from '../patch/json-pointer.js';
import { templateShape } from '../rules/path-shape.js';
import { richerText } from '../rules/richer-text.js';
import { asOpenApiSchema, mergeSchemas, type JsonSchema } from './infer-schema.js';

/**
 * The generic spec starts as the union of the finished provider specs: the first provider to
 * document an operation gives it; later ones add the query parameters and body fields it lacks.
 */
export function unionOfSpecs(specs: Array<{ name: string; spec: OpenApi }>, info: OpenApi['info'], log: RepairLog): OpenApi {
  const paths: Record<string, OpenApiPathItem> = {};
  const schemas: Record<string, OpenApiSchema> = {};
  const byShape = new Map<string, OpenApiOperation>();
  for (const { name, spec } of specs) {
    for (const [schemaName, schema] of Object.entries(spec.components?.schemas ?? {})) {
      if (!Object.hasOwn(schemas, schemaName)) setOwn(schemas, schemaName, structuredClone(schema));
      // an entity two providers both answer (Service, Invoice) is what either answers: its records pooled
      else if (isPlainRecord(schemas[schemaName]) && isPlainRecord(schema)) setOwn(schemas, schemaName, asOpenApiSchema(mergeSchemas(schemas[schemaName] as JsonSchema, structuredClone(schema) as JsonSchema, true)));
    }
    forEachOperation(spec, (operation, method, path) => {
      const shape = operationKey(method, templateShape(path));
      const existing = byShape.get(shape);
      if (!existing) {
        const copy = structuredClone(operation);
        delete copy.security;
        (paths[path] ??= {})[method] = copy;
        byShape.set(shape, copy);
        log.add('union-operation-added', operationKey(method, path), name);
        return;
      }
      const added = [...mergeOperationInputs(existing, operation), ...typedAnswers(existing, operation), ...richerTexts(existing, operation)];
      if (added.length) log.add('union-operation-extended', operationKey(method, path), `${name}: ${added.join(', ')}`);
    });
  }
  return { openapi: '3.1.0', info, paths, components: { schemas } };
}

/**
 * An answer no source could type (the open object written where no example exists) is no evidence of
 * its shape: a later provider that types the same answer, by its example or its vendor's schema, gives it.
 */
function typedAnswers(target: OpenApiOperation, source: OpenApiOperation): string[] {
  const taken: string[] = [];
  for (const [code, answer] of Object.entries(source.responses ?? {})) {
    const own = target.responses?.[code];
    if (!own || isUntypedAnswer(answer) || !isUntypedAnswer(own)) continue;
    target.responses![code] = structuredClone(answer);
    taken.push(`${code} answer (typed)`);
  }
  return taken;
}

function isUntypedAnswer(answer: unknown): boolean {
  const response = inline(answer as { content?: Record<string, { schema?: unknown; example?: unknown; examples?: unknown }> });
  if (!response) return false; // a shared `$ref` answer (the Error) is typed
  const json = response.content?.['application/json'];
  if (!json) return Object.keys(response.content ?? {}).length === 0;
  if (json.example !== undefined || json.examples !== undefined) return false;
  const schema = json.schema as Record<string, unknown> | undefined;
  if (!schema) return true;
  const says = Object.keys(schema).filter((k) => !['description', 'title'].includes(k));
  return says.every((k) => k === 'type' || (k === 'additionalProperties' && schema[k] === true)) && (schema.type === undefined || schema.type === 'object');
}

/** A later provider that says more about the same operation or field (a longer list, a note) gives its text. */
function richerTexts(target: OpenApiOperation, source: OpenApiOperation): string[] {
  const taken: string[] = [];
  const take = (node: { summary?: string; description?: string }, key: 'summary' | 'description', text: string | undefined, what: string) => {
    // a summary is a label: it may only grow (`Resources` -> `Service resources`), never be swapped for a sentence
    const chosen = richerText(node[key], text, { doubling: key !== 'summary' });
    if (chosen === node[key] || chosen === undefined) return;
    node[key] = chosen;
    taken.push(`${what} (richer text)`);
  };
  take(target, 'summary', source.summary, 'summary');
  take(target, 'description', source.description, 'description');
  for (const parameter of source.parameters ?? []) {
    if (isReference(parameter)) continue;
    const same = (target.parameters ?? []).find((p) => !isReference(p) && p.in === parameter.in && p.name === parameter.name);
    if (same && !isReference(same)) take(same, 'description', parameter.description, `${parameter.name} description`);
  }
  const props = jsonBodySchema(target)?.properties ?? {};
  for (const [name, schema] of Object.entries(jsonBodySchema(source)?.properties ?? {})) {
    const same = Object.hasOwn(props, name) ? props[name] : undefined;
    if (same && !isReference(same) && !isReference(schema)) take(same, 'description', schema.description, `${name} description`);
  }
  return taken;
}

function mergeOperationInputs(target: OpenApiOperation, source: OpenApiOperation): string[] {
  const added: string[] = [];
  for (const parameter of source.parameters ?? []) {
    if (isReference(parameter) || parameter.in === 'path') continue;
    const parameters = (target.parameters ??= []);
    if (!parameters.some((p) => !isReference(p) && p.in === parameter.in && p.name === parameter.name)) {
      parameters.push(structuredClone(parameter));
      added.push(parameter.name);
    }
  }
  for (const [name, schema] of Object.entries(jsonBodySchema(source)?.properties ?? {})) {
    target.requestBody ??= structuredClone({ ...inline(source.requestBody)!, content: { 'application/json': { schema: { type: 'object', properties: {} } } } });
    const body = jsonBodySchema(target);
    // a form or `$ref` body would need its own merge; no vendor has one, so it stops the run, named
    if (!body) throw new Error(`the request body has no inline application/json schema to add "${name}" to`);
    const props = (body.properties ??= {});
    if (!Object.hasOwn(props, name)) {
      setOwn(props, name, structuredClone(schema));
      added.push(name);
    } else {
      const widened = eitherField(props[name]!, schema);
      if (widened) {
        setOwn(props, name, widened);
        added.push(`${name} (either provider's type)`);
      }
    }
  }
  return added;
}

type FieldSchema = OpenApiSchema | OpenApiReference;
const withoutText = ({ description: _d, ...rest }: Record<string, unknown>) => JSON.stringify(rest);
const scalarOnly = (s: FieldSchema): s is OpenApiSchema => !isReference(s) && Object.keys(s).every((k) => k === 'type' || k === 'description') && typeof s.type === 'string';

/**
 * A body field two providers type differently: a request either provider takes is a request the
 * generic client may send, so the field accepts both (`integer | string`, or `anyOf` for shapes).
 * Undefined when they agree but for their descriptions.
 */
function eitherField(current: FieldSchema, incoming: FieldSchema): FieldSchema | undefined {
  if (withoutText(current as Record<string, unknown>) === withoutText(incoming as Record<string, unknown>)) return undefined;
  const branches = 'anyOf' in current && Array.isArray(current.anyOf) ? current.anyOf : [current];
  if (branches.some((b) => withoutText(b as Record<string, unknown>) === withoutText(incoming as Record<string, unknown>))) return undefined;
  if (scalarOnly(current) && scalarOnly(incoming)) return { ...current, type: [current.type as string, incoming.type as string] } as OpenApiSchema;
  const description = !isReference(current) ? current.description : undefined;
  return { ...(description ? { description } : {}), anyOf: [...branches, structuredClone(incoming)] } as OpenApiSchema;
}

/** An inferred record (object with named properties, no `$ref` inside): two of one name can be merged field by field. */
function isPlainRecord(schema: unknown): boolean {
  const s = schema as Record<string, unknown> | undefined;
  return typeof s === 'object' && s !== null && s.type === 'object' && typeof s.properties === 'object' && !JSON.stringify(s).includes('"$ref"');
}
