/**
 * `pnpm new-provider <name> <vendor file...> [--title T] [--base-url URL] [--auth bearer,basic]`:
 * copies the vendor files byte for byte into specs/<name>/source/, writes provider.json (kinds,
 * sha256, auth, servers and docs sections where the files say them), runs `pnpm generate` for the whole workspace
 * (spec, package, everything derived from the provider list) and prints the next steps, with the
 * other providers' files that generating changed (entities pooled across providers, the union).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runAsCommand } from './cli-entry.js';
import { PipelineError } from './errors.js';
import { runGenerate, SPECS_DIR } from './generate.js';
import type { AuthStyle } from './model.js';
import { describeNewProvider } from './new-provider/describe.js';
import { gitChanged, othersChanged, othersChangedNotes } from './new-provider/others-changed.js';
import { listProviders } from './read/list-providers.js';
import { runWorkspaceDeps } from './workspace-deps.js';

const USAGE = 'usage: pnpm new-provider <name> <vendor file...> [--title "Acme Hosting"] [--base-url https://billing.acme.test/api] [--auth bearer,basic]';

export async function newProvider(argv: string[], { cwd = process.cwd(), specsDir = SPECS_DIR, generate = runGenerate, syncDeps = runWorkspaceDeps, changedFiles = gitChanged } = {}): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { title: { type: 'string' }, 'base-url': { type: 'string' }, auth: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help || positionals.length < 2) {
    console.error(USAGE);
    return values.help ? 0 : 1;
  }
  const [name, ...paths] = positionals as [string, ...string[]];
  const folder = join(specsDir, name);
  if (existsSync(folder)) throw new PipelineError(relative(cwd, folder), '', 'already exists: a provider is added once; edit its provider.json, or remove the folder first');
  const files = paths.map((path) => {
    const absolute = resolve(cwd, path);
    if (!existsSync(absolute)) throw new PipelineError(path, '', 'no such file');
    return { name: basename(absolute), bytes: readFileSync(absolute) };
  });
  const auth = values.auth?.split(',').map((s) => s.trim()) as AuthStyle[] | undefined;
  if (auth?.some((style) => style !== 'basic' && style !== 'bearer')) throw new PipelineError('--auth', '', `"${values.auth}": give basic, bearer or both ("bearer,basic"), in order of preference`);
  const { config, guesses } = describeNewProvider(name, files, { title: values.title, baseUrl: values['base-url'], auth, knownSections: knownSections(specsDir) });

  const root = join(specsDir, '..');
  const before = changedFiles(root);
  mkdirSync(join(folder, 'source'), { recursive: true });
  for (const file of files) writeFileSync(join(folder, 'source', file.name), file.bytes);
  writeFileSync(join(folder, 'provider.json'), `${JSON.stringify(config, null, 2)}\n`);
  console.log(`specs/${name}/: ${files.length} vendor file(s) copied, provider.json written`);
  for (const note of guesses) console.log(`  check: ${note}`);

  const code = await generate(['--specs', specsDir]);
  if (code !== 0) {
    console.error(`\nspecs/${name}/ is kept so you can fix it: add RFC 6902 patches in specs/${name}/patches/ (see README "Patches"), then run \`pnpm generate\`; or delete the folder to undo.`);
    return code;
  }
  // the suites that test every provider get a devDependency on the new package
  if (syncDeps(['--root', root]) !== 0) return 1;
  const others = othersChanged(before, changedFiles(root), name, (dir) => existsSync(join(specsDir, dir, 'provider.json')));
  for (const note of othersChangedNotes(others, name)) console.log(`  check: ${note}`);
  const commit = [`specs/${name}`, `packages/${name}`, ...(others.size ? ["the other providers' files above"] : [])].join(', ');
  console.log(`\n@hostbill-api/${name} is in packages/${name}/. Next:\n  pnpm install   # links the new workspace package\n  pnpm build && pnpm api:report   # API reports: packages/${name}/api/ and any union's that now unites it (review)\n  pnpm test   # every suite covers it (contract, fault, fuzz, consumer, docs, api-reports)\nthen review specs/${name}/report.json and commit ${commit}.`);
  return 0;
}

/** The sections the providers already here name: HostBill's docs use one set of headings across vendors. */
function knownSections(specsDir: string): string[] {
  if (!existsSync(specsDir)) return [];
  return listProviders(specsDir).flatMap((provider) => {
    const { sections } = JSON.parse(readFileSync(join(specsDir, provider, 'provider.json'), 'utf8')) as { sections?: unknown };
    return Array.isArray(sections) ? sections.filter((s): s is string => typeof s === 'string') : [];
  });
}

runAsCommand(import.meta.url, newProvider);
