import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runReports } from './reports.js';

/** A checkout whose one published package, `fresh`, is built but not committed, as new-provider leaves it. */
function checkout(): string {
  const root = mkdtempSync(join(tmpdir(), 'api-reports-test-'));
  const pkg = join(root, 'packages', 'fresh');
  mkdirSync(join(pkg, 'dist'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@acme/fresh', version: '0.0.0', types: 'dist/index.d.ts' }));
  writeFileSync(join(pkg, 'dist', 'index.d.ts'), 'export declare function hello(): string;\n');
  writeFileSync(join(root, 'README.md'), 'x\n');
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  git('add', 'README.md');
  git('commit', '-qm', 'start');
  return root;
}

test('a package git does not know yet gets its first report from the check, which then holds it to it', () => {
  const root = checkout();
  try {
    const first = runReports(root, { check: true });
    assert.deepEqual(first.errors, []);
    assert.equal(first.failed, false);
    assert.match(first.out.join('\n'), /@acme\/fresh first report written to packages\/fresh\/api\//);
    assert.ok(existsSync(join(root, 'packages', 'fresh', 'api', 'fresh.api.md')));
    assert.deepEqual(runReports(root, { check: true }).out, ['api: @acme/fresh unchanged']);
    writeFileSync(join(root, 'packages', 'fresh', 'dist', 'index.d.ts'), 'export declare function hello(): number;\n');
    assert.equal(runReports(root, { check: true }).failed, true);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a committed package without its report fails the check, and `only` limits it to the folders named', () => {
  const root = checkout();
  try {
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'add', '-A'], { cwd: root });
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'package'], { cwd: root });
    assert.equal(runReports(root, { check: true }).failed, true);
    assert.deepEqual(runReports(root, { check: true, only: ['other'] }), { failed: false, out: [], errors: [] });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
