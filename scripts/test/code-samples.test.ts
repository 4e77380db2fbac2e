import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPECS_DIR } from '../src/generate.js';
import type { ProviderConfig } from '../src/model.js';
import { HTTP_METHODS, type OpenApi } from '../src/openapi.js';
import { codeSample, literal, schemaValue, withCodeSamples, type CodeSample } from '../src/package/code-samples.js';
import { listProviders } from '../src/read/list-providers.js';

const config = { name: 'acme', title: 'Acme Cloud GmbH', auth: ['basic' as const] };

/** Shapes the samples must read: path-item parameters, `$ref` bodies, examples on parameters and bodies. */
const spec = (): OpenApi => ({
  openapi: '3.1.0',
  info: { title: 'Acme', version: '1' },
  servers: [{ url: 'https://{host}/api', variables: { host: { default: 'panel.acme.test' } } }],
  paths: {
    '/vm/{vm_id}/power': {
      parameters: [{ name: 'vm_id', in: 'path', required: true, schema: { type: 'string' }, example: 'c0ffee' }],
      post: {
        operationId: 'power vm',
        parameters: [
          { name: 'force', in: 'query', required: true, schema: { type: 'boolean' } },
          { name: 'note', in: 'query', required: false, schema: { type: 'string' } },
        ],
        requestBody: { $ref: '#/components/requestBodies/Power' },
        responses: { '200': { description: 'ok' } },
      },
    },
    '/vm': { get: { operationId: 'list vms', responses: { '200': { description: 'ok' } } } },
    '/vm/{id}': {
      delete: {
        operationId: 'delete',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 7 } }],
        responses: { '200': { description: 'ok' } },
      },
    },
  },
  components: {
    requestBodies: {
      Power: {
        required: true,
        content: {
          'application/json': {
            schema: { type: 'object', required: ['state', 'reason'], properties: { state: { enum: ['on', 'off'] }, reason: { type: 'string' }, extra: { type: 'string' } } },
            example: { reason: "it's stuck", extra: 'left out' },
          },
        },
      },
    },
  },
});

const sampleOf = (out: OpenApi, path: string, method: 'get' | 'post' | 'delete'): CodeSample =>
  ((out.paths?.[path]?.[method] as Record<string, unknown>)['x-codeSamples'] as CodeSample[])[0]!;

describe('code samples', () => {
  it("call the operation through the package's factory with its required inputs (path-item parameters, examples, a $ref body)", () => {
    const sample = sampleOf(withCodeSamples(spec(), config), '/vm/{vm_id}/power', 'post');
    expect(sample.lang).toBe('TypeScript');
    expect(sample.source).toContain("import { createAcmeCloudClient, basicAuth } from '@hostbill-api/acme';");
    // the server URL has variables: the factory has no default, so the sample passes one
    expect(sample.source).toContain("baseUrl: 'https://panel.acme.test/api',");
    expect(sample.source).toContain("client.POST('/vm/{vm_id}/power', {");
    expect(sample.source).toContain("params: { path: { vm_id: 'c0ffee' }, query: { force: true } },");
    // the media example gives `reason`; `state` comes from its enum; the optional `extra` stays out
    expect(sample.source).toContain("body: { state: 'on', reason: 'it\\'s stuck' },");
    expect(sample.source).not.toContain('note');
    expect(sample.source).toContain('// the same call: powerVm(client, { ... })');
  });

  it('leave out the init when nothing is required, and name the renamed operation function', () => {
    const out = withCodeSamples(spec(), config);
    expect(sampleOf(out, '/vm', 'get').source).toContain("await client.GET('/vm');\n// the same call: listVms(client)\n");
    expect(sampleOf(out, '/vm/{id}', 'delete').source).toContain("await client.DELETE('/vm/{id}', { params: { path: { id: 7 } } });\n// the same call: deleteOperation(");
  });

  it('use jwtAuth where the provider prefers bearer, and no baseUrl when the server URL is fixed', () => {
    const fixed = { ...spec(), servers: [{ url: 'https://panel.acme.test/api' }] };
    const sample = codeSample(fixed, { ...config, auth: ['bearer'] }, 'get', '/vm', { operationId: 'list', responses: {} });
    expect(sample.source).toContain('auth: jwtAuth({');
    expect(sample.source).not.toContain('baseUrl');
  });

  it('leave the spec they are given unchanged', () => {
    const input = spec();
    const before = JSON.stringify(input);
    withCodeSamples(input, config);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('fill values by schema: own examples first, then default, enum, type', () => {
    const s = spec();
    expect(schemaValue(s, { type: 'string', examples: ['x'] })).toBe('x');
    expect(schemaValue(s, { type: 'integer', default: 3 })).toBe(3);
    expect(schemaValue(s, { type: 'array', items: { type: 'integer' } })).toEqual([1]);
    expect(schemaValue(s, { type: 'object', required: ['a'], properties: { a: { type: 'boolean' }, b: { type: 'string' } } })).toEqual({ a: true });
    expect(literal({ 'odd-key': [1, 'two'], ok: null }, '')).toBe("{ 'odd-key': [1, 'two'], ok: null }");
  });

  it.each(listProviders(SPECS_DIR))('cover every operation of specs/%s', (provider) => {
    const read = (file: string) => JSON.parse(readFileSync(join(SPECS_DIR, provider, file), 'utf8'));
    const providerConfig = read('provider.json') as ProviderConfig;
    const out = withCodeSamples(read('openapi.json') as OpenApi, providerConfig);
    const operations = Object.values(out.paths ?? {}).flatMap((item) => HTTP_METHODS.flatMap((m) => (item?.[m] ? [item[m]] : [])));
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) {
      const [sample] = (operation as Record<string, unknown>)['x-codeSamples'] as CodeSample[];
      expect(sample!.source).toContain(`from '@hostbill-api/${provider}'`);
    }
  });
});
