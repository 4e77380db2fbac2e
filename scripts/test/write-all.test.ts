import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAll, type WriteFs } from '../src/steps/write-all.js';

function folder(): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'write-all-'));
  const files = ['a.json', 'b.json', 'c.json'].map((f) => join(dir, f));
  files.slice(0, 2).forEach((f) => writeFileSync(f, `old ${f}`));
  return { dir, files };
}

const contents = (dir: string) => Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('writeAll', () => {
  it('writes every file', () => {
    const { dir, files } = folder();
    writeAll(files.map((file) => ({ file, text: 'new' })));
    expect(contents(dir)).toEqual({ 'a.json': 'new', 'b.json': 'new', 'c.json': 'new' });
  });

  it('leaves a target that already holds the bytes untouched, mtime included', () => {
    const { dir, files } = folder();
    const writes: string[] = [];
    const spy: WriteFs = { ...fs, writeFileSync: ((file: string, data: string) => (writes.push(file), fs.writeFileSync(file, data))) as WriteFs['writeFileSync'] };
    writeAll([{ file: files[0]!, text: `old ${files[0]}` }, { file: files[1]!, text: Buffer.from('new') }], spy);
    expect(writes.map((f) => f.replace(/\.\d+\.tmp$/, ''))).toEqual([files[1]]);
    expect(contents(dir)).toEqual({ 'a.json': `old ${files[0]}`, 'b.json': 'new' });
  });

  it('refuses a directory in the way before writing anything', () => {
    const { dir, files } = folder();
    mkdirSync(files[2]!);
    const before = readdirSync(dir);
    expect(() => writeAll(files.map((file) => ({ file, text: 'new' })))).toThrow(/c\.json: cannot write: EISDIR/);
    expect(readdirSync(dir)).toEqual(before);
    expect(readFileSync(files[0]!, 'utf8')).toBe(`old ${files[0]}`);
  });

  it('a rename failing after others succeeded puts every target back and removes every temporary file', () => {
    const { dir, files } = folder();
    const before = contents(dir);
    let renames = 0;
    const failing: WriteFs = {
      ...fs,
      renameSync: (from, to) => {
        if (++renames === 3) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        fs.renameSync(from, to);
      },
    };
    expect(() => writeAll(files.map((file) => ({ file, text: 'new' })), failing)).toThrow(/c\.json: cannot write: ENOSPC; every output was left as it was/);
    expect(contents(dir)).toEqual(before);
  });
});
