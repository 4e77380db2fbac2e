import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { OpenApi } from '../src/openapi.js';
import { jsdoc } from '../src/package/jsdoc.js';
import { clientIdentifier, functionName, typeName } from '../src/package/names.js';
import { listOperations, resolve } from '../src/package/operations.js';
import { packageFiles } from '../src/package/package-files.js';
import { findTaskEndpoint } from '../src/package/task-endpoint.js';
import { orphanedPackages } from '../src/package/workspace.js';
import { PipelineError } from '../src/errors.js';

/** A small spec in shapes the vendors' files do not have: a header parameter, a `$ref` body, odd names. */
const spec = (): OpenApi => ({
  openapi: '3.1.0',
  info: { title: 'Acme Cloud User API', version: '1' },
  servers: [{ url: 'https://panel.acme.test/api' }],
  paths: {
    '/vm/{vm_id}/power': {
      parameters: [{ name: 'vm_id', in: 'path', required: true, schema: { type: 'string' }, description: 'VM uuid' }],
      post: {
        operationId: 'power vm',
        summary: 'Power a VM */ on or off',
        description: 'Line one\r\nLine two<br>Line three',
        tags: ['Virtual Machines'],
        parameters: [{ name: 'X-Request-Id', in: 'header', required: false, schema: { type: 'string' } }],
        requestBody: { $ref: '#/components/requestBodies/Power' },
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Job' } } } } },
      },
    },
    '/vm': { get: { operationId: 'delete', deprecated: true, responses: { '200': { description: 'ok' } } } },
  },
  components: {
    schemas: { Job: { type: 'object', description: 'An async job', properties: { task_id: { type: 'integer' } } }, Error: { type: 'object' }, 'not-an-identifier': { type: 'string' } },
    requestBodies: { Power: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['state'], properties: { state: { enum: ['on', 'off'], description: 'wanted state' } } } } } } },
  },
});

describe('names', () => {
  it('takes the factory word from the title: acronyms, mixed case, company forms left out', () => {
    expect(clientIdentifier({ name: 'a', title: 'HT Moni' })).toBe('HtMoni');
    expect(clientIdentifier({ name: 'a', title: 'HostBill' })).toBe('HostBill');
    expect(clientIdentifier({ name: 'a', title: 'PIO Hosting GmbH' })).toBe('PioHosting');
    expect(clientIdentifier({ name: 'a', title: 'nordic-vps ltd.' })).toBe('NordicVps');
    expect(clientIdentifier({ name: 'a', title: 'Whatever', identifier: 'Mine' })).toBe('Mine');
  });

  it('refuses a title that gives no identifier, naming provider.json and the field to add', () => {
    expect(() => clientIdentifier({ name: 'x9', title: '9 ☁' })).toThrow(PipelineError);
    expect(() => clientIdentifier({ name: 'x9', title: '9 ☁' })).toThrow(/x9\/provider\.json.*\/title.*identifier/);
  });

  it('makes function names JavaScript can have', () => {
    expect(functionName('power vm')).toBe('powerVm');
    expect(functionName('cart_categories')).toBe('cartCategories');
    expect(functionName('delete')).toBe('deleteOperation');
    expect(functionName('2fa-enable')).toBe('op2faEnable');
  });

  it('gives schema types the names users expect, never shadowing globals', () => {
    expect(typeName('Job', new Set())).toBe('Job');
    expect(typeName('Error', new Set())).toBe('ApiError');
    expect(typeName('not-an-identifier', new Set())).toBeUndefined();
    expect(typeName('paths', new Set(['paths']))).toBeUndefined();
  });
});

describe('jsdoc', () => {
  it('keeps vendor text inside the comment: no early */, CRLF and <br> as lines', () => {
    const text = jsdoc(['a */ b', 'one\r\ntwo<br/>three']);
    expect(text.match(/\*\//g)).toHaveLength(1); // only the closing one
    expect(text).toContain(' * one\n * two\n * three\n');
    expect(jsdoc([undefined, '  '])).toBe('');
  });
});

describe('operations', () => {
  it('reads parameters from the path item and the operation, and a $ref body', () => {
    const [power] = listOperations(spec(), 'acme/openapi.json');
    expect(power!.name).toBe('powerVm');
    expect(power!.parameters.map((p) => `${p.where}.${p.name}`)).toEqual(['path.vm_id', 'header.X-Request-Id']);
    expect(power!.body).toEqual({ required: true, fields: [{ name: 'state', type: '"on" | "off"', required: true, description: 'wanted state' }] });
    expect(power!.success?.properties?.task_id).toEqual({ type: 'integer' });
  });

  it('refuses two operations that would share a function name, naming both', () => {
    const broken = spec();
    broken.paths!['/vm']!.get!.operationId = 'powerVm';
    expect(() => listOperations(broken, 'acme/openapi.json')).toThrow(/GET \/vm and POST \/vm\/\{vm_id\}\/power both give the function name "powerVm"/);
  });

  it('follows $refs by RFC 6901, escapes included, and never into inherited properties', () => {
    const doc = { components: { schemas: { 'a/b~c': { type: 'integer' }, alias: { $ref: '#/components/schemas/a~1b~0c' } } } } as unknown as OpenApi;
    expect(resolve(doc, { $ref: '#/components/schemas/alias' })).toEqual({ type: 'integer' });
    expect(resolve(doc, { $ref: '#/components/__proto__' })).toBeUndefined();
    expect(resolve(doc, { $ref: '#/components/schemas/bad~2escape' })).toBeUndefined();
    expect(resolve(doc, { $ref: 'other.json#/x' })).toBeUndefined();
  });
});

describe('package files', () => {
  const files = () => {
    const packagesDir = mkdtempSync(join(tmpdir(), 'packages-'));
    const out = packageFiles({ config: { name: 'acme', title: 'Acme Cloud', auth: ['bearer', 'basic'] }, spec: spec() }, packagesDir, 'LICENSE TEXT\n');
    return Object.fromEntries(out.map((f) => [f.file.slice(packagesDir.length + 1), f.text]));
  };

  it('writes every file of the package and nothing outside it', () => {
    expect(Object.keys(files()).sort()).toEqual(['acme/LICENSE', 'acme/README.md', 'acme/package.json', 'acme/record/package.json', 'acme/src/compiled/validators.ts', 'acme/src/index.ts', 'acme/src/operations.ts', 'acme/src/record.ts', 'acme/src/validators.ts', 'acme/tsconfig.json', 'acme/turbo.json', 'acme/validators/package.json']);
  });

  it('documents each operation with the vendor words and exports it by name', () => {
    const { 'acme/src/operations.ts': operations, 'acme/src/index.ts': index } = files();
    expect(operations).toContain(' * Power a VM *\\/ on or off\n');
    expect(operations).toContain("- `params.path.vm_id` (string, required): VM uuid");
    expect(operations).toContain('- `body.state` ("on" | "off", required): wanted state');
    expect(operations).toContain("export const powerVm = /* @__PURE__ */ defineOperation<paths, 'post', '/vm/{vm_id}/power'>('post', '/vm/{vm_id}/power');");
    expect(operations).toContain('@deprecated');
    expect(index).toContain("export const BASE_URL = 'https://panel.acme.test/api';");
    expect(index).toContain('export const createClient = createAcmeCloudClient;');
    expect(index).toContain("export type Job = Schemas['Job'];");
    expect(index).toContain("export type ApiErrorBody = Schemas['Error'];");
    expect(index).not.toContain('not-an-identifier =');
  });

  it('shows the auth the provider prefers and mentions the other', () => {
    const readme = files()['acme/README.md']!;
    expect(readme).toContain("import { createAcmeCloudClient, jwtAuth } from '@hostbill-api/acme';");
    expect(readme).toContain('This provider also accepts `basicAuth(...)`');
    expect(readme).toContain('| `powerVm` | `POST /vm/{vm_id}/power` |');
  });

  it('asks for baseUrl when the server URL has variables', () => {
    const withVariables = spec();
    withVariables.servers = [{ url: 'https://{host}/api', variables: { host: { default: 'billing.acme.test' } } }];
    const out = packageFiles({ config: { name: 'acme', title: 'Acme', auth: ['basic'] }, spec: withVariables }, '/nowhere', '');
    const text = (name: string) => out.find((f) => f.file.endsWith(name))!.text;
    expect(text('src/index.ts')).toContain("export const createAcmeClient = defineProviderClient<paths>({ provider: 'acme' });");
    expect(text('README.md')).toContain("baseUrl: 'https://billing.acme.test/api'");
  });
});

describe('task endpoint', () => {
  const withTask = (): OpenApi => {
    const s = spec();
    s.paths!['/vm/{vm_id}/task/{job_id}'] = {
      get: {
        operationId: 'get vm task',
        parameters: [
          { name: 'vm_id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'job_id', in: 'path', required: true, schema: { type: 'integer' } },
        ],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { completed: { type: 'string' }, results: { type: 'string' } } } } } } },
      },
    };
    return s;
  };
  const generate = (api: OpenApi) => Object.fromEntries(packageFiles({ config: { name: 'acme', title: 'Acme', auth: ['basic'] }, spec: api }, '/p', '').map((f) => [f.file.slice(3), f.text]));

  it('is found in the spec, and the one path found types waitForTask and feeds the README', () => {
    expect(findTaskEndpoint(listOperations(withTask(), 'acme'))).toEqual({ path: '/vm/{vm_id}/task/{job_id}', doneWhen: 'completed', params: ['vm_id', 'job_id'] });
    const out = generate(withTask());
    expect(out['acme/src/tasks.ts']).toContain("export const waitForTask = /* @__PURE__ */ defineTaskWaiter<paths, '/vm/{vm_id}/task/{job_id}'>('/vm/{vm_id}/task/{job_id}', { doneWhen: 'completed' });");
    expect(out['acme/src/index.ts']).toContain("export { waitForTask } from './tasks.js';");
    expect(out['acme/README.md']).toContain('`waitForTask` polls\n`GET /vm/{vm_id}/task/{job_id}`');
  });

  it('a spec without one gives no tasks.ts, no waitForTask export and no README section', () => {
    expect(findTaskEndpoint(listOperations(spec(), 'acme'))).toBeUndefined();
    const out = generate(spec());
    expect(out['acme/src/tasks.ts']).toBeUndefined();
    expect(out['acme/src/index.ts']).not.toContain('waitForTask }');
    expect(out['acme/README.md']).not.toContain('waitForTask');
  });

  it('needs the field that marks a task done: a task path without it is not a task endpoint', () => {
    const noDone = withTask();
    const get = noDone.paths!['/vm/{vm_id}/task/{job_id}']!.get!;
    (get.responses!['200'] as { content: Record<string, { schema: { properties: object } }> }).content['application/json']!.schema.properties = { results: { type: 'string' } };
    expect(findTaskEndpoint(listOperations(noDone, 'acme'))).toBeUndefined();
  });
});

describe('orphaned packages', () => {
  it('finds only folders this generator made whose provider is gone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'packages-'));
    const make = (name: string, index: string) => {
      mkdirSync(join(dir, name, 'src'), { recursive: true });
      writeFileSync(join(dir, name, 'src', 'index.ts'), index);
    };
    make('gone', files('gone'));
    make('kept', files('kept'));
    make('runtime', '// hand-written\n');
    expect(orphanedPackages(dir, ['kept'])).toEqual([join(dir, 'gone')]);

    function files(name: string) {
      return packageFiles({ config: { name, title: 'Gone', auth: ['basic'] }, spec: spec() }, dir, '').find((f) => f.file.endsWith('index.ts'))!.text;
    }
  });
});

describe('hand edits of generated package files', () => {
  it('are refused by --check, naming the file; regenerating puts the generated text back', async () => {
    const { cpSync, readFileSync: read, appendFileSync } = await import('node:fs');
    const { runGenerate, SPECS_DIR } = await import('../src/generate.js');
    const root = mkdtempSync(join(tmpdir(), 'hand-edit-'));
    const skip = (path: string) => !/[\\/](node_modules|dist|\.turbo)([\\/]|$)/.test(path);
    cpSync(SPECS_DIR, join(root, 'specs'), { recursive: true, filter: skip });
    cpSync(join(SPECS_DIR, '..', 'packages'), join(root, 'packages'), { recursive: true, filter: skip });
    const index = join(root, 'packages', 'htmoni', 'src', 'index.ts');
    const generated = read(index, 'utf8');
    appendFileSync(index, "export const mine = 'hand-written';\n");
    const errors: string[] = [];
    const quiet = [vi.spyOn(console, 'log').mockImplementation(() => {}), vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line))];
    try {
      expect(await runGenerate(['--check', '--specs', join(root, 'specs')])).toBe(1);
      expect(errors.join('\n')).toContain(`out of date: ${index}`);
      expect(await runGenerate(['--specs', join(root, 'specs')])).toBe(0);
      expect(read(index, 'utf8')).toBe(generated);
    } finally {
      quiet.forEach((q) => q.mockRestore());
    }
  });
});
