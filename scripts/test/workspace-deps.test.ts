import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listProviders } from '../src/read/list-providers.js';
import { SPECS_DIR } from '../src/generate.js';
import { staleManifests, syncProviderDeps, workspaceFolders } from '../src/workspace-deps.js';

const SCRIPT = join(import.meta.dirname, '..', 'src', 'workspace-deps.ts');
const TSX = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const OTHERS = new Set(['@hostbill-api/runtime', '@hostbill-api/test-support', '@hostbill-api/suite']);

const suite = (devDependencies: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  name: '@hostbill-api/suite',
  private: true,
  scripts: { test: 'vitest run' },
  'hostbill-api': { providerDeps: true },
  ...extra,
  devDependencies,
});
const sync = (value: unknown, providers: string[]) => syncProviderDeps({ file: 'tests/suite/package.json', text: text(value) }, providers, OTHERS);

describe('syncProviderDeps (pure)', () => {
  it('adds a new provider in sorted place, keeping every other entry', () => {
    const before = suite({ '@hostbill-api/alpha': 'workspace:*', '@hostbill-api/runtime': 'workspace:*', vitest: '^4.0.0' });
    expect(JSON.parse(sync(before, ['alpha', 'beta']))).toEqual(suite({ '@hostbill-api/alpha': 'workspace:*', '@hostbill-api/beta': 'workspace:*', '@hostbill-api/runtime': 'workspace:*', vitest: '^4.0.0' }));
  });

  it('removes a provider that is gone from specs/, never a workspace package that is no provider', () => {
    const before = suite({ '@hostbill-api/alpha': 'workspace:*', '@hostbill-api/gone': 'workspace:*', '@hostbill-api/test-support': 'workspace:*', vitest: '^4.0.0' });
    expect(sync(before, ['alpha'])).toBe(text(suite({ '@hostbill-api/alpha': 'workspace:*', '@hostbill-api/test-support': 'workspace:*', vitest: '^4.0.0' })));
  });

  it('returns an up-to-date manifest byte for byte, and leaves an unmarked one alone', () => {
    const upToDate = text(suite({ '@hostbill-api/alpha': 'workspace:*', vitest: '^4.0.0' })).replace('"private": true', '"private":   true');
    expect(syncProviderDeps({ file: 'x/package.json', text: upToDate }, ['alpha'], OTHERS)).toBe(upToDate);
    const unmarked = text({ name: '@hostbill-api/other', devDependencies: { '@hostbill-api/gone': 'workspace:*' } });
    expect(syncProviderDeps({ file: 'x/package.json', text: unmarked }, ['alpha'], OTHERS)).toBe(unmarked);
  });

  it('moves a provider out of dependencies (one place for them) and corrects a non-workspace range', () => {
    const before = suite({ '@hostbill-api/alpha': '^1.0.0' }, { dependencies: { '@hostbill-api/beta': 'workspace:*', '@hostbill-api/runtime': 'workspace:*' } });
    expect(JSON.parse(sync(before, ['alpha', 'beta']))).toEqual(
      suite({ '@hostbill-api/alpha': 'workspace:*', '@hostbill-api/beta': 'workspace:*' }, { dependencies: { '@hostbill-api/runtime': 'workspace:*' } }),
    );
  });

  it('a published package marked "dependencies" gets workspace:^ entries there, moved out of devDependencies', () => {
    const before = { name: '@hostbill-api/suite', 'hostbill-api': { providerDeps: 'dependencies' }, dependencies: { '@hostbill-api/runtime': 'workspace:^', commander: '14.0.3' }, devDependencies: { '@hostbill-api/beta': 'workspace:*', vitest: '^4.0.0' } };
    const after = JSON.parse(sync(before, ['alpha', 'beta']));
    expect(after.dependencies).toEqual({ '@hostbill-api/alpha': 'workspace:^', '@hostbill-api/beta': 'workspace:^', '@hostbill-api/runtime': 'workspace:^', commander: '14.0.3' });
    expect(after.devDependencies).toEqual({ vitest: '^4.0.0' });
    expect(sync(after, ['alpha', 'beta'])).toBe(text(after));
  });

  it('creates devDependencies when there are none, and names the file of invalid JSON', () => {
    const { devDependencies: _, ...bare } = suite({});
    expect(JSON.parse(sync(bare, ['alpha'])).devDependencies).toEqual({ '@hostbill-api/alpha': 'workspace:*' });
    expect(() => syncProviderDeps({ file: 'tests/suite/package.json', text: '{' }, ['alpha'], OTHERS)).toThrow(/^tests\/suite\/package\.json: invalid JSON/);
    expect(() => sync({ ...suite({}), devDependencies: [] }, ['alpha'])).toThrow('tests/suite/package.json:/devDependencies: must be an object');
  });
});

/** A workspace in a temp folder: specs/<provider>/provider.json, packages/runtime, one marked suite, one unmarked. */
function scratchWorkspace(providers: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'workspace-deps-'));
  const write = (file: string, value: unknown) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), typeof value === 'string' ? value : text(value));
  };
  write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n  - tests/*\n  - bench\nonlyBuiltDependencies:\n  - esbuild\n');
  write('packages/runtime/package.json', { name: '@hostbill-api/runtime' });
  write('tests/plain/package.json', { name: '@hostbill-api/plain', devDependencies: { '@hostbill-api/runtime': 'workspace:*' } });
  write('tests/suite/package.json', suite({ '@hostbill-api/runtime': 'workspace:*', ...Object.fromEntries(providers.map((p) => [`@hostbill-api/${p}`, 'workspace:*'])) }));
  for (const p of providers) {
    write(`specs/${p}/provider.json`, { name: p });
    write(`packages/${p}/package.json`, { name: `@hostbill-api/${p}` });
  }
  return root;
}

const check = (root: string) => spawnSync(TSX, [SCRIPT, '--check', '--root', root], { encoding: 'utf8' });

describe('workspace-deps on a workspace', () => {
  it('reads the folders pnpm-workspace.yaml lists', () => {
    const root = scratchWorkspace(['alpha']);
    expect(workspaceFolders(root)).toEqual(['packages/alpha', 'packages/runtime', 'tests/plain', 'tests/suite']);
  });

  it('a provider folder added to specs/ makes the marked suite stale, and the script adds it; --check names the file', () => {
    const root = scratchWorkspace(['alpha']);
    expect(staleManifests(root, ['alpha'])).toEqual([]);
    mkdirSync(join(root, 'specs', 'beta'));
    writeFileSync(join(root, 'specs', 'beta', 'provider.json'), text({ name: 'beta' }));
    const failed = check(root);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('out of date: tests/suite/package.json');
    expect(failed.stderr).not.toContain('tests/plain');
    expect(spawnSync(TSX, [SCRIPT, '--root', root], { encoding: 'utf8' }).status).toBe(0);
    expect(JSON.parse(readFileSync(join(root, 'tests/suite/package.json'), 'utf8')).devDependencies).toEqual({
      '@hostbill-api/alpha': 'workspace:*',
      '@hostbill-api/beta': 'workspace:*',
      '@hostbill-api/runtime': 'workspace:*',
    });
    expect(check(root).status).toBe(0);
  });

  it('a provider removed from specs/ (its generated package gone too) is removed from the suite', () => {
    const root = scratchWorkspace(['alpha', 'beta']);
    rmSync(join(root, 'specs', 'beta'), { recursive: true });
    rmSync(join(root, 'packages', 'beta'), { recursive: true });
    const [stale] = staleManifests(root, ['alpha']);
    expect(stale?.file).toBe('tests/suite/package.json');
    expect(JSON.parse(stale!.expected).devDependencies).toEqual({ '@hostbill-api/alpha': 'workspace:*', '@hostbill-api/runtime': 'workspace:*' });
  });

  it('this repository is in sync with its specs/', () => {
    expect(staleManifests(join(SPECS_DIR, '..'), listProviders(SPECS_DIR)).map((m) => m.file)).toEqual([]);
  });
});
