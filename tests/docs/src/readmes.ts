import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractBlocks, groupModules, type ExampleModule } from './extract.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** README.md and every packages/<name>/README.md, as repo-relative paths. */
export function readmeFiles(root = REPO_ROOT): string[] {
  const packages = readdirSync(join(root, 'packages'))
    .map((name) => `packages/${name}/README.md`)
    .filter((file) => existsSync(join(root, file)));
  return ['README.md', ...packages.sort()];
}

export function readmeExamples(root = REPO_ROOT): ExampleModule[] {
  return readmeFiles(root).flatMap((file) => groupModules(extractBlocks(file, readFileSync(join(root, file), 'utf8'))));
}
