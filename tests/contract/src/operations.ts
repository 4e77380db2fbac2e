import type { Spec } from './providers.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export interface ContractOperation {
  method: string;
  path: string;
  operationId: string;
  /** `{ path, query }` values built from the parameter schemas (examples where present) */
  params: { path: Record<string, unknown>; query: Record<string, unknown> };
  body: unknown;
  /** media type and schema of the documented 200 answer */
  responseType: string;
  responseSchema: unknown;
}

/** Resolves a local `$ref` (`#/components/...`) against the spec. */
export function resolveRef(spec: Spec, schema: Spec | undefined): Spec | undefined {
  if (!schema?.$ref) return schema;
  return schema.$ref
    .slice(2)
    .split('/')
    .reduce((node: Spec, key: string) => node?.[key], spec);
}

/** A value the schema accepts: its example if it has one, else the simplest valid value of its type. */
export function sampleFor(spec: Spec, schema: Spec | undefined): unknown {
  const resolved = resolveRef(spec, schema) ?? {};
  if (resolved.example !== undefined) return resolved.example;
  const type = Array.isArray(resolved.type) ? resolved.type.find((t: string) => t !== 'null') : resolved.type;
  switch (type) {
    case 'integer':
      return 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    case 'array':
      return resolved.items && Object.keys(resolved.items).length ? [sampleFor(spec, resolved.items)] : [];
    case 'object':
      return Object.fromEntries(Object.entries(resolved.properties ?? {}).map(([k, v]) => [k, sampleFor(spec, v as Spec)]));
    case 'string':
      return 'example';
    default:
      return 'example';
  }
}

/** Every operation of a spec, with valid inputs derived from the spec itself (not a hand list). */
export function contractOperations(spec: Spec): ContractOperation[] {
  const operations: ContractOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths as Record<string, Spec>)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const params = { path: {} as Record<string, unknown>, query: {} as Record<string, unknown> };
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in === 'path' || (parameter.in === 'query' && parameter.required)) {
          params[parameter.in as 'path' | 'query'][parameter.name] = parameter.example ?? sampleFor(spec, parameter.schema);
        }
      }
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      const [responseType, media] = Object.entries(operation.responses['200'].content as Record<string, Spec>)[0]!;
      operations.push({
        method,
        path,
        operationId: operation.operationId,
        params,
        body: bodySchema ? sampleFor(spec, bodySchema) : undefined,
        responseType,
        responseSchema: media.schema,
      });
    }
  }
  return operations;
}
