import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OpenApi, ProviderConfig } from '@hostbill-api/spec-pipeline';

export const ROOT = join(import.meta.dirname, '..', '..');
export const SPECS_DIR = join(ROOT, 'specs');

export interface ReferenceProvider {
  /** the folder of specs/, also the page's folder in the site */
  name: string;
  config: ProviderConfig;
  spec: OpenApi;
}

/** Every folder of specs/ with an openapi.json (and the provider.json beside it): no list of providers here. */
export function referenceProviders(specsDir: string = SPECS_DIR): ReferenceProvider[] {
  return readdirSync(specsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(specsDir, d.name, 'openapi.json')))
    .map((d) => d.name)
    .sort()
    .map((name) => ({
      name,
      config: readJson<ProviderConfig>(join(specsDir, name, 'provider.json')),
      spec: readJson<OpenApi>(join(specsDir, name, 'openapi.json')),
    }));
}

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
  }
}
