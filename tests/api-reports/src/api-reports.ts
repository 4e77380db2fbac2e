/**
 * API Extractor reports for every published library (`packages/*` without `"private": true`, with `types`;
 * a binary-only package such as the CLI has no API to report):
 * `packages/<name>/api/<name>.api.md`, committed. `--check` (in `pnpm test`) fails when a
 * package's public surface differs from its committed report; without it the reports are rewritten
 * (`pnpm api:report`), to be reviewed and committed with a changeset.
 */
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const check = process.argv.includes('--check');

function publishedPackages(): string[] {
  const dir = join(ROOT, 'packages');
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => {
      if (!existsSync(join(path, 'package.json'))) return false;
      const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as { private?: boolean; types?: string };
      return !manifest.private && manifest.types !== undefined;
    })
    .sort();
}

function report(packageDir: string, scratch: string): { name: string; changed: boolean; problems: string[] } {
  const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { name: string };
  const entry = join(packageDir, 'dist', 'index.d.ts');
  if (!existsSync(entry)) return { name: pkg.name, changed: true, problems: [`${entry} is missing: run pnpm run build first`] };
  const problems: string[] = [];
  if (!check) mkdirSync(join(packageDir, 'api'), { recursive: true });
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: packageDir,
      mainEntryPointFilePath: entry,
      compiler: { overrideTsconfig: { compilerOptions: { strict: true, skipLibCheck: true, lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] }, files: [entry] } },
      apiReport: { enabled: true, reportFolder: join(packageDir, 'api'), reportTempFolder: join(scratch, basename(packageDir)) },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      newlineKind: 'lf',
      messages: {
        compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Warning } },
        // missing release tags and forgotten exports are written into the .api.md itself, for review
        extractorMessageReporting: {
          default: { logLevel: ExtractorLogLevel.None, addToApiReportFile: true },
          // release tags (@public, @beta) are not how these packages mark stability: the export list is
          'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
          // carries dist line numbers, so every edit would churn the report; docs are reviewed in the code
          'ae-undocumented': { logLevel: ExtractorLogLevel.None, addToApiReportFile: false },
        },
        tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: join(packageDir, 'package.json'),
  });
  const result = Extractor.invoke(config, {
    localBuild: !check,
    messageCallback: (message) => {
      message.handled = true;
      const serious = message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning;
      if (serious && !String(message.messageId).startsWith('console-api-report-')) problems.push(`${message.messageId}: ${message.text}`);
    },
  });
  return { name: pkg.name, changed: result.apiReportChanged, problems };
}

const scratch = mkdtempSync(join(tmpdir(), 'api-reports-'));
let failed = false;
try {
  for (const dir of publishedPackages()) {
    const { name, changed, problems } = report(dir, scratch);
    for (const problem of problems) console.error(`${name}: ${problem}`);
    if (problems.length) failed = true;
    if (check && changed) {
      console.error(`${name}: its public API differs from packages/${basename(dir)}/api/; run 'pnpm api:report', review the diff, and add a changeset`);
      failed = true;
    } else console.log(`api: ${name} ${changed ? 'report written' : 'unchanged'}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
