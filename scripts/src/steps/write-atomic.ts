import { renameSync, writeFileSync } from 'node:fs';

/** Write beside the target, then rename: a reader (or a crash) never sees half a spec. */
export function writeAtomic(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
