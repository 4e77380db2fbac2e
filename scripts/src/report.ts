import { forEachOperation } from './model.js';
import type { ProviderResult } from './pipeline.js';

/** What the pipeline did to one provider: counts by kind, then every repair, in a stable order. */
export function buildReport(result: ProviderResult) {
  let operations = 0;
  forEachOperation(result.spec, () => operations++);
  const repairs: Record<string, number> = {};
  for (const r of result.repairs) repairs[r.kind] = (repairs[r.kind] ?? 0) + 1;
  return {
    provider: result.name,
    operations,
    totalRepairs: result.repairs.length,
    repairs: Object.fromEntries(Object.entries(repairs).sort(([a], [b]) => a.localeCompare(b))),
    details: result.repairs,
  };
}
