/**
 * `pnpm specs:diff <provider> [new vendor file] [--json]`: what a new vendor file would change in the
 * committed spec, each change classified breaking or not for a client user. Without a file, the
 * committed spec against what the current sources build ("no changes" when it is up to date).
 * Nothing is written.
 */
import { parseArgs } from 'node:util';
import { runAsCommand } from './cli-entry.js';
import { SPECS_DIR } from './generate.js';
import { bumpFor, changeLine, summaryLine } from './diff/change-report.js';
import { compareWithCommitted, readVendorFile } from './diff/compare-update.js';

const USAGE = 'usage: pnpm specs:diff <provider> [new vendor file] [--json]';

export async function specsDiff(argv: string[], { cwd = process.cwd(), specsDir = SPECS_DIR } = {}): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help || positionals.length < 1 || positionals.length > 2) {
    console.error(USAGE);
    return values.help ? 0 : 1;
  }
  const [provider, path] = positionals as [string, string | undefined];
  const update = path === undefined ? undefined : readVendorFile(specsDir, provider, cwd, path);
  const { changes, specChanged } = await compareWithCommitted(specsDir, provider, update);
  if (values.json) {
    const source = update && { file: `specs/${provider}/${update.source}`, sha256: { before: update.oldSha256, after: update.newSha256 } };
    console.log(JSON.stringify({ provider, source, specChanged, bump: bumpFor(changes, specChanged) ?? null, changes }, null, 2));
    return 0;
  }
  for (const change of changes) console.log(changeLine(change));
  console.log(summaryLine(provider, changes, specChanged));
  return 0;
}

runAsCommand(import.meta.url, specsDiff);
