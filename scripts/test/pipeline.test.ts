import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../src/errors.js';
import { generateAll, SPECS_DIR } from '../src/generate.js';
import { RepairLog, type OpenApi } from '../src/model.js';
import { applyPatches, parsePatchFile } from '../src/steps/apply-patches.js';
import { lintSpec, checkExamples } from '../src/steps/validate.js';
import { committedSpec, HOSTENS_DOCS, rehash, scratchSpecs } from './helpers.js';

const GENERATE = join(import.meta.dirname, '..', 'src', 'generate.ts');
const TSX = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');

function runGenerate(specsDir: string): { code: number; output: string } {
  try {
    const output = execFileSync(TSX, [GENERATE, '--specs', specsDir], { encoding: 'utf8', stdio: 'pipe' });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

describe('pipeline', () => {
  // that regenerating yields the committed files byte for byte is specs:check, run by this package's `test`
  // script after vitest; it is the one place the committed specs are linted (Redocly) in `pnpm test`
  it('a truncated vendor file fails with file:line:col and leaves every previous output untouched', () => {
    const dir = scratchSpecs();
    const before = readFileSync(join(dir, 'pio-hosting', 'openapi.json'), 'utf8');
    const swagger = join(dir, 'pio-hosting', 'source', '001_a814dcc48a50d90a.txt');
    writeFileSync(swagger, readFileSync(swagger, 'utf8').slice(0, 3000));
    rehash(dir, 'pio-hosting'); // so the parser itself is what fails
    const { code, output } = runGenerate(dir);
    expect(code).toBe(1);
    expect(output).toMatch(/error: pio-hosting\/source\/001_a814dcc48a50d90a\.txt:\d+:\d+: invalid JSON/);
    expect(output).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(readFileSync(join(dir, 'pio-hosting', 'openapi.json'), 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'hostens', 'openapi.json'), 'utf8')).toBe(readFileSync(join(SPECS_DIR, 'hostens', 'openapi.json'), 'utf8'));
  });

  it('an edited vendor copy is refused (hash check)', async () => {
    const dir = scratchSpecs();
    const docs = join(dir, 'hostens', 'source', HOSTENS_DOCS);
    writeFileSync(docs, `${readFileSync(docs, 'utf8')}\n`);
    await expect(generateAll(dir)).rejects.toThrow(/hostens\/source\/003_98aab12d6ab6daae\.txt: vendor copy changed/);
  });

  it('a docs file with an unknown block fails naming the file and line', async () => {
    const dir = scratchSpecs();
    const docs = join(dir, 'hostens', 'source', HOSTENS_DOCS);
    writeFileSync(docs, readFileSync(docs, 'utf8').replace('HTTP Request\nGET /balance', 'HTTP Request\nBALANCE please'));
    rehash(dir, 'hostens');
    await expect(generateAll(dir)).rejects.toThrow(/^hostens\/source\/003_98aab12d6ab6daae\.txt:\d+: "HTTP Request" must be followed by "METHOD \/path"/);
  });

  it('a fifth provider is one folder: its sources and a provider.json', async () => {
    // alone in its specs folder, so the four committed specs are not built (and linted) again here
    const dir = mkdtempSync(join(tmpdir(), 'hostbill-acme-'));
    mkdirSync(join(dir, 'acme', 'source'), { recursive: true });
    copyFileSync(join(SPECS_DIR, 'hostens', 'source', HOSTENS_DOCS), join(dir, 'acme', 'source', 'docs.txt'));
    writeFileSync(
      join(dir, 'acme', 'provider.json'),
      JSON.stringify({ name: 'acme', title: 'Acme', docs: ['source/docs.txt'], servers: [{ url: 'https://acme.example/api' }], auth: ['basic'], sha256: {} }),
    );
    rehash(dir, 'acme');
    const { results } = await generateAll(dir);
    const acme = results.find((r) => r.name === 'acme')!;
    expect(Object.keys(acme.spec.paths ?? {}).length).toBeGreaterThan(60);
  });

  it('a union unites a provider folder the moment it exists, and leaves it out once it says "excludeFromUnion"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostbill-union-'));
    const docsProvider = (name: string, extra: object = {}) => {
      mkdirSync(join(dir, name, 'source'), { recursive: true });
      copyFileSync(join(SPECS_DIR, 'hostens', 'source', HOSTENS_DOCS), join(dir, name, 'source', 'docs.txt'));
      writeFileSync(join(dir, name, 'provider.json'), JSON.stringify({ name, title: name, docs: ['source/docs.txt'], servers: [{ url: `https://${name}.example/api` }], auth: ['basic'], sha256: {}, ...extra }));
      rehash(dir, name);
    };
    docsProvider('acme');
    mkdirSync(join(dir, 'generic'));
    writeFileSync(join(dir, 'generic', 'provider.json'), JSON.stringify({ name: 'generic', title: 'Generic', unionOf: '*', servers: [{ url: 'https://generic.example/api' }], auth: ['basic'] }));
    const united = (inputs: Awaited<ReturnType<typeof generateAll>>['inputs']) => inputs.find((i) => i.config.name === 'generic')!.unites;
    expect(united((await generateAll(dir)).inputs)).toEqual(['acme']);
    docsProvider('zed', { excludeFromUnion: true });
    docsProvider('beta');
    const built = await generateAll(dir);
    expect(united(built.inputs)).toEqual(['acme', 'beta']);
    expect(built.reports.find((r) => r.provider === 'generic')!.operations).toBeGreaterThan(60);
  });

  it('a provider.json with a wrong field is one line naming the file and its JSON pointer', () => {
    const dir = scratchSpecs();
    const configFile = join(dir, 'htmoni', 'provider.json');
    writeFileSync(configFile, JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), auth: ['oauth'] }));
    const { code, output } = runGenerate(dir);
    expect(code).toBe(1);
    expect(output).toBe('error: htmoni/provider.json:/auth/0: must be one of basic, bearer\n');
  });
});

describe('patches', () => {
  const spec: OpenApi = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a': { get: { summary: 'x' } } } };

  it('apply add/replace/remove/test and are reported with their reason', () => {
    const log = new RepairLog();
    const patch = parsePatchFile({ reason: 'why', patch: [{ op: 'test', path: '/paths/~1a/get/summary', value: 'x' }, { op: 'replace', path: '/paths/~1a/get/summary', value: 'y' }] }, 'p.json');
    expect(applyPatches(spec, [patch], log).spec.paths?.['/a']?.get?.summary).toBe('y');
    expect(spec.paths?.['/a']?.get?.summary).toBe('x'); // pure
    expect(log.repairs).toEqual([{ kind: 'patch-applied', where: 'p.json', detail: 'why' }]);
  });

  it('a patch that no longer fits names its file and operation index', () => {
    const patch = parsePatchFile({ reason: 'why', patch: [{ op: 'replace', path: '/paths/~1b/get/summary', value: 'y' }] }, 'hostens/patches/p.json');
    expect(() => applyPatches(spec, [patch], new RepairLog())).toThrow(PipelineError);
    expect(() => applyPatches(spec, [patch], new RepairLog())).toThrow('hostens/patches/p.json:/patch/0: replace /paths/~1b/get/summary: nothing at "/b"');
  });

  it('a patch without a reason is refused', () => {
    expect(() => parsePatchFile({ patch: [] }, 'p.json')).toThrow('p.json:/reason: every patch needs a one-line "reason"');
  });
});

describe('validation', () => {
  // the committed specs are linted once per `pnpm test`, by specs:check; this proves the wiring on a small broken one
  it('lint reports a broken spec (path parameter declared nowhere)', async () => {
    const spec: OpenApi = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/invoice/{id}': { get: { responses: { '200': { description: 'ok' } } } } } };
    const errors = await lintSpec(spec, 'acme/openapi.json');
    expect(errors.join('\n')).toMatch(/path-parameters-defined|path-params/);
  });

  it('an example that does not match its schema is caught', () => {
    const spec = committedSpec('hostens');
    spec.paths['/server/{server_id}'].get.responses['200'].content['application/json'].example.ram_used = 'lots';
    expect(checkExamples(spec as OpenApi).join('\n')).toMatch(/GET \/server\/\{server_id\} response 200: .*ram_used.* must be integer/);
  });
});
