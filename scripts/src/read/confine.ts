import { lstatSync, realpathSync } from 'node:fs';
import { isAbsolute, join, posix, sep } from 'node:path';
import { PipelineError } from '../errors.js';

/**
 * A provider's sources are vendor files inside `specs/<provider>/source/`, nowhere else: no "..",
 * no absolute path, no symbolic link (of the file or of a folder on the way). Checked before a byte
 * is read, so an error can never quote a file from outside the folder.
 * Returns the source's normalized name relative to the provider folder (`source/<file>`).
 */
export function confineSource(specsDir: string, provider: string, relative: unknown, configFile: string, pointer: string): string {
  const fail = (problem: string): never => {
    throw new PipelineError(configFile, pointer, problem);
  };
  const folder = `${provider}/source/`;
  if (typeof relative !== 'string' || relative.trim() === '') return fail(`must name a file inside ${folder} as "source/<file>"`);
  if (isAbsolute(relative) || relative.includes('\\')) return fail(`${JSON.stringify(relative)} is absolute (or uses "\\"); a source must be a path inside ${folder}`);
  const normal = posix.normalize(relative);
  if (relative.split('/').includes('..') || !normal.startsWith('source/')) return fail(`${JSON.stringify(relative)} points outside ${folder} (".." is not allowed): sources are the vendor files in that folder`);
  const sourceDir = join(specsDir, provider, 'source');
  const full = join(specsDir, provider, normal);
  const kind = (path: string) => {
    try {
      return lstatSync(path);
    } catch (error) {
      throw new PipelineError(`${provider}/${normal}`, '', `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  };
  if (kind(sourceDir).isSymbolicLink()) return fail(`${folder} is a symbolic link; it must be a real folder`);
  const stat = kind(full);
  if (stat.isSymbolicLink()) return fail(`${normal} is a symbolic link; sources must be regular files inside ${folder}`);
  if (!stat.isFile()) return fail(`${normal} is not a regular file`);
  // a symbolic link to a folder on the way (source/sub -> /etc) shows only in the real path
  if (!realpathSync(full).startsWith(realpathSync(sourceDir) + sep)) return fail(`${normal} reaches outside ${folder} through a symbolic link`);
  return normal;
}

/** RFC 6901: a key as one JSON pointer segment. */
export const pointerSegment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
