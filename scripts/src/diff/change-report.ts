import type { SpecChange } from './diff-specs.js';

export type Bump = 'major' | 'minor' | 'patch';

/**
 * The semver bump a set of changes asks for: major when any breaks a client, minor when any adds
 * something, patch for the rest; undefined when the spec did not change at all.
 */
export function bumpFor(changes: SpecChange[], specChanged: boolean): Bump | undefined {
  if (changes.some((c) => c.breaking)) return 'major';
  if (changes.some((c) => c.addition)) return 'minor';
  return specChanged || changes.length > 0 ? 'patch' : undefined;
}

/** `breaking      GET /items  response 200 field items[].name removed  #/paths/~1items/get/...` */
export function changeLine(change: SpecChange): string {
  return `${(change.breaking ? 'breaking' : 'non-breaking').padEnd(12)}  ${change.operation}  ${change.subject === 'operation' ? 'operation' : change.subject} ${change.what}  ${change.pointer}`;
}

export function summaryLine(provider: string, changes: SpecChange[], specChanged: boolean): string {
  if (!specChanged) return `${provider}: no changes`;
  const breaking = changes.filter((c) => c.breaking).length;
  const counts = `${changes.length} change${changes.length === 1 ? '' : 's'} (${breaking} breaking)`;
  const detail = changes.length === 0 ? ': the spec differs only in text (descriptions, examples, names)' : '';
  return `${provider}: ${counts}, a ${bumpFor(changes, specChanged)} version${detail}`;
}
