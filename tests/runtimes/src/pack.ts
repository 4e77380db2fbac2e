import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PublishedPackage } from './published.js';

const run = promisify(execFile);

/**
 * `pnpm pack` each package into `destination`, as publishing would (`workspace:` ranges rewritten).
 * Returns package name -> tarball path.
 */
export async function packAll(packages: PublishedPackage[], destination: string): Promise<Map<string, string>> {
  const tarballs = new Map<string, string>();
  for (const pkg of packages) {
    const before = new Set(await readdir(destination));
    await run('pnpm', ['pack', '--pack-destination', destination], { cwd: pkg.dir });
    const created = (await readdir(destination)).filter((file) => file.endsWith('.tgz') && !before.has(file));
    if (created.length !== 1) throw new Error(`pnpm pack in ${pkg.dir} made ${created.length} tarballs: ${created.join(', ')}`);
    tarballs.set(pkg.name, join(destination, created[0]!));
  }
  return tarballs;
}
