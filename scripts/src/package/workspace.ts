import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ProviderConfig } from '../model.js';
import type { OpenApi } from '../openapi.js';
import type { OutputFile } from '../steps/write-all.js';
import { packageFiles } from './package-files.js';
import { generatedBanner } from './sources.js';

/** Every provider's package files; the LICENSE text is the runtime's, so all packages ship one text. */
export function providerPackages(providers: Array<{ config: ProviderConfig; spec: OpenApi }>, packagesDir: string): OutputFile[] {
  const license = readFileSync(join(packagesDir, 'runtime', 'LICENSE'), 'utf8');
  return providers.flatMap((provider) => packageFiles(provider, packagesDir, license));
}

/** Package folders this generator made (their index carries its banner) whose provider is gone. */
export function orphanedPackages(packagesDir: string, providers: readonly string[]): string[] {
  if (!existsSync(packagesDir)) return [];
  return readdirSync(packagesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !providers.includes(d.name))
    .filter((d) => {
      const index = join(packagesDir, d.name, 'src', 'index.ts');
      return existsSync(index) && readFileSync(index, 'utf8').startsWith(generatedBanner(d.name));
    })
    .map((d) => join(packagesDir, d.name));
}

export function ensureDirectories(files: Array<{ file: string }>): void {
  for (const dir of new Set(files.map((f) => dirname(f.file)))) mkdirSync(dir, { recursive: true });
}

export function removePackages(dirs: string[]): void {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
