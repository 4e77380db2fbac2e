import type { DocsOperation } from './docs/extract-operations.js';
import type { RepairKind } from './repair-kinds.js';
export type { RepairKind } from './repair-kinds.js';

export { componentName, HTTP_METHODS, inline, isReference, jsonBodySchema } from './openapi.js';
export type { HttpMethod, OpenApi, OpenApiMediaType, OpenApiOperation, OpenApiParameter, OpenApiPathItem, OpenApiReference, OpenApiRequestBody, OpenApiResponse, OpenApiSchema } from './openapi.js';
import { HTTP_METHODS, type HttpMethod, type OpenApi, type OpenApiOperation } from './openapi.js';

export type AuthStyle = 'basic' | 'bearer';

/** `specs/<provider>/provider.json`: the few facts no rule can derive. */
export interface ProviderConfig {
  name: string;
  title: string;
  /** Swagger 2.0 file (JSON or YAML), relative to the provider folder; at most one of `swagger` and `openapi` */
  swagger?: string;
  /** OpenAPI 3.0 or 3.1 file (JSON or YAML), relative to the provider folder */
  openapi?: string;
  /** HTML-docs captures, relative to the provider folder */
  docs?: string[];
  /** `"*"`: this spec is the union of every other provider's finished spec (see union-members.ts) */
  unionOf?: '*';
  /** a union leaves this provider out */
  excludeFromUnion?: boolean;
  /** used when the Swagger file has no host, or there is none */
  servers?: Array<{ url: string; description?: string; variables?: Record<string, { default: string; description?: string }> }>;
  /** how the provider authenticates, in order of preference */
  auth: AuthStyle[];
  /** the PascalCase word of the package's `create<identifier>Client`; default from the title */
  identifier?: string;
  /** section headings of the docs, so prose and parameter descriptions are not mistaken for them */
  sections?: string[];
}

export interface LoadedDocs {
  file: string;
  operations: DocsOperation[];
}

export interface Repair {
  kind: RepairKind;
  /** operation (`GET /path`) or JSON pointer the repair touched */
  where: string;
  detail?: string;
}

/** Collects repairs; a rule never needs to know who reads them. */
export class RepairLog {
  readonly repairs: Repair[] = [];
  add(kind: RepairKind, where: string, detail?: string): void {
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
  /**
   * Filled by the rules: every answer value seen of each operation (`METHOD /path`), the records
   * other providers pool by (steps/entity-records.ts); a spec's schemas may hold a vendor's word instead.
   */
  answers?: Map<string, unknown[]>;
}

export function operationKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** Visits every operation of a spec in document order. */
export function forEachOperation(spec: OpenApi, visit: (operation: OpenApiOperation, method: HttpMethod, path: string) => void): void {
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item?.[method];
      if (operation) visit(operation, method, path);
    }
  }
}
