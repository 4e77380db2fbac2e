import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { extractOperations } from '../docs/extract-operations.js';
import { PipelineError } from '../errors.js';
import type { LoadedDocs, ProviderConfig } from '../model.js';
import { checkProviderConfig } from '../read/provider-config.js';
import { confineSource, pointerSegment } from '../read/confine.js';
import { parseLenientJson } from '../read/lenient-json.js';
import { checkSourceField } from '../read/source-fields.js';
import { parseStructuredSource } from '../read/structured-source.js';
import { describeDocument } from '../read/source-kind.js';
import { parsePatchFile, type PatchFile } from './apply-patches.js';
import { EVIDENCE_FILE, parseEvidence, type EvidenceEntry } from './apply-evidence.js';

/** The provider's one Swagger 2.0 or OpenAPI 3.x file, parsed, with what it declares itself to be. */
export interface ApiDocument {
  kind: 'swagger2' | 'openapi3';
  /** `2.0`, `3.0.3`, `3.1.0` */
  version: string;
  file: string;
  value: unknown;
  escapedControlCharacters: number;
}

export interface ProviderInput {
  config: ProviderConfig;
  api?: ApiDocument;
  docs: LoadedDocs[];
  patches: PatchFile[];
  /** redacted real answers learned from recordings (`pnpm specs:learn`), from `evidence/responses.json` */
  evidence?: EvidenceEntry[];
  /** for a union, the providers it unites, in build order (`orderProviders` fills it in; it needs every provider) */
  unites: string[];
}

export interface ReadOptions {
  /** reads one file, `specsDir`-relative; the fuzz tests hand in mutated bytes through it */
  read?: (specsDir: string, file: string) => Buffer;
  /** off only where the input is meant to differ from the vendor's (fuzzing); every source still needs a hash */
  verifyHashes?: boolean;
  /** one source read from these bytes instead (`specsDir`-relative name), unhashed: a vendor update being tried */
  replace?: { file: string; bytes: Buffer };
}

/** Reads `specs/<name>/provider.json` and everything it names; `specsDir`-relative file names in errors. */
export function readProvider(specsDir: string, name: string, { read = readBytes, verifyHashes = true, replace }: ReadOptions = {}): ProviderInput {
  const configFile = `${name}/provider.json`;
  const config = checkProviderConfig(readJson(specsDir, configFile), configFile, name);
  // every source is confined and hashed before any of them is read
  const apiField = config.swagger !== undefined ? ('swagger' as const) : config.openapi !== undefined ? ('openapi' as const) : undefined;
  const sources = [
    ...(apiField === undefined ? [] : [{ pointer: `/${apiField}`, relative: config[apiField]! }]),
    ...(config.docs ?? []).map((relative, index) => ({ pointer: `/docs/${index}`, relative })),
  ].map(({ pointer, relative }) => confineSource(specsDir, name, relative, configFile, pointer));
  const hashes = checkHashes(config.sha256, sources, configFile);
  const readSource = (file: string) => (file === replace?.file ? replace.bytes : read(specsDir, file));
  const bytes = new Map(sources.map((source) => [source, readSource(`${name}/${source}`)]));
  if (verifyHashes) {
    for (const [source, content] of bytes) {
      if (`${name}/${source}` === replace?.file) continue;
      const [actual, expected] = [createHash('sha256').update(content).digest('hex'), hashes.get(source)!];
      if (actual !== expected) {
        throw new PipelineError(`${name}/${source}`, '', `vendor copy changed (sha256 ${actual.slice(0, 12)}…, expected ${expected.slice(0, 12)}…): vendor files are never edited; put corrections in patches/`);
      }
    }
  }
  const text = (source: string) => bytes.get(source)!.toString('utf8');
  const api = apiField === undefined ? undefined : readApiDocument(apiField, sources[0]!, text(sources[0]!), name, configFile);
  const sections = new Set(config.sections ?? []);
  const docs = sources.slice(apiField === undefined ? 0 : 1).map((source, index) => {
    const file = `${name}/${source}`;
    checkSourceField('docs', { text: text(source) }, source, configFile, `/docs/${index}`);
    return { file, operations: extractOperations(text(source), file, sections) };
  });
  const patchDir = join(specsDir, name, 'patches');
  const patches = existsSync(patchDir)
    ? readdirSync(patchDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => parsePatchFile(readJson(specsDir, `${name}/patches/${f}`), `${name}/patches/${f}`))
    : [];
  const evidenceFile = `${name}/${EVIDENCE_FILE}`;
  const evidence = existsSync(join(specsDir, evidenceFile)) ? parseEvidence(readJson(specsDir, evidenceFile), evidenceFile) : [];
  return { config, api, docs, patches, evidence, unites: [] };
}

/** Parsed first (a syntax error is reported at its line:col), then checked to be what its field says. */
function readApiDocument(field: 'swagger' | 'openapi', source: string, text: string, name: string, configFile: string): ApiDocument {
  const file = `${name}/${source}`;
  const parsed = parseStructuredSource(text, file);
  const kind = field === 'swagger' ? 'swagger2' : 'openapi3';
  checkSourceField(kind, { parsed: parsed.value }, source, configFile, `/${field}`);
  return { kind, version: describeDocument(parsed.value).version!, file, value: parsed.value, escapedControlCharacters: parsed.escapedControlCharacters };
}

/** Every source has a sha256 and every sha256 names a source (so no other file is ever read for it). */
function checkHashes(sha256: Record<string, string> | undefined, sources: string[], configFile: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const [key, hash] of Object.entries(sha256 ?? {})) {
    const pointer = `/sha256/${pointerSegment(key)}`;
    if (!sources.includes(posix.normalize(key))) throw new PipelineError(configFile, pointer, 'names no source (no "swagger", "openapi" or "docs" entry is this file)');
    hashes.set(posix.normalize(key), hash);
  }
  const unhashed = sources.find((source) => !hashes.has(source));
  if (unhashed) throw new PipelineError(configFile, '/sha256', `no sha256 for ${unhashed}: add "${unhashed}": "<sha256sum of the file>"; every vendor file is hash-checked`);
  return hashes;
}

export function readBytes(specsDir: string, file: string): Buffer {
  try {
    return readFileSync(join(specsDir, file));
  } catch (error) {
    throw new PipelineError(file, '', `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** provider.json and patches are ours, in the provider folder: regular files, never links elsewhere. */
function readJson(specsDir: string, file: string): unknown {
  const link = (() => {
    try {
      return lstatSync(join(specsDir, file)).isSymbolicLink();
    } catch {
      return false; // readBytes names what is missing
    }
  })();
  if (link) throw new PipelineError(file, '', 'is a symbolic link; it must be a regular file in the provider folder');
  return parseLenientJson(readBytes(specsDir, file).toString('utf8'), file).value;
}
