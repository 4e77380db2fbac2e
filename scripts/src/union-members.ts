import type { ProviderConfig } from './model.js';

/**
 * Where a provider goes in build order, by the authority of its sources: a vendor Swagger or OpenAPI file with
 * docs, that file alone, docs alone; a union last, since it needs the others finished. Build order
 * is precedence: the union takes each operation from the first provider that has it, and a docs example
 * from the first docs that show it, so a vendor-typed operation wins over one inferred from prose.
 */
export function sourceRank(config: Pick<ProviderConfig, 'swagger' | 'openapi' | 'docs' | 'unionOf'>): number {
  if (config.unionOf !== undefined) return 3;
  // an OpenAPI export is the vendor's own description as much as a Swagger one
  if (config.swagger !== undefined || config.openapi !== undefined) return config.docs?.length ? 0 : 1;
  return 2;
}

/** Configs in build order: by source rank, then by name, so the order never depends on how folders are listed. */
export function buildOrder<T extends { config: ProviderConfig }>(inputs: readonly T[]): T[] {
  return [...inputs].sort((a, b) => sourceRank(a.config) - sourceRank(b.config) || (a.config.name < b.config.name ? -1 : a.config.name > b.config.name ? 1 : 0));
}

/**
 * The providers a union unites, in build order: every one that is no union itself (unions never unite
 * each other, so there is no cycle to find) and has not opted out with `"excludeFromUnion": true`.
 * Opt-out rather than a list in the union's provider.json: adding or removing a provider folder then
 * never needs an edit in another folder.
 */
export function unionMembers(union: ProviderConfig, all: readonly ProviderConfig[]): string[] {
  if (union.unionOf === undefined) return [];
  return buildOrder(all.map((config) => ({ config })))
    .map(({ config }) => config)
    .filter((config) => config.unionOf === undefined && config.excludeFromUnion !== true)
    .map((config) => config.name);
}
