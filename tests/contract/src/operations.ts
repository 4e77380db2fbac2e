import { resolveRef, sampleFor, type Spec } from './sample.js';

export { resolveRef, sampleFor };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

export interface ContractOperation {
  method: string;
  path: string;
  operationId: string;
  /** `{ path, query, header }` values built from the parameter schemas (examples where present) */
  params: { path: Record<string, unknown>; query: Record<string, unknown>; header?: Record<string, unknown> };
  body: unknown;
  /** media type and schema of the documented success answer ('' and undefined when it has no body) */
  responseType: string;
  responseSchema: unknown;
}

/** Every operation of a spec, with valid inputs derived from the spec itself (not a hand list). */
export function contractOperations(spec: Spec): ContractOperation[] {
  const operations: ContractOperation[] = [];
  for (const [path, item] of Object.entries(spec.paths as Record<string, Spec>)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const params: ContractOperation['params'] = { path: {}, query: {} };
      for (const ref of [...(item.parameters ?? []), ...(operation.parameters ?? [])]) {
        const parameter = resolveRef(spec, ref)!;
        // what a request must carry: path parameters, and required query and header ones
        if (parameter.in === 'path' || (parameter.required && (parameter.in === 'query' || parameter.in === 'header'))) {
          const where = parameter.in as 'path' | 'query' | 'header';
          (params[where] ??= {})[parameter.name] = parameter.example ?? sampleFor(spec, parameter.schema);
        }
      }
      const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
      // the documented success: 200 where there is one, else the lowest 2xx (201, 204, ...)
      const success = Object.keys(operation.responses ?? {}).filter((code) => /^2\d\d$/.test(code)).sort()[0];
      if (success === undefined) throw new Error(`${method.toUpperCase()} ${path}: documents no 2xx response`);
      const [responseType, media] = Object.entries((resolveRef(spec, operation.responses[success])!.content ?? {}) as Record<string, Spec>)[0] ?? ['', {}];
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
