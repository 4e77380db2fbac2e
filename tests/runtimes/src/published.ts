import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface Manifest {
  name: string;
  private?: boolean;
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

export interface PublishedPackage {
  name: string;
  dir: string;
  manifest: Manifest;
  /** a provider package is one whose folder name has a spec under specs/ */
  spec?: string;
}

export function readJson<T = Manifest>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Every `packages/*` library (no `"private": true`, has `types`): what npm users import; the Node-only CLI is no library. */
export function publishedPackages(root = REPO_ROOT): PublishedPackage[] {
  return readdirSync(join(root, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, 'packages', entry.name, 'package.json')))
    .map((entry) => {
      const dir = join(root, 'packages', entry.name);
      const manifest = readJson(join(dir, 'package.json'));
      const spec = join(root, 'specs', entry.name, 'openapi.json');
      return { name: manifest.name, dir, manifest, spec: existsSync(spec) ? spec : undefined };
    })
    .filter((pkg) => !pkg.manifest.private && (pkg.manifest as { types?: string }).types !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const providerPackages = (root = REPO_ROOT) => publishedPackages(root).filter((pkg) => pkg.spec);
