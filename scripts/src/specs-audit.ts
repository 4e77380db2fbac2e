/**
 * `pnpm specs:audit [provider...] [--json | --check]`: how true each committed spec is to its vendors' files.
 * Exits 1 when any vendor example fails the schema built for it, 2 on a usage or config mistake.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { answeredSamples, auditSpec, type SpecAudit } from './audit/audit-spec.js';
import { answeredRecords } from './audit/entity-evidence.js';
import { details, failures, summaryTable } from './audit/render.js';
import { docsEvidence, structuredEvidence, type VendorEvidence } from './audit/vendor-evidence.js';
import { PipelineError } from './errors.js';
import { SPECS_DIR } from './generate.js';
import type { OpenApi } from './openapi.js';
import { listProviders } from './read/list-providers.js';
import { parseStructuredSource } from './read/structured-source.js';

interface Sources {
  swagger?: string;
  openapi?: string;
  docs?: string[];
  unionOf?: string;
  excludeFromUnion?: boolean;
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

function ownEvidence(specsDir: string, provider: string, config: Sources): VendorEvidence {
  const evidence: VendorEvidence = { samples: [], parameters: [] };
  const add = (more: VendorEvidence) => {
    evidence.samples.push(...more.samples);
    evidence.parameters.push(...more.parameters);
  };
  for (const file of [config.swagger, config.openapi].filter((f): f is string => typeof f === 'string')) {
    const where = `${provider}/${file}`;
    add(structuredEvidence(parseStructuredSource(readFileSync(join(specsDir, provider, file), 'utf8'), where).value, where));
  }
  for (const file of config.docs ?? []) add(docsEvidence(readFileSync(join(specsDir, provider, file), 'utf8'), `${provider}/${file}`));
  return evidence;
}

/** Providers whose spec was never written (a new one whose pipeline failed, kept to be patched): there is nothing to judge yet. */
export function unbuiltProviders(specsDir: string): string[] {
  return listProviders(specsDir).filter((n) => !existsSync(join(specsDir, n, 'openapi.json')));
}

export function auditAll(specsDir: string, only: string[] = []): SpecAudit[] {
  const unbuilt = unbuiltProviders(specsDir);
  const known = listProviders(specsDir);
  const unknown = only.filter((n) => !known.includes(n));
  if (unknown.length) throw new PipelineError(specsDir, '', `no provider ${unknown.join(', ')} (known: ${known.join(', ')})`);
  const asked = only.find((n) => unbuilt.includes(n));
  if (asked) throw new PipelineError(`${asked}/openapi.json`, '', `not generated yet: run pnpm generate (a failed run leaves its draft in specs/${asked}/.draft/)`);
  const names = known.filter((n) => !unbuilt.includes(n));
  const configs = new Map(names.map((n) => [n, readJson(join(specsDir, n, 'provider.json')) as Sources]));
  const own = new Map(names.map((n) => [n, ownEvidence(specsDir, n, configs.get(n)!)]));
  // a union must accept what every provider it unites answers and send what each requires, so their evidence is its too
  const evidenceOf = (name: string): VendorEvidence => {
    if (configs.get(name)!.unionOf === undefined) return own.get(name)!;
    const members = names.filter((n) => n === name || (configs.get(n)!.unionOf === undefined && configs.get(n)!.excludeFromUnion !== true));
    return { samples: members.flatMap((n) => own.get(n)!.samples), parameters: members.flatMap((n) => own.get(n)!.parameters) };
  };
  const answered = new Set([...own.values()].flatMap((e) => e.samples.filter((s) => s.kind === 'response').map((s) => s.shape)));
  // a body's nesting is the platform's: a provider without samples is held to the other providers' samples
  const platform: VendorEvidence = { samples: [...own.values()].flatMap((e) => e.samples.filter((s) => s.kind === 'request')), parameters: [...own.values()].flatMap((e) => e.parameters) };
  const specs = new Map(names.map((n) => [n, readJson(join(specsDir, n, 'openapi.json')) as OpenApi]));
  // each provider's records under its own paths' entity names, for holding the others' `required` to them
  const records = new Map(names.map((n) => [n, answeredRecords(specs.get(n)!, answeredSamples(specs.get(n)!, own.get(n)!.samples))]));
  const elsewhere = (name: string) => names.filter((n) => n !== name && configs.get(n)!.excludeFromUnion !== true).flatMap((n) => records.get(n)!);
  return (only.length ? only : names).map((name) => auditSpec(name, specs.get(name)!, evidenceOf(name), answered, platform, configs.get(name)!.excludeFromUnion === true ? [] : elsewhere(name)));
}

export function runAudit(argv: string[], specsDir = SPECS_DIR, print: (text: string) => void = console.log): number {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false }, check: { type: 'boolean', default: false } } });
  const audits = auditAll(specsDir, positionals);
  const failed = audits.reduce((n, a) => n + failures(a), 0);
  // --check (pnpm test): the verdict only, and the findings that make it fail
  if (values.json) print(JSON.stringify(audits, null, 2));
  else if (values.check) audits.filter((a) => failures(a) > 0).forEach((a) => print(details(a)));
  else print([summaryTable(audits), '', ...audits.map(details)].join('\n'));
  if (!values.json) for (const name of unbuiltProviders(specsDir)) print(`specs:audit: ${name} skipped: it has no openapi.json yet (run pnpm generate)`);
  if (!values.json) print(failed ? `specs:audit: ${failed} vendor example(s) fail the schema built for them` : 'specs:audit: every vendor example validates against its schema');
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = runAudit(process.argv.slice(2));
  } catch (error) {
    console.error(`specs:audit: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
