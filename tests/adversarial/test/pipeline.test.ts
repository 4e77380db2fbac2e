import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PipelineError } from '@hostbill-api/spec-pipeline';
import { afterEach, describe, expect, it } from 'vitest';
import { scratchDir, sha256, snapshot, writeJson, writeText } from './support/fixture.js';
import { generate, generateCli, generateError } from './support/pipeline.js';
import { PREVIOUS_OUTPUT, tinySwagger, writeProvider } from './support/providers.js';

/**
 * Each attack on the spec pipeline, in a throwaway specs folder: the run must refuse it with a
 * PipelineError naming the file and the place, and leave every previous output as it was.
 */
const SECRET = 'SECRET-OUTSIDE-THE-PROVIDER-FOLDER root:x:0:0';

/** Asserts a refusal: a PipelineError matching `message`, and not one output byte changed. */
async function expectRefused(specsDir: string, message: RegExp): Promise<Error> {
  const before = snapshot(specsDir);
  const error = await generateError(specsDir);
  expect(error, error.stack).toBeInstanceOf(PipelineError);
  expect(error.message).toMatch(message);
  expect(snapshot(specsDir)).toEqual(before);
  return error;
}

const spec = (specsDir: string, name = 'acme') => JSON.parse(readFileSync(join(specsDir, name, 'openapi.json'), 'utf8'));

afterEach(() => {
  // a polluting patch must not poison the tests after it
  for (const key of ['polluted', 'servers', 'security']) delete (Object.prototype as Record<string, unknown>)[key];
});

describe('sources stay inside specs/<provider>/source/', () => {
  it('refuses "../" in a docs entry and never quotes the file it points at', async () => {
    const dir = scratchDir();
    writeText(join(dir, 'outside.txt'), `HTTP Request\n${SECRET}\n`);
    writeProvider(dir, 'acme', { config: { docs: ['source/../../outside.txt'] } });
    const error = await expectRefused(dir, /^acme\/provider\.json:\/docs\/0: .*outside acme\/source\//);
    expect(error.message).not.toContain('SECRET');
  });

  it('refuses an absolute source path', async () => {
    const dir = scratchDir();
    writeProvider(dir, 'acme', { config: { swagger: '/etc/passwd' } });
    const error = await expectRefused(dir, /^acme\/provider\.json:\/swagger: "\/etc\/passwd" .*inside acme\/source\//);
    expect(error.message).not.toContain('root:');
  });

  it('refuses a symbolic link out of the folder, even with the right hash', async () => {
    const dir = scratchDir();
    const outside = join(dir, 'elsewhere.json');
    writeJson(outside, tinySwagger('evil.example'));
    writeProvider(dir, 'acme');
    symlinkSync(outside, join(dir, 'acme', 'source', 'link.json'));
    writeJson(join(dir, 'acme', 'provider.json'), {
      name: 'acme', title: 'acme', swagger: 'source/link.json', auth: ['basic'], sha256: { 'source/link.json': sha256(outside) },
    });
    await expectRefused(dir, /^acme\/provider\.json:\/swagger: source\/link\.json is a symbolic link/);
  });

  it('refuses a source that has no sha256, naming the file', async () => {
    const dir = scratchDir();
    writeProvider(dir, 'acme', { config: { sha256: {} } });
    await expectRefused(dir, /^acme\/provider\.json:\/sha256: no sha256 for source\/swagger\.json/);
  });

  it('refuses a sha256 entry that names no source (so it is never read)', async () => {
    const dir = scratchDir();
    writeText(join(dir, 'outside.txt'), SECRET);
    const acme = writeProvider(dir, 'acme');
    const config = JSON.parse(readFileSync(join(acme, 'provider.json'), 'utf8'));
    config.sha256['../outside.txt'] = '0'.repeat(64);
    writeJson(join(acme, 'provider.json'), config);
    await expectRefused(dir, /^acme\/provider\.json:\/sha256\/\.\.~1outside\.txt: names no source/);
  });
});

describe('patches cannot escape the spec', () => {
  it('refuses a "__proto__" segment and leaves Object.prototype alone', async () => {
    const dir = scratchDir();
    writeProvider(dir, 'acme', { patches: { evil: { reason: 'r', patch: [{ op: 'add', path: '/__proto__/polluted', value: 'yes' }] } } });
    await expectRefused(dir, /^acme\/patches\/evil\.json:\/patch\/0: add \/__proto__\/polluted: "__proto__" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses "constructor" and "prototype" segments', async () => {
    const dir = scratchDir();
    writeProvider(dir, 'acme', {
      patches: { evil: { reason: 'r', patch: [{ op: 'test', path: '/info/title', value: 'Acme' }, { op: 'add', path: '/constructor/prototype/polluted', value: 'yes' }] } },
    });
    await expectRefused(dir, /^acme\/patches\/evil\.json:\/patch\/1: add \/constructor\/prototype\/polluted: "constructor" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses "add /__proto__", which would hand the spec a foreign server and no security', async () => {
    const dir = scratchDir();
    const value = { servers: [{ url: 'https://attacker.example/api' }], security: [] };
    writeProvider(dir, 'acme', { patches: { evil: { reason: 'r', patch: [{ op: 'add', path: '/__proto__', value }] } } });
    await expectRefused(dir, /^acme\/patches\/evil\.json:\/patch\/0: add \/__proto__: "__proto__" is not allowed/);
  });

  it('add inserts at an array index, appends at "-" or the length, and refuses an index past the end', async () => {
    const dir = scratchDir();
    const server = (region: string) => ({ url: `https://${region}.acme.example/api` });
    writeProvider(dir, 'acme', {
      patches: {
        servers: {
          reason: 'more regions',
          patch: [
            { op: 'add', path: '/servers/0', value: server('eu') },
            { op: 'add', path: '/servers/-', value: server('us') },
            { op: 'add', path: '/servers/3', value: server('ap') },
          ],
        },
      },
    });
    await generate(dir);
    expect(spec(dir).servers.map((s: { url: string }) => s.url)).toEqual([
      'https://eu.acme.example/api', 'https://acme.example/api', 'https://us.acme.example/api', 'https://ap.acme.example/api',
    ]);

    const past = scratchDir();
    writeProvider(past, 'acme', { patches: { servers: { reason: 'r', patch: [{ op: 'add', path: '/servers/2', value: server('eu') }] } } });
    await expectRefused(past, /^acme\/patches\/servers\.json:\/patch\/0: add \/servers\/2: index 2 is past the end of the array \(1 element/);
  });

  it('supports move, copy and test (test compares JSON values, not key order)', async () => {
    const dir = scratchDir();
    writeProvider(dir, 'acme', {
      patches: {
        info: {
          reason: 'keep the vendor title, show ours',
          patch: [
            { op: 'test', path: '/info', value: { version: '1', title: 'Acme' } },
            { op: 'copy', from: '/paths/~1item/get/summary', path: '/paths/~1item/get/description' },
            { op: 'move', from: '/info/title', path: '/info/x-vendor-title' },
            { op: 'add', path: '/info/title', value: 'Acme API' },
          ],
        },
      },
    });
    await generate(dir);
    const out = spec(dir);
    expect(out.info).toEqual({ title: 'Acme API', version: '1', 'x-vendor-title': 'Acme' });
    expect(out.paths['/item'].get.description).toBe('List items');

    const failing = scratchDir();
    writeProvider(failing, 'acme', { patches: { info: { reason: 'r', patch: [{ op: 'test', path: '/info/title', value: 'Other' }] } } });
    await expectRefused(failing, /^acme\/patches\/info\.json:\/patch\/0: test \/info\/title: test failed/);
  });

  it('keeps a vendor "__proto__" key as an ordinary property, through conversion and every rule', async () => {
    const dir = scratchDir();
    // JSON.stringify of a literal cannot write a "__proto__" key, so a placeholder is renamed in the text
    const vendor = tinySwagger();
    vendor.definitions.Item.properties['x-own-proto'] = { type: 'string', description: 'kept' };
    vendor.paths['/item/{id}'].get.responses['200'].examples = { 'application/json': { 'x-own-proto': 'kept-example', id: 1 } };
    const swagger = JSON.stringify(vendor, null, 2).replaceAll('"x-own-proto"', '"__proto__"');
    writeProvider(dir, 'acme', { swaggerText: swagger });
    await generate(dir);
    const out = spec(dir);
    const properties = out.components.schemas.Item.properties;
    expect(Object.hasOwn(properties, '__proto__')).toBe(true);
    expect(properties['__proto__']).toEqual({ type: 'string', description: 'kept' });
    expect(readFileSync(join(dir, 'acme', 'openapi.json'), 'utf8')).toContain('"__proto__": "kept-example"');
    expect(Object.getPrototypeOf(properties)).toBe(Object.prototype);
  });
});

describe('output sanity', () => {
  it('refuses a patch that removes /paths without saying so', async () => {
    const dir = scratchDir();
    writeProvider(dir, 'acme', { patches: { gone: { reason: 'oops', patch: [{ op: 'remove', path: '/paths' }] } } });
    await expectRefused(dir, /^acme\/patches\/gone\.json:\/removesOperations: removes 3 operations it does not list.*GET \/item/);
  });

  it('accepts a removal the patch lists in "removesOperations", and refuses a stale list', async () => {
    const dir = scratchDir();
    const remove = { op: 'remove', path: '/paths/~1item/post' };
    writeProvider(dir, 'acme', { patches: { drop: { reason: 'the vendor retired it', removesOperations: ['POST /item'], patch: [remove] } } });
    await generate(dir);
    expect(Object.keys(spec(dir).paths['/item'])).toEqual(['get']);

    const stale = scratchDir();
    writeProvider(stale, 'acme', { patches: { drop: { reason: 'r', removesOperations: ['POST /item', 'DELETE /item'], patch: [remove] } } });
    await expectRefused(stale, /^acme\/patches\/drop\.json:\/removesOperations: lists DELETE \/item, which it does not remove/);
  });

  it('refuses an empty spec (no operations at all)', async () => {
    const dir = scratchDir();
    writeProvider(dir, 'acme', { swaggerText: JSON.stringify({ ...tinySwagger(), paths: {}, definitions: {} }) });
    await expectRefused(dir, /^acme\/openapi\.json: has no operations/);
  });
});

describe('all outputs or none', () => {
  it('a write failing midway (EISDIR) changes no output and leaves no temporary file', () => {
    const dir = scratchDir();
    writeProvider(dir, 'acme');
    writeProvider(dir, 'beta');
    // beta is written last: its report.json is a directory, so a naive writer has already replaced acme's files
    rmSync(join(dir, 'beta', 'report.json'));
    mkdirSync(join(dir, 'beta', 'report.json'));
    writeFileSync(join(dir, 'beta', 'report.json', 'keep.txt'), 'x');
    const before = snapshot(dir);
    const run = generateCli(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^error: .*beta\/report\.json: .*EISDIR/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(dir)).toEqual(before);
    expect([...snapshot(dir).keys()].filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readFileSync(join(dir, 'acme', 'openapi.json'), 'utf8')).toBe(PREVIOUS_OUTPUT);
  });
});

describe('depth and positions', () => {
  it('a patch value nested 10,000 deep is refused at its place, without a stack trace', () => {
    const dir = scratchDir();
    const text = `{"reason": "deep", "patch": [{"op": "add", "path": "/x-deep", "value": ${'['.repeat(10_000)}${']'.repeat(10_000)}}]}`;
    writeProvider(dir, 'acme', { patches: { deep: text } });
    const before = snapshot(dir);
    const run = generateCli(dir);
    // the file, its patch array and the operation are 3 levels, so the value's 254th bracket opens level 257
    const column = text.indexOf('[[') + 253 + 1;
    expect(run.stderr).toMatch(new RegExp(`^error: acme/patches/deep\\.json:1:${column}: JSON nested deeper than 256 levels`, 'm'));
    expect(run.stderr).not.toMatch(/RangeError|\n\s+at /);
    expect(run.code).toBe(1);
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports the real line:col of a JSON syntax error (missing comma, bad escape, deep then broken)', async () => {
    const cases: Array<[text: string, where: string, problem: RegExp]> = [
      ['{\n  "reason": "x",\n  "patch": [\n    { "op": "add" "path": "/x" }\n  ]\n}\n', '4:19', /expected ',' or '}'/i],
      ['{\n  "reason": "a \\x escape",\n  "patch": []\n}\n', '2:16', /invalid escape/],
      // the 256th bracket opens level 257 (the file is level 1); JSON.parse alone reported this at 1:1
      [`{"reason": "x", "patch": ${'['.repeat(100_000)}1}`, `1:${'{"reason": "x", "patch": '.length + 255 + 1}`, /nested deeper than 256 levels/],
    ];
    for (const [text, where, problem] of cases) {
      const dir = scratchDir();
      writeProvider(dir, 'acme', { patches: { broken: text } });
      const error = await expectRefused(dir, new RegExp(`^acme/patches/broken\\.json:${where}: `));
      expect(error.message).toMatch(problem);
    }
  });
});
