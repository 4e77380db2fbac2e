import type { DocsOperation } from './docs/extract-operations.js';

/* OpenAPI documents are handled as plain JSON: the validate step, not the type system, proves their shape. */
export type OpenApi = Record<string, any>;
export type OpenApiOperation = Record<string, any>;

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export type AuthStyle = 'basic' | 'bearer';

/** `specs/<provider>/provider.json`: the few facts no rule can derive. */
export interface ProviderConfig {
  name: string;
  title: string;
  /** Swagger 2.0 file, relative to the provider folder */
  swagger?: string;
  /** HTML-docs captures, relative to the provider folder */
  docs?: string[];
  /** other providers whose finished specs this one is the union of */
  unionOf?: string[];
  /** used when the Swagger file has no host, or there is none */
  servers?: Array<{ url: string; description?: string; variables?: Record<string, { default: string; description?: string }> }>;
  /** how the provider authenticates, in order of preference */
  auth: AuthStyle[];
  /** section headings of the docs, so prose and parameter descriptions are not mistaken for them */
  sections?: string[];
}

export interface LoadedDocs {
  file: string;
  operations: DocsOperation[];
}

export interface Repair {
  kind: string;
  /** operation (`GET /path`) or JSON pointer the repair touched */
  where: string;
  detail?: string;
}

/** Collects repairs; a rule never needs to know who reads them. */
export class RepairLog {
  readonly repairs: Repair[] = [];
  add(kind: string, where: string, detail?: string): void {
    this.repairs.push(detail === undefined ? { kind, where } : { kind, where, detail });
  }
}

export interface PipelineContext {
  provider: ProviderConfig;
  /** docs operations of this provider, by `METHOD /path` */
  docs: Map<string, DocsOperation & { file: string }>;
  /** docs operations of every provider's docs, for what one provider documents and another does not */
  catalogue: Map<string, Array<DocsOperation & { file: string }>>;
  log: RepairLog;
}

export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** Visits every operation of a spec in document order. */
export function forEachOperation(spec: OpenApi, visit: (operation: OpenApiOperation, method: string, path: string) => void): void {
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = (item as OpenApi)[method];
      if (operation) visit(operation, method, path);
    }
  }
}
