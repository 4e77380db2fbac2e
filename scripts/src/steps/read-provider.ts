import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractOperations } from '../docs/extract-operations.js';
import { PipelineError } from '../errors.js';
import type { LoadedDocs, ProviderConfig } from '../model.js';
import { parseLenientJson } from '../read/lenient-json.js';
import { parsePatchFile, type PatchFile } from './apply-patches.js';

export interface ProviderInput {
  config: ProviderConfig;
  swagger?: { file: string; value: unknown; escapedControlCharacters: number };
  docs: LoadedDocs[];
  patches: PatchFile[];
}

export interface ReadOptions {
  /** reads one file, `specsDir`-relative; the fuzz tests hand in mutated bytes through it */
  read?: (specsDir: string, file: string) => Buffer;
  /** off only where the input is meant to differ from the vendor's (fuzzing) */
  verifyHashes?: boolean;
}

/** Reads `specs/<name>/provider.json` and everything it names; `specsDir`-relative file names in errors. */
export function readProvider(specsDir: string, name: string, { read = readBytes, verifyHashes = true }: ReadOptions = {}): ProviderInput {
  const configFile = `${name}/provider.json`;
  const config = readJson(specsDir, configFile) as ProviderConfig & { sha256?: Record<string, string> };
  checkConfig(config, configFile, name);
  for (const [file, expected] of Object.entries(verifyHashes ? (config.sha256 ?? {}) : {})) {
    const actual = createHash('sha256').update(read(specsDir, `${name}/${file}`)).digest('hex');
    if (actual !== expected) {
      throw new PipelineError(`${name}/${file}`, '', `vendor copy changed (sha256 ${actual.slice(0, 12)}…, expected ${expected.slice(0, 12)}…): vendor files are never edited; put corrections in patches/`);
    }
  }
  const swagger = config.swagger
    ? (() => {
        const file = `${name}/${config.swagger}`;
        const parsed = parseLenientJson(read(specsDir, file).toString('utf8'), file);
        return { file, value: parsed.value, escapedControlCharacters: parsed.escapedControlCharacters };
      })()
    : undefined;
  const sections = new Set(config.sections ?? []);
  const docs = (config.docs ?? []).map((relative) => {
    const file = `${name}/${relative}`;
    return { file, operations: extractOperations(read(specsDir, file).toString('utf8'), file, sections) };
  });
  const patchDir = join(specsDir, name, 'patches');
  const patches = existsSync(patchDir)
    ? readdirSync(patchDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => parsePatchFile(readJson(specsDir, `${name}/patches/${f}`), `${name}/patches/${f}`))
    : [];
  return { config, swagger, docs, patches };
}

export function readBytes(specsDir: string, file: string): Buffer {
  try {
    return readFileSync(join(specsDir, file));
  } catch (error) {
    throw new PipelineError(file, '', `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

function readJson(specsDir: string, file: string): unknown {
  return parseLenientJson(readBytes(specsDir, file).toString('utf8'), file).value;
}

function checkConfig(config: ProviderConfig, file: string, name: string): void {
  const fail = (pointer: string, problem: string) => {
    throw new PipelineError(file, pointer, problem);
  };
  if (typeof config !== 'object' || config === null) fail('', 'must be a JSON object');
  if (config.name !== name) fail('/name', `must be "${name}", the folder's name`);
  if (typeof config.title !== 'string') fail('/title', 'must be a string');
  if (!Array.isArray(config.auth) || config.auth.length === 0 || config.auth.some((a) => a !== 'basic' && a !== 'bearer')) {
    fail('/auth', 'must list "basic" and/or "bearer"');
  }
  if (!config.swagger && !config.docs?.length && !config.unionOf?.length) fail('', 'names no source: give "swagger", "docs" or "unionOf"');
}
