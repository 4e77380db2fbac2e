import { mkdirSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { newProvider } from '../src/new-provider.js';
import { describeNewProvider } from '../src/new-provider/describe.js';
import { statusPaths } from '../src/new-provider/others-changed.js';

const file = (name: string, text: string) => ({ name, bytes: Buffer.from(text) });
const OPENAPI_YAML = 'openapi: 3.0.3\ninfo:\n  title: Nimbus Cloud Client API v2\n  version: "2"\nservers:\n  - url: https://my.nimbus.test/api\ncomponents:\n  securitySchemes:\n    jwt: { type: http, scheme: bearer }\npaths: {}\n';
const SWAGGER_NO_HOST = JSON.stringify({ swagger: '2.0', info: { title: 'Bare', version: '1' }, paths: { '/invoice': {} } });

describe('describeNewProvider', () => {
  it('names the document by its content, and reads title, auth and server from it', () => {
    const { config, guesses } = describeNewProvider('nimbus', [file('api.txt', OPENAPI_YAML), file('docs.html', '<p>Send Authorization: Basic ...</p>')]);
    expect(config).toMatchObject({ name: 'nimbus', title: 'Nimbus Cloud', openapi: 'source/api.txt', docs: ['source/docs.html'], auth: ['bearer', 'basic'] });
    expect(config.servers).toBeUndefined(); // the document has one
    expect(config.sha256!['source/api.txt']).toMatch(/^[0-9a-f]{64}$/);
    expect(guesses).toEqual([]);
  });

  it('says what it guessed: title from the folder, basic auth, a server URL with a host variable', () => {
    const { config, guesses } = describeNewProvider('bare-host', [file('s.json', SWAGGER_NO_HOST)], { title: undefined });
    expect(config).toMatchObject({ title: 'Bare', swagger: 'source/s.json', auth: ['basic'] });
    expect(config.servers![0]!.url).toBe('https://{host}/api');
    expect(guesses.join('\n')).toMatch(/auth \["basic"\].*\n.*baseUrl/);
    expect(describeNewProvider('bare-host', [file('s.json', SWAGGER_NO_HOST)], { baseUrl: 'https://panel.bare.test/api/' }).config.servers).toEqual([{ url: 'https://panel.bare.test/api' }]);
  });

  it('refuses what cannot be a provider, naming the file', () => {
    expect(() => describeNewProvider('Bad_Name', [file('a', OPENAPI_YAML)])).toThrow(/lower-case letters, digits and dashes/);
    expect(() => describeNewProvider('two', [file('a.yaml', OPENAPI_YAML), file('b.json', SWAGGER_NO_HOST)])).toThrow(/b\.json.*second API document \(OpenAPI 3\.0\.3, Swagger 2\.0\)/);
    expect(() => describeNewProvider('dup', [file('a.txt', 'x'), file('a.txt', 'y')])).toThrow(/a\.txt.*two vendor files have this name/);
    expect(() => describeNewProvider('none', [])).toThrow(/at least one vendor file/);
  });

  it('an export with a JSON syntax error is refused where its parser stops, not read as docs text', () => {
    expect(() => describeNewProvider('broken', [file('export.json', '{\n  "swagger": "2.0",\n  "paths": {,\n}')])).toThrow(/^export\.json:3:13: invalid JSON: /);
    expect(() => describeNewProvider('foreign', [file('data.json', '  {"items": []}')])).toThrow('data.json: is JSON, but neither Swagger 2.0 nor OpenAPI 3.x');
  });
});

describe('newProvider', () => {
  const setup = () => {
    const root = mkdtempSync(join(tmpdir(), 'new-provider-'));
    const vendor = join(root, 'export.yaml');
    writeFileSync(vendor, OPENAPI_YAML);
    return { root, specsDir: join(root, 'specs'), vendor };
  };

  it('copies the vendor file byte for byte, writes provider.json and generates the workspace', async () => {
    const { root, specsDir } = setup();
    const generate = vi.fn(async () => 0);
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await newProvider(['nimbus', 'export.yaml'], { cwd: root, specsDir, generate, syncDeps: () => 0 })).toBe(0);
    log.mockRestore();
    expect(readFileSync(join(specsDir, 'nimbus', 'source', 'export.yaml'), 'utf8')).toBe(OPENAPI_YAML);
    expect(JSON.parse(readFileSync(join(specsDir, 'nimbus', 'provider.json'), 'utf8'))).toMatchObject({ $schema: '../provider.schema.json', openapi: 'source/export.yaml' });
    expect(generate).toHaveBeenCalledWith(['--specs', specsDir]);
  });

  it('names each other provider\'s files that generating changed, with why, in a check: line and in what to commit', async () => {
    const { root, specsDir } = setup();
    mkdirSync(join(specsDir, 'west'), { recursive: true });
    writeFileSync(join(specsDir, 'west', 'provider.json'), '{}');
    // before: the user's own edit of west's report; after: what generating changed
    const status = [['specs/west/report.json'], ['specs/west/report.json', 'specs/west/openapi.json', 'packages/west/src/index.ts', 'packages/cli/package.json', 'specs/nimbus/openapi.json', 'packages/nimbus/src/index.ts']];
    const changedFiles = () => status.shift()!;
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await newProvider(['nimbus', 'export.yaml'], { cwd: root, specsDir, generate: async () => 0, syncDeps: () => 0, changedFiles })).toBe(0);
    const printed = log.mock.calls.map((c) => String(c[0])).join('\n');
    log.mockRestore();
    expect(printed).toContain("  check: west changed (specs/west/openapi.json, packages/west/src/index.ts): pooled across providers with nimbus (entity records, borrowed docs examples) or uniting it");
    expect(printed).not.toMatch(/check: (cli|nimbus) /);
    expect(printed).toMatch(/commit specs\/nimbus, packages\/nimbus, the other providers' files above\.$/);
  });

  it('reads git status paths, a rename by its new name', () => {
    expect(statusPaths(' M specs/a/openapi.json\n?? packages/b/api/b.api.md\nR  specs/c/x -> specs/c/y\n')).toEqual(['specs/a/openapi.json', 'packages/b/api/b.api.md', 'specs/c/y']);
  });

  it('refuses a provider that exists, and keeps a new folder when the pipeline fails so it can be patched', async () => {
    const { root, specsDir } = setup();
    const quiet = [vi.spyOn(console, 'log').mockImplementation(() => {}), vi.spyOn(console, 'error').mockImplementation(() => {})];
    expect(await newProvider(['nimbus', 'export.yaml'], { cwd: root, specsDir, generate: async () => 1 })).toBe(1);
    expect(existsSync(join(specsDir, 'nimbus', 'provider.json'))).toBe(true);
    await expect(newProvider(['nimbus', 'export.yaml'], { cwd: root, specsDir, generate: async () => 0 })).rejects.toThrow(/already exists/);
    await expect(newProvider(['other', 'missing.yaml'], { cwd: root, specsDir, generate: async () => 0 })).rejects.toThrow(/missing\.yaml.*no such file/);
    expect(existsSync(join(specsDir, 'other'))).toBe(false);
    quiet.forEach((q) => q.mockRestore());
  });
});
