import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BIN = join(import.meta.dirname, '..', 'dist', 'cli.js');

export interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts the built binary as a real process with only the environment given (no HOME, no CI) and, unless
 * the test names one, an empty config directory of its own: never the user's profiles. `stdin`, when
 * given, is written and closed.
 */
export function start(args: string[], env: Record<string, string> = {}, stdin?: string): { child: ChildProcessWithoutNullStreams; done: Promise<Ran>; output: () => string } {
  const config = env.HOSTBILL_CONFIG_DIR ?? mkdtempSync(join(tmpdir(), 'hostbill-cli-config-'));
  const child = spawn(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', HOSTBILL_CONFIG_DIR: config, ...env } });
  if (stdin !== undefined) child.stdin.end(stdin);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  const done = new Promise<Ran>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done, output: () => stdout + stderr };
}

export const run = (args: string[], env: Record<string, string> = {}, stdin?: string): Promise<Ran> => start(args, env, stdin).done;
