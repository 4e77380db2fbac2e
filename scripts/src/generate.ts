/**
 * Entry point: for each provider under specs/, run the pipeline and write `openapi.json` and
 * `report.json`. Every provider is built before anything is written, so a failure anywhere leaves
 * every previous output untouched. `--check` writes nothing and fails if a committed file differs.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PipelineError } from './errors.js';
import { listProviders } from './read/list-providers.js';
import { buildOrder, unionMembers } from './union-members.js';
import { buildCatalogue, buildProvider, draftProvider, finishProvider, peersOf, sharesRecords, type ProviderDraft, type ProviderResult } from './pipeline.js';
import { buildReport } from './report.js';
import { toJsonText } from './steps/canonical.js';
import { readProvider, type ProviderInput, type ReadOptions } from './steps/read-provider.js';
import { ValidationError } from './steps/validation-report.js';
import { writeAll, type OutputFile } from './steps/write-all.js';
import { ensureDirectories, orphanedPackages, providerPackages, removePackages } from './package/workspace.js';

export { listProviders };

export const SPECS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'specs');
/** Where provider packages are generated: `packages/` beside `specs/`. */
export const packagesBeside = (specsDir: string) => join(specsDir, '..', 'packages');

export type GeneratedFile = OutputFile;

/** Where a spec that failed validation is put for reading: git-ignored, never an output. */
export const draftFile = (specsDir: string, provider: string) => join(specsDir, provider, '.draft', 'openapi.json');

/**
 * A spec that failed validation is written, unvalidated, to its draft file (nothing else is written:
 * the outputs stay all or none); returns the line saying where it is.
 */
export function writeDraft(specsDir: string, error: ValidationError, check: boolean): string {
  const file = draftFile(specsDir, error.provider);
  if (check) return `draft: not written by --check; \`pnpm generate\` writes it to ${file}`;
  mkdirSync(dirname(file), { recursive: true });
  writeAll([{ file, text: toJsonText(error.draft) }]);
  return `draft: the unvalidated spec is at ${file} (git-ignored)`;
}

/** Providers in build order (union-members.ts), each union with the providers it unites. */
export function orderProviders(inputs: ProviderInput[]): ProviderInput[] {
  const configs = inputs.map((i) => i.config);
  return buildOrder(inputs).map((input) => ({ ...input, unites: unionMembers(input.config, configs) }));
}

/** Every provider built in memory; `options.replace` tries one source with other bytes (`specs:diff`). */
export async function generateAll(specsDir: string, options: ReadOptions = {}): Promise<{ results: ProviderResult[]; reports: ReturnType<typeof buildReport>[]; files: GeneratedFile[]; inputs: ProviderInput[] }> {
  const inputs = orderProviders(listProviders(specsDir).map((name) => readProvider(specsDir, name, options)));
  const catalogue = buildCatalogue(inputs);
  const finished = new Map<string, ProviderResult>();
  // every record-sharing provider drafted first, so each is finished with what the others show of an entity
  const drafts = new Map<string, ProviderDraft>();
  for (const input of inputs.filter((i) => sharesRecords(i.config))) drafts.set(input.config.name, await draftProvider(input, catalogue, finished));
  const peers = peersOf([...drafts.values()]);
  for (const input of inputs) {
    const { name } = input.config;
    const draft = drafts.get(name);
    finished.set(name, draft ? await finishProvider(draft, finished, peers(name)) : await buildProvider(input, catalogue, finished));
  }
  const results = [...finished.values()];
  const reports = results.map(buildReport);
  const files = results.flatMap((r, i) => [
    { file: join(specsDir, r.name, 'openapi.json'), text: toJsonText(r.spec) },
    { file: join(specsDir, r.name, 'report.json'), text: toJsonText(reports[i]) },
  ]);
  return { results, reports, files, inputs };
}

/** Specs and reports, then every provider package's files (`packages: false` for the specs alone). */
export async function generateWorkspace(specsDir: string, { packages = true, ...options }: { packages?: boolean } & ReadOptions = {}) {
  const built = await generateAll(specsDir, options);
  if (!packages) return { ...built, orphans: [] as string[] };
  const packagesDir = packagesBeside(specsDir);
  const specs = new Map(built.results.map((r) => [r.name, r.spec]));
  const packageOutputs = providerPackages(built.inputs.map((i) => ({ config: i.config, spec: specs.get(i.config.name)! })), packagesDir);
  return { ...built, files: [...built.files, ...packageOutputs], orphans: orphanedPackages(packagesDir, [...specs.keys()]) };
}

/** `pnpm generate` (or `--check`): exit code 0 or 1, every problem printed. */
export async function runGenerate(argv: string[]): Promise<number> {
  const check = argv.includes('--check');
  const specsAt = argv.indexOf('--specs');
  const specsDir = specsAt === -1 ? SPECS_DIR : argv[specsAt + 1]!;
  const started = performance.now();
  let generated: Awaited<ReturnType<typeof generateWorkspace>>;
  try {
    generated = await generateWorkspace(specsDir, { packages: !argv.includes('--no-packages') });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    console.error(`error: ${error.message}\n${writeDraft(specsDir, error, check)}`);
    return 1;
  }
  const { results, reports, files, orphans } = generated;
  const elapsed = performance.now() - started;
  for (const report of reports) {
    console.log(`${report.provider}: ${report.operations} operations, ${report.totalRepairs} repairs in ${Object.keys(report.repairs).length} kinds`);
  }
  if (check) {
    const stale = files.filter((f) => !existsSync(f.file) || readFileSync(f.file, 'utf8') !== f.text);
    for (const f of stale) console.error(`out of date: ${f.file} (generated from specs/: change provider.json, a patch or the generator, run \`pnpm generate\` and commit the result; hand edits are overwritten)`);
    for (const dir of orphans) console.error(`orphaned: ${dir} was generated for a provider no longer in specs/ (\`pnpm generate\` removes it)`);
    const ok = stale.length === 0 && orphans.length === 0;
    console.log(`specs:check ${ok ? 'ok' : 'FAILED'} in ${(elapsed / 1000).toFixed(2)} s`);
    return ok ? 0 : 1;
  }
  ensureDirectories(files);
  writeAll(files);
  removePackages(orphans);
  for (const dir of orphans) console.log(`removed ${dir}: its provider is no longer in specs/`);
  console.log(`generated ${results.length} specs in ${(elapsed / 1000).toFixed(2)} s`);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runGenerate(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      // a PipelineError already says which file and where; anything else is a bug, so keep its stack
      console.error(error instanceof PipelineError ? `error: ${error.message}` : error);
      process.exit(1);
    },
  );
}
