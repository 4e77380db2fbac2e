import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** What a provider is: a folder of specs/ that holds a provider.json. */
export function listProviders(specsDir: string): string[] {
  return readdirSync(specsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(specsDir, d.name, 'provider.json')))
    .map((d) => d.name)
    .sort();
}
