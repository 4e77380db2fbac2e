import * as nodeFs from 'node:fs';
import { PipelineError } from '../errors.js';

/**
 * All outputs or none. Every target is checked first (a directory in the way is refused before
 * anything is written), every text goes to a temporary file beside its target, and only then are
 * they renamed into place. On any failure the temporary files are removed and the targets already
 * replaced get their previous bytes back, so a failed run leaves the last good outputs as they were.
 */
export interface OutputFile {
  file: string;
  text: string;
}

/** The file system calls used; tests hand in one that fails at a chosen step. */
export type WriteFs = Pick<typeof nodeFs, 'lstatSync' | 'readFileSync' | 'writeFileSync' | 'renameSync' | 'rmSync'>;

const reason = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/**
 * `text` may be bytes: a vendor file is written as it came. A target that already holds these bytes
 * is left alone, its mtime too: pnpm re-checks (and rewrites its workspace state) when a package.json
 * is newer than its last install, and parallel `pnpm run`s racing on that file crash (pnpm#12020).
 */
export function writeAll(all: Array<{ file: string; text: string | Uint8Array }>, fs: WriteFs = nodeFs): void {
  // what each target held before (undefined: it did not exist), for putting it back
  const held = all.map(({ file }) => {
    const stat = fs.lstatSync(file, { throwIfNoEntry: false });
    if (stat && !stat.isFile()) throw new PipelineError(file, '', `cannot write: ${stat.isDirectory() ? 'EISDIR (a directory is in the way)' : 'not a regular file'}; nothing was written`);
    return stat ? fs.readFileSync(file) : undefined;
  });
  const changed = all.map((f, i) => ({ ...f, before: held[i] })).filter(({ text, before }) => !before || !before.equals(typeof text === 'string' ? Buffer.from(text) : text));
  const files = changed.map(({ file, text }) => ({ file, text }));
  const previous = changed.map(({ before }) => before);
  const temporary = (file: string) => `${file}.${process.pid}.tmp`;
  const removeTemporaries = () => files.forEach(({ file }) => fs.rmSync(temporary(file), { force: true }));
  let current = files[0]?.file ?? '';
  let renamed = 0;
  try {
    for (const { file, text } of files) {
      current = file;
      fs.writeFileSync(temporary(file), text);
    }
    for (const { file } of files) {
      current = file;
      fs.renameSync(temporary(file), file);
      renamed++;
    }
  } catch (error) {
    removeTemporaries();
    files.slice(0, renamed).forEach(({ file }, index) => restore(fs, file, previous[index]));
    throw new PipelineError(current, '', `cannot write: ${reason(error)}; every output was left as it was`);
  }
}

/** Puts a replaced target back as it was: its previous bytes, or no file at all. */
function restore(fs: WriteFs, file: string, bytes: Buffer | undefined): void {
  if (bytes === undefined) fs.rmSync(file, { force: true });
  else fs.writeFileSync(file, bytes);
}
