import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../src/errors.js';
import { providers } from '@hostbill-api/test-support';
import { orderProviders, SPECS_DIR } from '../src/generate.js';
import { buildCatalogue, buildProvider, type ProviderResult } from '../src/pipeline.js';
import type { OpenApi } from '../src/model.js';
import { readBytes, readProvider } from '../src/steps/read-provider.js';
import { committedSpec } from './helpers.js';

/**
 * Property: whatever happens to a vendor file (truncation, flipped bytes, deleted lines, duplicated
 * blocks, injected control characters), the pipeline either builds a spec that passes validation
 * or fails with a PipelineError naming a file (and place); never another exception, never a hang.
 * `FUZZ_RUNS` sets the runs per source: 50 in `pnpm test`, 500 in `pnpm test:fuzz` (sized so that `.ci/run`
 * under parallel load stays well inside 30 minutes; set `FUZZ_RUNS` higher for a longer hunt). The sources
 * are split over fuzz-1.test.ts and fuzz-2.test.ts, so the run takes both cores.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);
/** Every vendor file of every provider in specs/: its Swagger and its docs captures. */
export const SOURCES: Array<[provider: string, file: string]> = providers().flatMap((p) => {
  const { swagger, docs } = p.config as { swagger?: string; docs?: string[] };
  return [...(swagger ? [swagger] : []), ...(docs ?? [])].map((file) => [p.name, file] as [string, string]);
});

/** How many files the fuzz is split over (fuzz-1.test.ts, fuzz-2.test.ts): one per core of the 2-core CI machine. */
export const FUZZ_SHARDS = 2;

/**
 * The sources shard `shard` of `of` fuzzes: every `of`-th one, from the `shard`-th. Each shard is its own test
 * file, so vitest runs them in parallel workers and a run uses every core.
 */
export const shardOf = <T>(items: T[], shard: number, of: number): T[] => items.filter((_, i) => i % of === shard - 1);

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; byte: number }
  | { kind: 'delete-lines'; at: number; count: number }
  | { kind: 'duplicate-block'; at: number; length: number; to: number }
  | { kind: 'control-chars'; at: number; char: number };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('flip' as const), at: position, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('delete-lines' as const), at: position, count: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate-block' as const), at: position, length: fc.integer({ min: 1, max: 2000 }), to: position }),
  fc.record({ kind: fc.constant('control-chars' as const), at: position, char: fc.integer({ min: 0, max: 31 }) }),
);

export function mutate(bytes: Buffer, m: Mutation): Buffer {
  const at = Math.floor(m.at * bytes.length);
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, at);
    case 'flip': {
      const copy = Buffer.from(bytes);
      if (copy.length) copy[Math.min(at, copy.length - 1)] = m.byte;
      return copy;
    }
    case 'delete-lines': {
      const lines = bytes.toString('latin1').split('\n');
      const line = Math.floor(m.at * lines.length);
      lines.splice(line, m.count);
      return Buffer.from(lines.join('\n'), 'latin1');
    }
    case 'duplicate-block': {
      const block = bytes.subarray(at, at + m.length);
      const to = Math.floor(m.to * bytes.length);
      return Buffer.concat([bytes.subarray(0, to), block, bytes.subarray(to)]);
    }
    case 'control-chars':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from([m.char, m.char]), bytes.subarray(at)]);
  }
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`hang: no result in ${ms} ms`)), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

/** Defines the fuzz tests of one shard; `fuzz-<shard>.test.ts` calls it. */
export const fuzzShard = (shard: number, of: number) => describe(`pipeline fuzzing, shard ${shard}/${of} (${RUNS} mutations per source)`, async () => {
  // the providers a union unites; their committed specs stand in for their builds
  const names = providers().filter((p) => !p.union).map((p) => p.name);
  const pristine = names.map((n) => readProvider(SPECS_DIR, n));
  const catalogue = buildCatalogue(pristine);
  // the union is built from the committed specs (specs:check proves they are what the pipeline builds),
  // so the pristine providers are not built and linted again here
  const finished = new Map<string, ProviderResult>(names.map((name) => [name, { name, spec: committedSpec(name) as OpenApi, repairs: [] }]));

  for (const [provider, source] of shardOf(SOURCES, shard, of)) {
    it(`${provider}/${source}: a valid spec or a clear error`, async () => {
      const outcomes = { built: 0, refused: 0 };
      await fc.assert(
        fc.asyncProperty(mutation, async (m) => {
          const read = (dir: string, file: string) => (file === `${provider}/${source}` ? mutate(readBytes(dir, file), m) : readBytes(dir, file));
          try {
            const mutated = readProvider(SPECS_DIR, provider, { read, verifyHashes: false });
            // build order also tells a union what it unites
            const input = orderProviders([...pristine.filter((p) => p.config.name !== provider), mutated]).find((i) => i.config.name === provider)!;
            await withDeadline(buildProvider(input, catalogue, finished), 20_000);
            outcomes.built++;
          } catch (error) {
            if (!(error instanceof PipelineError)) throw error; // a crash, not a clear error
            expect(error.message, error.message).toMatch(/^[\w-]+\/[\w./-]+(:[^\s:]+)*: \S/);
            outcomes.refused++;
          }
        }),
        { numRuns: RUNS, seed: 20261123, endOnFailure: true },
      );
      console.log(`fuzz: ${provider}/${source} ${JSON.stringify(outcomes)}`);
      // each mutation has its own 20 s hang deadline; this bound only has to outlast a loaded machine
      // (500 mutations of the largest source took 750 s beside a looping `pnpm test`)
    }, Math.max(600_000, RUNS * 4_000));
  }
});
