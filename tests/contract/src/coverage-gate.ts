/**
 * The contract run's coverage gate: every provider in specs/ must have every operation of its spec
 * answered and validated. The totals come from the specs themselves, not from the list the tests
 * were made from, so a provider (or an operation) the tests leave out is a failure, not a smaller N.
 */
export interface Expected {
  provider: string;
  operations: number;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

/** Operations in a spec: each method of each path item. */
export function countOperations(spec: { paths?: Record<string, Record<string, unknown>> }): number {
  return Object.values(spec.paths ?? {}).reduce((n, item) => n + METHODS.filter((m) => item?.[m] !== undefined).length, 0);
}

/** The `contract: <provider> N/N operations` lines, one per provider in specs/ (a missing one as 0/N). */
export function coverageLines(expected: Expected[], covered: Record<string, number>): string[] {
  return expected.map(({ provider, operations }) => `contract: ${provider} ${covered[provider] ?? 0}/${operations} operations`);
}

/** What keeps the run from passing; empty when every provider is at N/N. */
export function coverageProblems(expected: Expected[], covered: Record<string, number>): string[] {
  const problems: string[] = [];
  for (const { provider, operations } of expected) {
    const done = covered[provider];
    if (done === undefined) problems.push(`contract: ${provider} has no coverage line: none of its ${operations} operations was called`);
    else if (done < operations) problems.push(`contract: ${provider} ${done}/${operations} operations: ${operations - done} not called or failed`);
  }
  if (expected.length === 0) problems.push('contract: no provider in specs/');
  return problems;
}
