/**
 * API Extractor reports for every published library (`packages/*` without `"private": true`, with `types`;
 * a binary-only package such as the CLI has no API to report): `packages/<name>/api/<name>.api.md`,
 * committed. A check fails when a package's public surface differs from its committed report; a package
 * git does not know yet (just made by `pnpm new-provider`) has no committed report to differ from, so
 * its first is written, to be committed with it, and the first `pnpm test` after adding a provider passes.
 */
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export interface ReportOptions {
  /** compare with the committed reports (`pnpm test`) rather than rewrite them (`pnpm api:report`) */
  check: boolean;
  /** package folder names to report (`kestrel-e2e`); all published ones when empty */
  only?: readonly string[];
}

export function publishedPackages(root: string): string[] {
  const dir = join(root, 'packages');
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((path) => {
      if (!existsSync(join(path, 'package.json'))) return false;
      const manifest = JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')) as { private?: boolean; types?: string };
      return !manifest.private && manifest.types !== undefined;
    })
    .sort();
}

function report(packageDir: string, scratch: string, check: boolean): { name: string; changed: boolean; problems: string[] } {
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

/** A package folder git does not track (a new provider's, before its first commit); outside a repository, none is. */
export function isUncommitted(packageDir: string): boolean {
  try {
    return execFileSync('git', ['ls-files', '--', 'package.json'], { cwd: packageDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() === '';
  } catch {
    return false;
  }
}

/** Reports (or checks) each package; returns the lines to print and whether any check failed. */
export function runReports(root: string, { check, only = [] }: ReportOptions): { failed: boolean; out: string[]; errors: string[] } {
  const scratch = mkdtempSync(join(tmpdir(), 'api-reports-'));
  const result = { failed: false, out: [] as string[], errors: [] as string[] };
  try {
    for (const dir of publishedPackages(root).filter((d) => only.length === 0 || only.includes(basename(d)))) {
      const first = check && !existsSync(join(dir, 'api')) && isUncommitted(dir);
      const { name, changed, problems } = report(dir, scratch, check && !first);
      for (const problem of problems) result.errors.push(`${name}: ${problem}`);
      if (problems.length) result.failed = true;
      if (first) result.out.push(`api: ${name} first report written to packages/${basename(dir)}/api/ (a new package): commit it with the package`);
      else if (check && changed) {
        result.errors.push(`${name}: its public API differs from packages/${basename(dir)}/api/; run 'pnpm api:report', review the diff, and add a changeset`);
        result.failed = true;
      } else result.out.push(`api: ${name} ${changed ? 'report written' : 'unchanged'}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return result;
}
