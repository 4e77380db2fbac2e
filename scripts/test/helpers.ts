import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SPECS_DIR } from '../src/generate.js';
/** Committed output read back from disk: tests probe deep paths and let expect() report a missing one. */
export type SpecJson = Record<string, any>;

export const committedSpec = (provider: string): SpecJson => JSON.parse(readFileSync(join(SPECS_DIR, provider, 'openapi.json'), 'utf8'));
export const committedReport = (provider: string) => JSON.parse(readFileSync(join(SPECS_DIR, provider, 'report.json'), 'utf8'));
export const vendorText = (provider: string, file: string) => readFileSync(join(SPECS_DIR, provider, 'source', file), 'utf8');

/** A scratch copy of specs/ that a test may break. */
export function scratchSpecs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hostbill-specs-'));
  cpSync(SPECS_DIR, dir, { recursive: true });
  return dir;
}

export const FIXTURE_PROVIDERS = join(import.meta.dirname, 'fixtures', 'new-providers');

/** A specs folder holding only the given fixture providers, so the four real specs are not rebuilt here. */
export function specsWith(...providers: string[]): string {
  return copyFixtures(mkdtempSync(join(tmpdir(), 'hostbill-inputs-')), providers);
}

const copyFixtures = (dir: string, providers: string[]) => {
  for (const p of providers) cpSync(join(FIXTURE_PROVIDERS, p), join(dir, p), { recursive: true });
  return dir;
};

/** A scratch checkout around `specsWith(...)`: `<root>/specs/`, and `<root>/packages/runtime/LICENSE` the package generator reads. */
export function workspaceWith(...providers: string[]): { root: string; specsDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'hostbill-workspace-'));
  copyFixtures(join(root, 'specs'), providers);
  mkdirSync(join(root, 'packages', 'runtime'), { recursive: true });
  cpSync(join(SPECS_DIR, '..', 'packages', 'runtime', 'LICENSE'), join(root, 'packages', 'runtime', 'LICENSE'));
  return { root, specsDir: join(root, 'specs') };
}

/** Records the sha256 of every file in a scratch provider's source/, after a test changed one on purpose. */
export function rehash(specsDir: string, provider: string): void {
  const configFile = join(specsDir, provider, 'provider.json');
  const config = JSON.parse(readFileSync(configFile, 'utf8'));
  const sourceDir = join(specsDir, provider, 'source');
  config.sha256 = Object.fromEntries(readdirSync(sourceDir).map((f) => [`source/${f}`, createHash('sha256').update(readFileSync(join(sourceDir, f))).digest('hex')]));
  writeFileSync(configFile, JSON.stringify(config));
}

export const PIO_SWAGGER = '001_a814dcc48a50d90a.txt';
export const PIO_DOCS = '000_73a8a331297b97ae.txt';
export const STRIPPED_DOCS = '002_dd4277eef261f5b3.txt';
export const HOSTENS_DOCS = '003_98aab12d6ab6daae.txt';
export const HTMONI_SWAGGER = '004_063d4a0f9d81ddef.txt';
