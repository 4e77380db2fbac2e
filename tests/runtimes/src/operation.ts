/** The parts of an OpenAPI 3.1 document this picks from. */
interface Parameter {
  in?: string;
  required?: boolean;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean };
  responses?: Record<string, { content?: Record<string, unknown> }>;
}
type PathItem = Record<string, Operation> & { parameters?: Parameter[] };
export interface OpenApiDocument {
  paths?: Record<string, PathItem>;
}

/**
 * The first path (in sorted order) whose GET needs no parameters and answers 200 with JSON: a call
 * any runtime can make without knowing the provider. Derived from the package's own spec, so new
 * providers are covered without a hand list.
 */
export function simpleGetPath(spec: OpenApiDocument): string {
  const candidates = Object.entries(spec.paths ?? {})
    .filter(([, item]) => {
      const get = item.get;
      if (!get) return false;
      const parameters = [...(item.parameters ?? []), ...(get.parameters ?? [])];
      const needsInput = parameters.some((p) => p.required || p.in === 'path') || get.requestBody?.required;
      return !needsInput && get.responses?.['200']?.content?.['application/json'] !== undefined;
    })
    .map(([path]) => path)
    .sort();
  if (!candidates[0]) throw new Error('the spec has no GET without required parameters that answers 200 with JSON');
  return candidates[0];
}
