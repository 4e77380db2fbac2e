import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runGenerate } from '../src/generate.js';
import { specsDiff } from '../src/specs-diff.js';
import { specsUpdate } from '../src/specs-update.js';
import { vendorUpdate } from '../src/diff/vendor-source.js';
import { FIXTURE_PROVIDERS, rehash, workspaceWith } from './helpers.js';

const PROVIDER = 'openapi30-yaml';
const UNION = 'everyone';
const VENDOR = readFileSync(join(FIXTURE_PROVIDERS, PROVIDER, 'source', 'openapi.yaml'), 'utf8');
const NEW_OPERATION = `  /api/invoice:
    get:
      tags: [Services]
      summary: List invoices
      description: List all invoices.
      operationId: listInvoices
      responses:
        '200':
          description: The invoices.
          content:
            application/json:
              schema:
                type: object
                properties:
                  invoices: { type: array, items: { type: string } }
components:
`;
const VM_LABEL = '        label: { type: string }\n        status: { type: string, enum: [pending, running, stopped] }';

const generate = (argv: string[]) => runGenerate(argv);

/** A command's exit code and console output (the lines it logged), or what it threw. */
async function run(command: (argv: string[], options: any) => Promise<number>, argv: string[], cwd: string, options: object = {}) {
  const lines: string[] = [];
  const capture = (...args: unknown[]) => void lines.push(args.join(' '));
  const spies = [vi.spyOn(console, 'log').mockImplementation(capture), vi.spyOn(console, 'error').mockImplementation(capture)];
  try {
    return { code: await command(argv, { cwd, ...options }), output: lines.join('\n') };
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
}

/** A scratch checkout with the fixture provider generated (its committed spec and package), and a new vendor file beside it. */
async function generated(vendorText: string) {
  const { root, specsDir } = workspaceWith(PROVIDER);
  // a union of every provider, as specs/hostbill is: it follows the provider's update
  mkdirSync(join(specsDir, UNION));
  writeFileSync(join(specsDir, UNION, 'provider.json'), JSON.stringify({ name: UNION, title: 'Everyone', unionOf: '*', servers: [{ url: 'https://{host}/api', variables: { host: { default: 'billing.example.com' } } }], auth: ['bearer'] }));
  const { code } = await run(generate, ['--specs', specsDir], root);
  expect(code).toBe(0);
  writeFileSync(join(root, 'vendor-new.yaml'), vendorText);
  const generateTypes = vi.fn();
  const update = () => run(specsUpdate, [PROVIDER, 'vendor-new.yaml'], root, { specsDir, generateTypes });
  const file = (path: string) => readFileSync(join(specsDir, PROVIDER, path), 'utf8');
  const changesets = () => (existsSync(join(root, '.changeset')) ? readdirSync(join(root, '.changeset')) : []);
  return { root, specsDir, update, file, changesets, generateTypes };
}

describe('specs:update on a fixture provider in a scratch checkout', () => {
  it('an added operation: the source is replaced byte for byte, the spec and package regenerated, a minor changeset written', async () => {
    const newVendor = VENDOR.replace('components:\n', NEW_OPERATION);
    const { root, specsDir, update, file, changesets, generateTypes } = await generated(newVendor);
    const oldSha = JSON.parse(file('provider.json')).sha256['source/openapi.yaml'];

    const diff = await run(specsDiff, [PROVIDER, 'vendor-new.yaml'], root, { specsDir });
    expect(diff.output).toBe('non-breaking  GET /invoice  operation added  #/paths/~1invoice/get\nopenapi30-yaml: 1 change (0 breaking), a minor version');

    const { code, output } = await update();
    expect(code).toBe(0);
    expect(file('source/openapi.yaml')).toBe(newVendor);
    const newSha = JSON.parse(file('provider.json')).sha256['source/openapi.yaml'];
    expect(newSha).not.toBe(oldSha);
    expect(JSON.parse(file('openapi.json')).paths['/invoice'].get.operationId).toBe('listInvoices');
    expect(readFileSync(join(root, 'packages', PROVIDER, 'src', 'index.ts'), 'utf8')).toMatch(/listInvoices/);
    expect(generateTypes).toHaveBeenCalledWith(root, [PROVIDER, UNION]);
    expect(JSON.parse(readFileSync(join(specsDir, UNION, 'openapi.json'), 'utf8')).paths['/invoice'].get).toBeDefined();
    expect(changesets()).toEqual([`${PROVIDER}-vendor-update-${newSha.slice(0, 8)}.md`]);
    const changeset = readFileSync(join(root, '.changeset', changesets()[0]!), 'utf8');
    expect(changeset).toMatch(new RegExp(`^---\\n'@hostbill-api/${PROVIDER}': minor\\n'@hostbill-api/${UNION}': minor\\n---\\n`));
    expect(changeset).toContain(`sha256 ${oldSha} -> ${newSha}`);
    expect(changeset).toContain('- non-breaking: `GET /invoice` operation added (`#/paths/~1invoice/get`)');
    expect(output).toMatch(/wrote \.changeset\/.*\(minor for @hostbill-api\/openapi30-yaml, minor for @hostbill-api\/everyone\)/);
    // and the checkout is what `pnpm generate` makes of it: nothing left out of date
    expect((await run(generate, ['--specs', specsDir, '--check'], root)).code).toBe(0);
    expect((await run(specsDiff, [PROVIDER], root, { specsDir })).output).toBe('openapi30-yaml: no changes');
  });

  it('a response field removed: a major changeset naming it', async () => {
    const { update, changesets, root } = await generated(VENDOR.replace(VM_LABEL, VM_LABEL.split('\n')[1]!));
    const { code, output } = await update();
    expect(code).toBe(0);
    expect(output).toContain('breaking      POST /service/{id}/vms  response 200 field vm.label removed  #/paths/~1service~1{id}~1vms/post/responses/200/content/application~1json/schema/properties/vm/properties/label');
    const changeset = readFileSync(join(root, '.changeset', changesets()[0]!), 'utf8');
    expect(changeset).toMatch(/^---\n'@hostbill-api\/openapi30-yaml': major\n'@hostbill-api\/everyone': major\n---\n/);
    expect(changeset).toContain('- breaking: `POST /service/{id}/vms` response 200 field vm.label removed');
  });

  it('an unchanged file: nothing written, no changeset, and it says so', async () => {
    const { update, changesets, file, generateTypes } = await generated(VENDOR);
    const before = file('provider.json');
    const { code, output } = await update();
    expect(code).toBe(0);
    expect(output).toMatch(/byte for byte .*nothing to update, no changeset written/);
    expect(changesets()).toEqual([]);
    expect(file('provider.json')).toBe(before);
    expect(generateTypes).not.toHaveBeenCalled();
  });

  it('a file that fails the pipeline: one line naming it, and every file as it was', async () => {
    const { update, changesets, file, specsDir, root } = await generated(VENDOR.replace('paths:\n', 'paths:\n  /api/x: [\n'));
    const before = ['provider.json', 'source/openapi.yaml', 'openapi.json', 'report.json'].map(file);
    await expect(update()).rejects.toThrow(/^vendor-new\.yaml \(as openapi30-yaml\/source\/openapi\.yaml\):\d+:\d+: [^\n]*; nothing was changed$/);
    expect(['provider.json', 'source/openapi.yaml', 'openapi.json', 'report.json'].map(file)).toEqual(before);
    expect(changesets()).toEqual([]);
    // a Swagger file cannot stand in for an OpenAPI one
    writeFileSync(join(root, 'vendor-new.yaml'), 'swagger: "2.0"\ninfo: { title: t, version: "1" }\npaths: {}\n');
    await expect(run(specsDiff, [PROVIDER, 'vendor-new.yaml'], root, { specsDir })).rejects.toThrow(/^vendor-new\.yaml: is Swagger 2\.0, but openapi30-yaml's provider\.json names its API document under "openapi": a vendor update replaces a source of the same kind$/);
  });
});

describe('vendorUpdate: which source a new file replaces', () => {
  it('a broken JSON export offered to a docs-only provider is refused where its parser stops, not taken as docs text', () => {
    const specsDir = mkdtempSync(join(tmpdir(), 'vendor-update-'));
    cpSync(join(import.meta.dirname, 'fixtures', 'audit', 'acme'), join(specsDir, 'acme'), { recursive: true });
    rehash(specsDir, 'acme');
    expect(() => vendorUpdate(specsDir, 'acme', 'new.json', Buffer.from('{\n  "swagger": ,\n}'))).toThrow(/^new\.json:2:14: invalid JSON: /);
    expect(vendorUpdate(specsDir, 'acme', 'new.txt', Buffer.from('Acme Cloud API\n')).source).toBe('source/docs.txt');
  });
});
