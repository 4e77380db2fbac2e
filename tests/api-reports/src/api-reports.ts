/**
 * `tsx src/api-reports.ts [--check] [package folder...]`: `--check` (in `pnpm test`) fails when a
 * package's public surface differs from its committed report; without it the reports are rewritten
 * (`pnpm api:report`), to be reviewed and committed with a changeset. Folder names (`kestrel-e2e`)
 * limit it to those packages (scripts/check-new-provider.sh). See reports.ts.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runReports } from './reports.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const args = process.argv.slice(2);
const { failed, out, errors } = runReports(ROOT, { check: args.includes('--check'), only: args.filter((a) => !a.startsWith('--')) });
for (const line of out) console.log(line);
for (const line of errors) console.error(line);
process.exit(failed ? 1 : 0);
