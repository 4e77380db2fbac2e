/**
 * `pnpm specs:learn <provider> <file.jsonl...> [--provider <recorded as>]`: turns redacted recordings
 * (`recordResponses`) into committed evidence, `specs/<provider>/evidence/responses.json` (deduplicated,
 * sorted, each entry with its operation and the sha256 of the line it came from), rebuilds every spec
 * with it (the pipeline's evidence step only widens), prints what changed per operation as
 * `specs:diff` does, writes the specs and packages, regenerates the types and writes a changeset.
 * A bad line is reported by file and line number and skipped; a line recorded from another provider
 * stops the run unless `--provider` names that provider.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { runAsCommand } from './cli-entry.js';
import { changeLine, summaryLine } from './diff/change-report.js';
import { affectedOutputs, changesIn } from './diff/compare-update.js';
import type { SpecChange } from './diff/diff-specs.js';
import { PipelineError } from './errors.js';
import { generateWorkspace, SPECS_DIR } from './generate.js';
import { forEachOperation, operationKey, type OpenApi } from './model.js';
import { ensureDirectories } from './package/workspace.js';
import { EVIDENCE_FILE, parseEvidence, type EvidenceEntry } from './steps/apply-evidence.js';
import { writeAll } from './steps/write-all.js';
import { turboGenerate, type GenerateTypes } from './specs-update.js';

const USAGE = 'usage: pnpm specs:learn <provider> <file.jsonl...> [--provider <provider the recording was made with>]';

interface Learned {
  entries: EvidenceEntry[];
  skipped: string[];
  foreign: string[];
}

/** The 200 answers of the recordings, as evidence; everything else is counted or reported, never lost silently. */
export function readRecordings(files: Array<{ name: string; text: string }>, provider: string, accepted: string | undefined, operations: Set<string>): Learned {
  const entries: EvidenceEntry[] = [];
  const skipped: string[] = [];
  const foreign: string[] = [];
  for (const { name, text } of files) {
    text.split('\n').forEach((line, index) => {
      if (line.trim() === '') return;
      const where = `${name}:${index + 1}`;
      let parsed: Record<string, unknown>;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch (error) {
        skipped.push(`${where}: not JSON (${(error as Error).message}); skipped`);
        return;
      }
      if (parsed === null || typeof parsed !== 'object' || typeof parsed.operation !== 'string' || typeof parsed.status !== 'number') {
        skipped.push(`${where}: not a recorded exchange (needs operation and status); skipped`);
        return;
      }
      const from = typeof parsed.provider === 'string' ? parsed.provider : undefined;
      if (from !== provider && (accepted === undefined || from !== accepted)) {
        foreign.push(`${where}: recorded from ${from ?? 'an unnamed provider'}, not ${provider}${from ? `; pass --provider ${from} to learn it into ${provider}` : ''}`);
        return;
      }
      if (parsed.status !== 200 || parsed.body === undefined || parsed.body === '<text>') return; // only 200 JSON answers teach a response schema
      if (!operations.has(parsed.operation)) {
        skipped.push(`${where}: ${parsed.operation} is not an operation of ${provider}; skipped`);
        return;
      }
      entries.push({ operation: parsed.operation, source: createHash('sha256').update(line).digest('hex'), body: parsed.body });
    });
  }
  return { entries, skipped, foreign };
}

/** One entry per (operation, body), in a stable order: the evidence file's bytes depend only on what it holds. */
export function mergeEvidence(existing: readonly EvidenceEntry[], added: readonly EvidenceEntry[]): EvidenceEntry[] {
  const byShape = new Map<string, EvidenceEntry>();
  for (const entry of [...existing, ...added]) {
    const key = `${entry.operation}\0${JSON.stringify(entry.body)}`;
    const kept = byShape.get(key);
    if (!kept || entry.source < kept.source) byShape.set(key, entry);
  }
  const order = (e: EvidenceEntry) => `${e.operation}\0${JSON.stringify(e.body)}`;
  return [...byShape.values()].sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

export const evidenceText = (entries: readonly EvidenceEntry[]) => `${JSON.stringify({ responses: entries.map(({ operation, source, body }) => ({ operation, source, body })) }, null, 2)}\n`;

export async function specsLearn(argv: string[], { cwd = process.cwd(), specsDir = SPECS_DIR, generateTypes = turboGenerate as GenerateTypes } = {}): Promise<number> {
  const flag = argv.indexOf('--provider');
  const accepted = flag >= 0 ? argv[flag + 1] : undefined;
  const positional = argv.filter((_, i) => flag < 0 || (i !== flag && i !== flag + 1));
  if (positional.length < 2 || positional.some((a) => a.startsWith('-')) || (flag >= 0 && !accepted)) {
    console.error(USAGE);
    return argv.includes('--help') ? 0 : 1;
  }
  const [provider, ...paths] = positional as [string, ...string[]];
  const specFile = join(specsDir, provider, 'openapi.json');
  if (!existsSync(specFile)) throw new PipelineError(`${provider}/openapi.json`, '', `no such provider in specs/ (${USAGE})`);
  const operations = new Set<string>();
  forEachOperation(JSON.parse(readFileSync(specFile, 'utf8')) as OpenApi, (_op, method, path) => operations.add(operationKey(method, path)));
  const files = paths.map((path) => {
    const absolute = resolve(cwd, path);
    if (!existsSync(absolute)) throw new PipelineError(path, '', 'no such file');
    return { name: path, text: readFileSync(absolute, 'utf8') };
  });
  const { entries, skipped, foreign } = readRecordings(files, provider, accepted, operations);
  for (const line of skipped) console.error(`warning: ${line}`);
  if (foreign.length) {
    for (const line of foreign) console.error(`error: ${line}`);
    console.error(`error: ${foreign.length} line${foreign.length === 1 ? '' : 's'} from another provider; nothing was learned`);
    return 1;
  }

  const evidenceFile = join(specsDir, provider, EVIDENCE_FILE);
  const before = existsSync(evidenceFile) ? readFileSync(evidenceFile, 'utf8') : undefined;
  const existing = before === undefined ? [] : parseEvidence(JSON.parse(before), `${provider}/${EVIDENCE_FILE}`);
  const merged = mergeEvidence(existing, entries);
  const text = evidenceText(merged);
  console.log(`${provider}: ${entries.length} answer${entries.length === 1 ? '' : 's'} read, ${merged.length - existing.length} new evidence entr${merged.length - existing.length === 1 ? 'y' : 'ies'} (${merged.length} in ${provider}/${EVIDENCE_FILE})${skipped.length ? `, ${skipped.length} line${skipped.length === 1 ? '' : 's'} skipped` : ''}`);
  if (text === before) {
    console.log(`${provider}: nothing new to learn; no changeset written`);
    return 0;
  }

  // the pipeline reads evidence from disk: put the new file in place, and its old bytes back if the build fails
  ensureDirectories([{ file: evidenceFile }]);
  writeFileSync(evidenceFile, text);
  let built: Awaited<ReturnType<typeof generateWorkspace>>;
  try {
    built = await generateWorkspace(specsDir, { packages: true });
  } catch (error) {
    if (before === undefined) rmSync(evidenceFile);
    else writeFileSync(evidenceFile, before);
    throw error;
  }
  const { affected, outputs } = affectedOutputs(specsDir, provider, built);
  const own = changesIn(specsDir, provider, built);
  const perPackage = affected.map((name) => ({ name, ...changesIn(specsDir, name, built) }));
  const root = join(specsDir, '..');
  const changed = perPackage.filter((p) => p.specChanged);
  const changesetFile = join(root, '.changeset', `${provider}-learned-${createHash('sha256').update(text).digest('hex').slice(0, 8)}.md`);
  const written = [...outputs, ...(changed.length ? [{ file: changesetFile, text: learnedChangeset(provider, changed.map((p) => p.name), own.changes) }] : [])];
  ensureDirectories(written);
  writeAll(written);

  for (const change of own.changes) console.log(changeLine(change));
  console.log(summaryLine(provider, own.changes, own.specChanged));
  if (!changed.length) {
    console.log('the specs already accept every recorded answer: evidence written, no changeset');
    return 0;
  }
  generateTypes(root, changed.map((p) => p.name));
  console.log(`wrote .changeset/${changesetFile.split(sep).pop()} (minor for ${changed.map((p) => `@hostbill-api/${p.name}`).join(', ')}); review it, then commit specs/, packages/ and .changeset/`);
  return 0;
}

/** Widened answers are a minor change for users (0.x: a breaking type change is minor, its text starts "Breaking:"). */
function learnedChangeset(provider: string, packages: string[], changes: SpecChange[]): string {
  const breaking = changes.some((c) => c.breaking);
  return [
    '---',
    ...packages.map((name) => `'@hostbill-api/${name}': minor`),
    '---',
    '',
    `${breaking ? 'Breaking: response types' : 'Response types'} of \`${provider}\` widened to accept real answers (\`pnpm specs:learn\`, \`specs/${provider}/${EVIDENCE_FILE}\`):`,
    '',
    ...(changes.length ? changes.map((c) => `- ${c.breaking ? 'breaking' : 'non-breaking'}: \`${c.operation}\` ${c.subject} ${c.what} (\`${c.pointer}\`)`) : ['- no field changed: the spec differs only in text']),
    '',
  ].join('\n');
}

runAsCommand(import.meta.url, specsLearn);
