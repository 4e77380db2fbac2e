import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { generateAll, writeAll } from '@hostbill-api/spec-pipeline';

/** What `pnpm generate` does, in this process: build every provider, then write. */
export async function generate(specsDir: string): Promise<void> {
  writeAll((await generateAll(specsDir)).files);
}

/** The message of the error `generate` fails with (a test fails if it succeeds). */
export async function generateError(specsDir: string): Promise<Error> {
  try {
    await generate(specsDir);
  } catch (error) {
    return error as Error;
  }
  throw new Error(`generate(${specsDir}) succeeded; it should have refused the input`);
}

const require = createRequire(import.meta.url);
const GENERATE = join(dirname(require.resolve('@hostbill-api/spec-pipeline')), 'generate.ts');
const TSX = join(dirname(require.resolve('tsx/package.json')), 'dist', 'cli.mjs');

/** The real command line (`tsx src/generate.ts --specs <dir> --no-packages`) as a child process: a throwaway specs folder has no packages/ beside it. */
export function generateCli(specsDir: string): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [TSX, GENERATE, '--specs', specsDir, '--no-packages'], { encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
