import { afterAll, describe, expect, inject, it } from 'vitest';
import { contractOperations } from '../src/operations.js';
import { clientFor, PROVIDERS, readSpec, specFile } from '../src/providers.js';
import { responseValidator } from '../src/response-contract.js';

const covered: Record<string, Set<string>> = {};
const totals: Record<string, number> = {};

for (const provider of Object.keys(PROVIDERS)) {
  const spec = readSpec(specFile(provider));
  const operations = contractOperations(spec);
  const validate = responseValidator(spec);
  totals[provider] = operations.length;
  covered[provider] = new Set();

  describe(`contract: ${provider}`, () => {
    const client = () => clientFor(provider, inject('mocks')[provider]!);

    it.each(operations.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))('%s', async (name, op) => {
      const json = op.responseType.includes('json');
      const { data, error, response } = await client().request(op.method, op.path, {
        params: op.params,
        ...(op.body === undefined ? {} : { body: op.body }),
        ...(json ? {} : { parseAs: 'text' }),
      });
      expect(error, `${name} answered ${response.status}: ${JSON.stringify(error)}; violations: ${response.headers.get('sl-violations')}`).toBeUndefined();
      expect(response.status).toBeGreaterThanOrEqual(200);
      expect(response.status).toBeLessThan(300);
      expect(validate(name, op.responseSchema, data)).toEqual([]);
      covered[provider]!.add(name);
    });
  });
}

afterAll(() => {
  for (const provider of Object.keys(totals)) {
    console.log(`contract: ${provider} ${covered[provider]!.size}/${totals[provider]} operations`);
  }
  for (const provider of Object.keys(totals)) expect(covered[provider]!.size, `${provider} operation coverage`).toBe(totals[provider]);
});
