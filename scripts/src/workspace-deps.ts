/**
 * Workspace dependencies follow specs/: every workspace package whose package.json says
 * `"hostbill-api": { "providerDeps": true }` (the suites that import provider packages) gets
 * `"@hostbill-api/<provider>": "workspace:*"` in its devDependencies for each folder of specs/, so
 * turbo builds every provider before those suites run, and a removed provider's entry goes. A published
 * package that needs every provider at run time (the CLI) says `"providerDeps": "dependencies"` and gets
 * `"workspace:^"` entries in its dependencies instead.
 * `pnpm generate` writes them; `--check` (in specs:check and the pipeline's test) fails naming a stale file.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PipelineError } from './errors.js';
import { listProviders } from './read/list-providers.js';

const SCOPE = '@hostbill-api/';
/** Where a marked manifest keeps its provider entries, and with which range. */
interface Placement {
  field: 'dependencies' | 'devDependencies';
  spec: string;
}
const SUITE: Placement = { field: 'devDependencies', spec: 'workspace:*' };
const PUBLISHED: Placement = { field: 'dependencies', spec: 'workspace:^' };

export interface Manifest {
  /** repo-relative, for messages */
  file: string;
  text: string;
}

/** Whether a package.json asks for provider dependencies (the marker is data, not a list here). */
export function wantsProviderDeps(manifest: Record<string, unknown>): boolean {
  return placementOf(manifest) !== undefined;
}

/** `providerDeps: true` (a suite: devDependencies) or `"dependencies"` (a published package); else none. */
function placementOf(manifest: Record<string, unknown>): Placement | undefined {
  const own = manifest['hostbill-api'];
  const marker = typeof own === 'object' && own !== null ? (own as { providerDeps?: unknown }).providerDeps : undefined;
  return marker === true ? SUITE : marker === 'dependencies' ? PUBLISHED : undefined;
}

/**
 * The package.json text with its provider devDependencies matching `providers`. `others` are the
 * names of the workspace's packages that are not providers (the runtime, the pipeline, test helpers):
 * an `@hostbill-api/*` entry outside both is a provider that is gone, and is removed. A provider entry
 * in the other field moves to the marked one: one place is enough. Everything else keeps its bytes;
 * an unchanged manifest is returned as it was.
 */
export function syncProviderDeps(manifest: Manifest, providers: readonly string[], others: ReadonlySet<string>): string {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(manifest.text);
  } catch (error) {
    throw new PipelineError(manifest.file, '', `invalid JSON: ${(error as Error).message}`);
  }
  const placement = placementOf(parsed);
  if (!placement) return manifest.text;
  const { field, spec } = placement;
  const other = field === 'dependencies' ? 'devDependencies' : 'dependencies';
  const wanted = new Set(providers.map((p) => SCOPE + p));
  const isProvider = (name: string) => name.startsWith(SCOPE) && !others.has(name);
  for (const key of ['dependencies', 'devDependencies'] as const) {
    const value = parsed[key];
    if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) throw new PipelineError(manifest.file, `/${key}`, 'must be an object');
  }
  const elsewhere = parsed[other] as Record<string, string> | undefined;
  const own = (parsed[field] ?? {}) as Record<string, string>;
  const current = Object.keys(own).filter(isProvider);
  const misplaced = Object.keys(elsewhere ?? {}).filter(isProvider);
  const upToDate = misplaced.length === 0 && current.length === wanted.size && current.every((name) => wanted.has(name) && own[name] === spec);
  if (upToDate) return manifest.text;

  if (elsewhere) {
    for (const name of misplaced) delete elsewhere[name];
    if (Object.keys(elsewhere).length === 0) delete parsed[other];
  }
  const kept = Object.entries(own).filter(([name]) => !isProvider(name));
  const entries = [...kept, ...[...wanted].map((name) => [name, spec] as [string, string])];
  // pnpm writes these sorted; a hand-ordered list keeps its order, new entries after it
  const sorted = isSorted(Object.keys(own));
  parsed[field] = Object.fromEntries(sorted ? entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : entries);
  return `${JSON.stringify(parsed, null, 2)}\n`;
}

function isSorted(names: string[]): boolean {
  return names.every((name, i) => i === 0 || names[i - 1]! <= name);
}

/** The workspace's package folders, from pnpm-workspace.yaml's `packages:` (`dir` and `dir/*` entries). */
export function workspaceFolders(root: string): string[] {
  const file = join(root, 'pnpm-workspace.yaml');
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((line) => /^packages:\s*$/.test(line));
  if (start === -1) throw new PipelineError('pnpm-workspace.yaml', '', 'has no "packages:" list');
  const folders: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const entry = /^\s+-\s+['"]?([^'"#\s]+)['"]?\s*(#.*)?$/.exec(line);
    if (!entry) break; // the next top-level key
    const glob = entry[1]!;
    if (glob.endsWith('/*')) {
      const parent = join(root, glob.slice(0, -2));
      if (!existsSync(parent)) continue;
      for (const d of readdirSync(parent, { withFileTypes: true })) if (d.isDirectory()) folders.push(join(glob.slice(0, -2), d.name));
    } else if (!glob.includes('*')) folders.push(glob);
    else throw new PipelineError('pnpm-workspace.yaml', '/packages', `"${glob}": only "dir" and "dir/*" entries are understood`);
  }
  return folders.filter((folder) => existsSync(join(root, folder, 'package.json'))).sort();
}

/** Every manifest whose text `syncProviderDeps` would change, with the text it should have. */
export function staleManifests(root: string, providers: readonly string[]): Array<Manifest & { expected: string }> {
  const manifests = workspaceFolders(root).map((folder) => {
    const file = join(folder, 'package.json');
    return { file, text: readFileSync(join(root, file), 'utf8') };
  });
  const names = manifests.map((m) => (JSON.parse(m.text) as { name?: string }).name).filter((n): n is string => typeof n === 'string');
  const providerNames = new Set(providers.map((p) => SCOPE + p));
  const others = new Set(names.filter((name) => !providerNames.has(name)));
  return manifests.map((m) => ({ ...m, expected: syncProviderDeps(m, providers, others) })).filter((m) => m.expected !== m.text);
}

/** The `workspace-deps` command (`--check`, `--root <dir>`): exit code 0 or 1. */
export function runWorkspaceDeps(argv: string[]): number {
  const root = argv.includes('--root') ? argv[argv.indexOf('--root') + 1]! : join(fileURLToPath(import.meta.url), '..', '..', '..');
  const stale = staleManifests(root, listProviders(join(root, 'specs')));
  if (argv.includes('--check')) {
    for (const m of stale) console.error(`out of date: ${m.file}: its provider dependencies differ from specs/ (run \`pnpm generate\`, then \`pnpm install\`, and commit)`);
    console.log(`workspace-deps:check ${stale.length ? 'FAILED' : 'ok'}`);
    return stale.length ? 1 : 0;
  }
  for (const m of stale) {
    writeFileSync(join(root, m.file), m.expected);
    console.log(`updated ${relative(root, join(root, m.file))}: provider dependencies from specs/`);
  }
  if (stale.length) console.log('run `pnpm install` so the new dependencies are linked');
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    process.exit(runWorkspaceDeps(process.argv.slice(2)));
  } catch (error) {
    console.error(error instanceof PipelineError ? `error: ${error.message}` : error);
    process.exit(1);
  }
}
