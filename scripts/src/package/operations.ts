import { PipelineError } from '../errors.js';
import { parsePointer } from '../patch/json-pointer.js';
import { pointerSegment } from '../read/confine.js';
import { HTTP_METHODS, isReference, type HttpMethod, type OpenApi, type OpenApiOperation, type OpenApiParameter, type OpenApiReference, type OpenApiSchema } from '../openapi.js';
import { functionName } from './names.js';

/** What the generated package says about one operation: its function, docs and README line. */
export interface OperationDoc {
  name: string;
  method: HttpMethod;
  path: string;
  tag: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  parameters: Array<{ where: string; name: string; type: string; required: boolean; description?: string; example: string }>;
  body?: { required: boolean; fields: Array<{ name: string; type: string; required: boolean; description?: string }> };
  /** the 200 answer's JSON schema, `$ref`s resolved one level */
  success?: OpenApiSchema;
}

/** Every operation of a spec, in the spec's order, with a function name unique within the package. */
export function listOperations(spec: OpenApi, where: string): OperationDoc[] {
  const seen = new Map<string, string>();
  const docs: OperationDoc[] = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const name = functionName(operation.operationId ?? '');
      if (name === '') throw new PipelineError(where, `/paths/${pointerSegment(path)}/${method}/operationId`, `${key} has no operationId to name its function`);
      const clash = seen.get(name);
      if (clash) throw new PipelineError(where, `/paths/${pointerSegment(path)}/${method}/operationId`, `${key} and ${clash} both give the function name "${name}"`);
      seen.set(name, key);
      const parameters = [...(item?.parameters ?? []), ...(operation.parameters ?? [])].map((p) => resolve<OpenApiParameter>(spec, p)).filter((p): p is OpenApiParameter => p !== undefined);
      docs.push({
        name,
        method,
        path,
        tag: operation.tags?.[0] ?? 'Other',
        summary: operation.summary,
        description: operation.description,
        deprecated: operation.deprecated === true,
        parameters: parameters.map((p) => {
          const schema = resolve<OpenApiSchema>(spec, p.schema);
          return { where: p.in, name: p.name, type: describeType(spec, schema), required: p.required === true, description: p.description, example: exampleLiteral(schema) };
        }),
        body: bodyOf(spec, operation),
        success: successSchema(spec, operation),
      });
    }
  }
  return docs;
}

function bodyOf(spec: OpenApi, operation: OpenApiOperation): OperationDoc['body'] {
  const body = resolve<{ required?: boolean; content?: Record<string, { schema?: OpenApiSchema | OpenApiReference }> }>(spec, operation.requestBody);
  if (!body?.content) return undefined;
  const media = body.content['application/json'] ?? Object.values(body.content)[0];
  const schema = resolve<OpenApiSchema>(spec, media?.schema);
  const required = new Set(schema?.required ?? []);
  const fields = Object.entries(schema?.properties ?? {}).map(([name, value]) => {
    const field = resolve<OpenApiSchema>(spec, value);
    return { name, type: describeType(spec, field), required: required.has(name), description: field?.description };
  });
  return { required: body.required === true, fields };
}

function successSchema(spec: OpenApi, operation: OpenApiOperation): OpenApiSchema | undefined {
  const response = resolve<{ content?: Record<string, { schema?: OpenApiSchema | OpenApiReference }> }>(spec, operation.responses?.['200']);
  return resolve<OpenApiSchema>(spec, response?.content?.['application/json']?.schema);
}

/** A local `$ref` followed (a chain of them too); anything else as it is. */
export function resolve<T>(spec: OpenApi, value: unknown, depth = 0): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isReference(value)) return value as T;
  if (depth > 32 || !value.$ref.startsWith('#/')) return undefined;
  const segments = parsePointer(value.$ref.slice(1));
  if (typeof segments === 'string') return undefined;
  const target = segments.reduce<unknown>((node, segment) => (node && typeof node === 'object' && Object.hasOwn(node, segment) ? (node as Record<string, unknown>)[segment] : undefined), spec);
  return resolve<T>(spec, target, depth + 1);
}

/** A short type for docs: `integer`, `string[]`, `"a" | "b"`, `object`. */
function describeType(spec: OpenApi, schema: OpenApiSchema | undefined): string {
  if (!schema) return 'any';
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length === 0) return schema.oneOf || schema.anyOf ? 'one of several' : 'any';
  return types.map((t) => (t === 'array' ? `${describeType(spec, resolve(spec, (schema as { items?: unknown }).items))}[]` : t)).join(' | ');
}

/** A TypeScript literal the schema accepts, for README examples that must compile. */
export function exampleLiteral(schema: OpenApiSchema | undefined): string {
  if (schema?.enum?.length) return JSON.stringify(schema.enum[0]);
  const types = Array.isArray(schema?.type) ? schema.type : [schema?.type];
  if (types.includes('integer') || types.includes('number')) return '1';
  if (types.includes('boolean')) return 'true';
  return "'1'";
}
