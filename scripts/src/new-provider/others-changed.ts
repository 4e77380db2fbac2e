/**
 * What adding a provider changed of the others. Providers pool an entity's records across each
 * other, borrow each other's docs examples, and the union unites them all, so a new provider's examples can rightly change another's
 * committed spec and package; new-provider names those files so they are reviewed and committed
 * with it, never found later as a surprise in another provider's types.
 */
import { execFileSync } from 'node:child_process';

/** The paths `git status --porcelain` names (a rename: its new path). */
export function statusPaths(porcelain: string): string[] {
  return porcelain
    .split('\n')
    .filter((line) => line.length > 3)
    .map((line) => line.slice(3).split(' -> ').pop()!.replace(/^"|"$/g, ''));
}

/** The changed files under specs/ and packages/ of a checkout, or none where git cannot say (no repository). */
export function gitChanged(root: string): string[] {
  try {
    return statusPaths(execFileSync('git', ['status', '--porcelain', '--untracked-files=all', '--', 'specs', 'packages'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return [];
  }
}

/**
 * Per other provider, its files that changed between `before` and `after` (a file already changed
 * before is the user's work, not this run's). `isProvider` tells a provider folder from another
 * workspace package (packages/cli's devDependencies are reported where they are written).
 */
export function othersChanged(before: readonly string[], after: readonly string[], name: string, isProvider: (folder: string) => boolean): Map<string, string[]> {
  const earlier = new Set(before);
  const changed = new Map<string, string[]>();
  for (const path of after) {
    const [root, folder] = path.split('/');
    if (earlier.has(path) || folder === undefined || folder === name || (root !== 'specs' && root !== 'packages') || !isProvider(folder)) continue;
    changed.set(folder, [...(changed.get(folder) ?? []), path]);
  }
  return new Map([...changed].sort(([a], [b]) => a.localeCompare(b)));
}

/** The `check:` lines new-provider prints for them. */
export function othersChangedNotes(changed: ReadonlyMap<string, readonly string[]>, name: string): string[] {
  return [...changed].map(
    ([provider, files]) => `${provider} changed (${files.join(', ')}): pooled across providers with ${name} (entity records, borrowed docs examples) or uniting it; review the diff (specs/${provider}/report.json says why) and commit it with ${name}`,
  );
}
