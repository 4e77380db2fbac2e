import { clientIdentifier, HTTP_METHODS } from '@hostbill-api/spec-pipeline';
import type { ReferenceProvider } from '../src/providers.js';

export interface SampleOperation {
  tag: string;
  operationId: string;
  method: string;
  path: string;
  summary?: string;
  /** every parameter's name (path-item and operation) */
  parameters: string[];
  factory: string;
  /** `"key"` as the response sample panel prints the 200 example's first field; undefined without an example */
  exampleText?: string;
}

/** Redoc's section id segment for a tag: lower case, runs of other characters as one dash. */
export const tagSlug = (tag: string) => tag.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

interface LooseOperation {
  operationId?: string;
  tags?: string[];
  summary?: string;
  parameters?: Array<{ name?: string }>;
  responses?: Record<string, { content?: Record<string, { example?: unknown }> }>;
}

/**
 * One operation per tag, in the spec's order: the first with parameters and a 200 example, else the
 * first with an example, else the first of the tag, so the page test sees parameters and examples
 * wherever the spec has them.
 */
export function sampleOperations(provider: ReferenceProvider): SampleOperation[] {
  const factory = `create${clientIdentifier(provider.config)}Client`;
  const byTag = new Map<string, SampleOperation[]>();
  for (const [path, item] of Object.entries(provider.spec.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item?.[method] as LooseOperation | undefined;
      if (!operation?.operationId) continue;
      const tag = operation.tags?.[0] ?? 'Other';
      const parameters = [...((item?.parameters ?? []) as Array<{ name?: string }>), ...(operation.parameters ?? [])].flatMap((p) => (p.name ? [p.name] : []));
      const list = byTag.get(tag) ?? [];
      list.push({ tag, operationId: operation.operationId, method, path, summary: operation.summary, parameters, factory, exampleText: exampleText(operation) });
      byTag.set(tag, list);
    }
  }
  return [...byTag.values()].map((ops) => ops.find((o) => o.parameters.length && o.exampleText) ?? ops.find((o) => o.exampleText) ?? ops[0]!);
}

function exampleText(operation: LooseOperation): string | undefined {
  let example = operation.responses?.['200']?.content?.['application/json']?.example;
  if (Array.isArray(example)) example = example[0];
  if (typeof example !== 'object' || example === null) return undefined;
  const [key] = Object.keys(example);
  return key === undefined ? undefined : `"${key}"`;
}
