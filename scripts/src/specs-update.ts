/**
 * `pnpm specs:update <provider> <new vendor file>`: puts the new file in place of the provider's source
 * of its kind, byte for byte and under the same name, records its sha256 in provider.json, regenerates
 * the provider's spec and package (and those of every union it is part of), and writes a changeset with
 * the bump the changes ask for. Everything is built in memory first: when the new file fails the
 * pipeline, nothing is changed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAsCommand } from './cli-entry.js';
import { PipelineError } from './errors.js';
import { SPECS_DIR } from './generate.js';
import { bumpFor, changeLine, summaryLine } from './diff/change-report.js';
import { changesetName, changesetText } from './diff/changeset.js';
import { affectedOutputs, changesIn, compareWithCommitted, readVendorFile } from './diff/compare-update.js';
import type { VendorUpdate } from './diff/vendor-source.js';
import { ensureDirectories } from './package/workspace.js';
import { writeAll } from './steps/write-all.js';

const USAGE = 'usage: pnpm specs:update <provider> <new vendor file>';

/** Regenerates the packages' types (`turbo run generate`, as `pnpm generate` does) from the specs just written. */
export type GenerateTypes = (root: string, packages: string[]) => void;
export const turboGenerate: GenerateTypes = (root, packages) => {
  try {
    execFileSync('pnpm', ['exec', 'turbo', 'run', 'generate', '--output-logs=errors-only', ...packages.map((p) => `--filter=@hostbill-api/${p}`)], { cwd: root, stdio: 'inherit' });
  } catch {
    throw new PipelineError(`packages/{${packages.join(',')}}`, '', 'turbo run generate failed (its output is above): the specs and packages are written, their types are not; fix it, then run `pnpm generate`');
  }
};

export async function specsUpdate(argv: string[], { cwd = process.cwd(), specsDir = SPECS_DIR, generateTypes = turboGenerate } = {}): Promise<number> {
  if (argv.length !== 2 || argv.some((a) => a.startsWith('-'))) {
    console.error(USAGE);
    return argv.includes('--help') ? 0 : 1;
  }
  const [provider, path] = argv as [string, string];
  const update = readVendorFile(specsDir, provider, cwd, path);
  const { source, oldSha256, newSha256 } = update;
  if (oldSha256 === newSha256) {
    console.log(`${provider}: ${path} is specs/${provider}/${source} byte for byte (sha256 ${newSha256}): nothing to update, no changeset written`);
    return 0;
  }
  const { built, changes, specChanged } = await compareWithCommitted(specsDir, provider, update, { packages: true });
  const { affected, outputs } = affectedOutputs(specsDir, provider, built);
  const root = join(specsDir, '..');
  const bump = bumpFor(changes, specChanged);
  const bumps = affected.flatMap((name) => {
    const own = changesIn(specsDir, name, built);
    const packageBump = bumpFor(own.changes, own.specChanged);
    return packageBump ? [{ provider: name, bump: packageBump }] : [];
  });
  const changeset = bump && { file: join(root, '.changeset', changesetName(update)), text: changesetText(update, bumps, changes) };
  const files = [
    { file: join(specsDir, provider, source), text: update.bytes },
    { file: join(specsDir, provider, 'provider.json'), text: withNewSha(specsDir, update) },
    ...outputs,
    ...(changeset ? [changeset] : []),
  ];
  ensureDirectories(files);
  writeAll(files);

  for (const change of changes) console.log(changeLine(change));
  console.log(summaryLine(provider, changes, specChanged));
  console.log(`specs/${provider}/${source}: replaced (sha256 ${oldSha256.slice(0, 12)}… -> ${newSha256.slice(0, 12)}…); regenerated ${affected.join(', ')}`);
  if (!specChanged) {
    console.log('the spec is unchanged: no changeset written');
    return 0;
  }
  generateTypes(root, affected);
  console.log(`wrote .changeset/${changesetName(update)} (${bumps.map((b) => `${b.bump} for @hostbill-api/${b.provider}`).join(', ')}); review it, then commit specs/, packages/ and .changeset/`);
  return 0;
}

/** provider.json with the source's new sha256 and every other byte as it was (its layout is hand-kept). */
function withNewSha(specsDir: string, { provider, source, oldSha256, newSha256 }: VendorUpdate): string {
  const configFile = join(specsDir, provider, 'provider.json');
  const text = readFileSync(configFile, 'utf8');
  const entry = `${JSON.stringify(source)}: ${JSON.stringify(oldSha256)}`;
  if (text.split(entry).length !== 2) throw new PipelineError(`${provider}/provider.json`, '/sha256', `expected the entry ${entry} once, to replace its sha256; nothing was changed`);
  return text.replace(entry, `${JSON.stringify(source)}: ${JSON.stringify(newSha256)}`);
}

runAsCommand(import.meta.url, specsUpdate);
