import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

/** A throwaway folder; tests build their own inputs in it and never touch the repository. */
export function scratchDir(prefix = 'hostbill-adversarial-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeText(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

export const writeJson = (file: string, value: unknown) => writeText(file, `${JSON.stringify(value, null, 2)}\n`);

export const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Every regular file under `dir` with its bytes, to prove a failed run changed nothing. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.set(relative(dir, path), readFileSync(path, 'latin1'));
    }
  };
  walk(dir);
  return files;
}

export const isDirectory = (path: string) => statSync(path).isDirectory();
