import { execFile } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PublishedPackage } from './published.js';

const run = promisify(execFile);

/**
 * `pnpm pack` each package (all at once: most of the time is pnpm starting up) into its own folder under
 * `destination`, as publishing would (`workspace:` ranges rewritten). Returns package name -> tarball path.
 */
export async function packAll(packages: PublishedPackage[], destination: string): Promise<Map<string, string>> {
  const packed = await Promise.all(
    packages.map(async (pkg, index) => {
      const dir = join(destination, `pack-${index}`);
      await mkdir(dir);
      await run('pnpm', ['pack', '--pack-destination', dir], { cwd: pkg.dir });
      const created = (await readdir(dir)).filter((file) => file.endsWith('.tgz'));
      if (created.length !== 1) throw new Error(`pnpm pack in ${pkg.dir} made ${created.length} tarballs: ${created.join(', ')}`);
      return [pkg.name, join(dir, created[0]!)] as const;
    }),
  );
  return new Map(packed);
}
