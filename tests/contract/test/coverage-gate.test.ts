import { describe, expect, it } from 'vitest';
import { countOperations, coverageLines, coverageProblems } from '../src/coverage-gate.js';
import { PROVIDERS, readSpec } from '../src/providers.js';

// the gate contract.test.ts runs, on records a run would produce
const expected = PROVIDERS.map((p) => ({ provider: p.name, operations: countOperations(readSpec(p.specFile)) }));
const full = Object.fromEntries(expected.map((e) => [e.provider, e.operations]));

describe('contract coverage gate', () => {
  it('is derived from specs/: every provider folder is expected, with every operation of its spec', () => {
    expect(expected.length).toBeGreaterThan(0);
    for (const e of expected) expect(e.operations, e.provider).toBeGreaterThan(0);
  });

  it('passes when every provider is at N/N', () => {
    expect(coverageProblems(expected, full)).toEqual([]);
    expect(coverageLines(expected, full)).toEqual(expected.map((e) => `contract: ${e.provider} ${e.operations}/${e.operations} operations`));
  });

  it.each(expected.map((e) => [e.provider, e] as const))('fails when the operations of %s were skipped', (provider, e) => {
    const { [provider]: _, ...skipped } = full;
    expect(coverageProblems(expected, skipped)).toEqual([`contract: ${provider} has no coverage line: none of its ${e.operations} operations was called`]);
    expect(coverageLines(expected, skipped)).toContain(`contract: ${provider} 0/${e.operations} operations`);
  });

  it('fails when a provider is below N/N', () => {
    const [first] = expected;
    expect(coverageProblems(expected, { ...full, [first!.provider]: first!.operations - 1 })).toEqual([`contract: ${first!.provider} ${first!.operations - 1}/${first!.operations} operations: 1 not called or failed`]);
  });

  it('fails when specs/ holds no provider', () => {
    expect(coverageProblems([], {})).toEqual(['contract: no provider in specs/']);
  });

  it('counts operations from the spec, not from the test list', () => {
    expect(countOperations({ paths: { '/a': { get: {}, post: {}, parameters: [] }, '/b': { delete: {} } } })).toBe(3);
  });
});
