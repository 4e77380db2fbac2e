import { afterAll, describe, expect, inject, it } from 'vitest';
import { countOperations, coverageLines, coverageProblems } from '../src/coverage-gate.js';
import { contractOperations } from '../src/operations.js';
import { calls, type CallOptions } from '../src/generated/calls.js';
import { clientFor, PROVIDERS, readSpec } from '../src/providers.js';
import { responseValidator } from '../src/response-contract.js';

/**
 * The typed calls (src/write-calls.ts writes them from specs/ before tsc and this run), looked up by
 * name here; each one is checked by tsc against its package's generated types, not here.
 */
type TypedCall = (client: never, options: CallOptions) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
const typedCalls = calls as unknown as Record<string, Record<string, TypedCall> | undefined>;

const covered: Record<string, Set<string>> = {};
// the gate's totals: every provider in specs/ and every operation of its spec, counted apart from the tests
const expected = PROVIDERS.map((p) => ({ provider: p.name, operations: countOperations(readSpec(p.specFile)) }));

for (const { name: provider, specFile } of PROVIDERS) {
  const spec = readSpec(specFile);
  const operations = contractOperations(spec);
  const validate = responseValidator(spec);

  describe(`contract: ${provider}`, () => {
    const client = () => clientFor(provider, inject('mocks')[provider]!);

    it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))('%s', async (name, op) => {
      const json = op.responseType.includes('json');
      const call = typedCalls[provider]?.[name];
      if (!call) throw new Error(`${provider}: ${name} has no typed call in src/generated/calls.ts (run src/write-calls.ts)`);
      const { data, error, response } = await call((await client()) as never, json ? {} : { parseAs: 'text' });
      expect(error, `${name} answered ${response.status}: ${JSON.stringify(error)}; violations: ${response.headers.get('sl-violations')}`).toBeUndefined();
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(300);
      expect(validate(name, op.responseSchema, data)).toEqual([]);
      (covered[provider] ??= new Set()).add(name);
    });
  });
}

afterAll(() => {
  const counts = Object.fromEntries(Object.entries(covered).map(([provider, names]) => [provider, names.size]));
  for (const line of coverageLines(expected, counts)) console.log(line);
  expect(coverageProblems(expected, counts)).toEqual([]);
});
