import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSourceKind } from '../src/index.js';
import { draftFile, generateAll } from '../src/generate.js';
import type { DocsOperation } from '../src/docs/extract-operations.js';
import { RepairLog, type HttpMethod, type OpenApi, type PipelineContext } from '../src/model.js';
import { buildProvider, RULES } from '../src/pipeline.js';
import { readProvider } from '../src/steps/read-provider.js';
import { ValidationError } from '../src/steps/validation-report.js';
import { rehash, specsWith } from './helpers.js';

const NEW_PROVIDERS = ['openapi30-yaml', 'swagger-at-id'];

/** A provider folder written by the test: one API document (text) under `field`, hashed. */
function writeOne(dir: string, name: string, field: 'swagger' | 'openapi' | 'docs', file: string, text: string, extra: Record<string, unknown> = {}): void {
  mkdirSync(join(dir, name, 'source'), { recursive: true });
  writeFileSync(join(dir, name, 'source', file), text);
  const source = `source/${file}`;
  writeFileSync(join(dir, name, 'provider.json'), JSON.stringify({ name, title: name, [field]: field === 'docs' ? [source] : source, auth: ['bearer'], sha256: {}, ...extra }));
  rehash(dir, name);
}

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
};

describe('detectSourceKind: what a vendor file is, from its content', () => {
  it('tells Swagger 2.0 and OpenAPI 3.x, JSON or YAML, from docs text; bytes or text', () => {
    expect(detectSourceKind('{ "swagger": "2.0", "paths": {} }')).toBe('swagger2');
    expect(detectSourceKind('swagger: 2.0\npaths: {}\n')).toBe('swagger2'); // YAML reads an unquoted 2.0 as a number
    expect(detectSourceKind(Buffer.from('openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths: {}\n'))).toBe('openapi3');
    expect(detectSourceKind(new TextEncoder().encode('\uFEFF{"openapi":"3.1.0","paths":{}}'))).toBe('openapi3');
    expect(detectSourceKind('Services\n\nHTTP Request\nGET /service\n\nExample Response:\n{ "services": [] }\n')).toBe('docs');
    expect(detectSourceKind('{ "swagger": "2.0", "paths": ')).toBe('docs'); // not a readable document
    expect(detectSourceKind('openapi: [unclosed\n')).toBe('docs');
  });
});

describe('provider.json names its API document under the field its content matches', () => {
  it('"swagger" and "openapi" together are refused, named at /openapi', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostbill-inputs-'));
    writeOne(dir, 'acme', 'openapi', 'api.yaml', 'openapi: 3.0.3\npaths: {}\n', { swagger: 'source/api.yaml' });
    expect(refusal(() => readProvider(dir, 'acme'))).toBe('acme/provider.json:/openapi: give "swagger" (a Swagger 2.0 file) or "openapi" (an OpenAPI 3.x file), not both: a provider has one API document');
  });

  it('a file under the wrong field names provider.json, the pointer and the field to use', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostbill-inputs-'));
    writeOne(dir, 'a', 'swagger', 'api.yaml', 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths: {}\n');
    writeOne(dir, 'b', 'openapi', 'api.json', '{ "swagger": "2.0", "paths": {} }');
    writeOne(dir, 'c', 'docs', 'api.json', '{ "openapi": "3.1.0", "paths": {} }');
    writeOne(dir, 'd', 'openapi', 'notes.txt', 'Services\nHTTP Request\nGET /service\n');
    writeOne(dir, 'e', 'openapi', 'api.yaml', 'openapi: 3.2.0\npaths: {}\n');
    expect(refusal(() => readProvider(dir, 'a'))).toBe('a/provider.json:/swagger: source/api.yaml is OpenAPI 3.0.3, not Swagger 2.0: name it under "openapi"');
    expect(refusal(() => readProvider(dir, 'b'))).toBe('b/provider.json:/openapi: source/api.json is Swagger 2.0, not OpenAPI 3.x: name it under "swagger"');
    expect(refusal(() => readProvider(dir, 'c'))).toBe('c/provider.json:/docs/0: source/api.json is OpenAPI 3.1.0, not a docs capture: name it under "openapi"');
    expect(refusal(() => readProvider(dir, 'd'))).toBe('d/provider.json:/openapi: source/notes.txt is not OpenAPI 3.x (no "openapi": "3.x" at its top): name it under "docs"');
    expect(refusal(() => readProvider(dir, 'e'))).toBe('e/provider.json:/openapi: source/api.yaml is OpenAPI 3.2.0; the pipeline reads OpenAPI 3.0.x and 3.1.x');
  });

  it('a YAML syntax error is reported at file:line:col, without quoting the text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostbill-inputs-'));
    writeOne(dir, 'acme', 'openapi', 'api.yaml', 'openapi: 3.0.3\npaths:\n  /a: {}\n  /a: {}\n');
    expect(refusal(() => readProvider(dir, 'acme'))).toBe('acme/source/api.yaml:4:3: invalid YAML: Map keys must be unique (DUPLICATE_KEY)');
  });

  it('an OpenAPI source is confined and hash-checked like the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostbill-inputs-'));
    writeOne(dir, 'acme', 'openapi', 'api.yaml', 'openapi: 3.0.3\npaths: {}\n');
    writeFileSync(join(dir, 'acme', 'source', 'api.yaml'), 'openapi: 3.0.3\npaths: { }\n');
    expect(refusal(() => readProvider(dir, 'acme'))).toMatch(/^acme\/source\/api\.yaml: vendor copy changed/);
    writeFileSync(join(dir, 'acme', 'provider.json'), JSON.stringify({ name: 'acme', title: 'a', openapi: '../outside.yaml', auth: ['basic'], sha256: {} }));
    expect(refusal(() => readProvider(dir, 'acme'))).toMatch(/^acme\/provider\.json:\/openapi: "\.\.\/outside\.yaml" points outside acme\/source\//);
  });
});

describe('new vendor inputs become lint-clean specs with zero patches, through generateAll', () => {
  it('the Swagger 2.0 fixture with @id paths, spaced ids and tags, array enums and \\r markdown, and the OpenAPI 3.0 YAML fixture with /api paths', async () => {
    const dir = specsWith(...NEW_PROVIDERS);
    for (const p of NEW_PROVIDERS) expect(existsSync(join(dir, p, 'patches'))).toBe(false);
    const { results } = await generateAll(dir); // validates: Redocly recommended with 0 errors, examples against schemas
    const spec = (name: string) => results.find((r) => r.name === name)!.spec as Record<string, any>;

    const swagger = spec('swagger-at-id');
    expect(swagger.servers).toEqual([{ url: 'https://panel.kestrel-hosting.net/api' }]); // Swagger basePath in the server URL, once
    expect(Object.keys(swagger.paths)).toEqual(['/login', '/service', '/service/{id}', '/service/{id}/vms']);
    expect(swagger.paths['/service/{id}/vms'].post.parameters).toEqual([{ name: 'id', in: 'path', required: true, description: 'Service id', schema: { type: 'integer' } }]);
    expect(swagger.paths['/service'].get.operationId).toBe('listServices');
    expect(swagger.paths['/service'].get.parameters[0].schema).toMatchObject({ type: 'array', items: { type: 'string', enum: ['Active', 'Suspended', 'Terminated'] } });
    expect(swagger.paths['/service/{id}/vms'].post.requestBody.content['application/json'].schema.properties.features).toMatchObject({ items: { enum: ['backups', 'ipv6', 'private-network'] } });
    expect(swagger.tags.map((t: { name: string }) => t.name)).toEqual(['Clientarea', 'Services']);
    expect(swagger.paths['/login'].post.security).toEqual([]);
    expect(swagger.paths['/service/{id}'].get.responses['200'].content['application/json'].example.service.id).toBe('301');

    const openapi = spec('openapi30-yaml');
    expect(openapi.openapi).toBe('3.1.0');
    expect(openapi.servers).toEqual([{ url: 'https://my.nimbus-cloud.org/api' }]);
    expect(Object.keys(openapi.paths)).toEqual(['/login', '/service', '/service/{id}', '/service/{id}/vms', '/token']);
    expect(openapi.paths['/login'].post.security).toEqual([]); // the vendor's word, kept
    expect(openapi.paths['/token'].post.security).toEqual([]);
    expect(openapi.paths['/service'].get.security).toBeUndefined(); // the provider's default
    expect(openapi.paths['/service/{id}'].get.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'integer', exclusiveMinimum: 0 } }]);
    expect(openapi.components.schemas.ServiceSummary.properties.status).toEqual({ type: ['string', 'null'], enum: ['Active', 'Pending', 'Suspended', null] });
  });

  it('each fixture is a complete provider for end-to-end use: a login, a GET list, a GET by id and a POST, every answer with an example', async () => {
    const { results } = await generateAll(specsWith(...NEW_PROVIDERS));
    for (const { name, spec } of results) {
      const paths = spec.paths as Record<string, any>;
      expect(paths['/login']?.post?.security, name).toEqual([]);
      for (const [method, path] of [['get', '/service'], ['get', '/service/{id}'], ['post', '/service/{id}/vms'], ['post', '/login']] as const) {
        expect(paths[path]?.[method]?.responses['200'].content['application/json'].example, `${name}: ${method} ${path}`).toBeDefined();
      }
    }
  });
});

describe('normalisation comes before borrowing: an API document path matches other providers by shape', () => {
  it('GET /api/service/@id with no example borrows the docs example of GET /service/{id}', async () => {
    const value = {
      openapi: '3.1.0',
      info: { title: 'Acme', version: '1' },
      servers: [{ url: 'https://acme.example.net' }],
      paths: {
        '/api/service/@id': { get: { summary: 'Service details', operationId: 'getService', responses: { '200': { description: 'OK' } } } },
        '/api/service': { get: { summary: 'List services', operationId: 'listServices', responses: { '200': { description: 'OK' } } } },
      },
    };
    const docs: DocsOperation & { file: string } = { method: 'get' as HttpMethod, documentedPath: '/service/@id', path: '/service/{id}', title: 'Service details', description: '', tag: 'Services', parameters: [], bodyFields: [], auth: 'bearer', line: 7, file: 'other/source/docs.txt', exampleResponse: { text: '{ "service": { "id": "1", "name": "VPS" } }', line: 9 } };
    const catalogue: PipelineContext['catalogue'] = new Map([['GET /service/{}', [docs]]]);
    const input = { config: { name: 'acme', title: 'Acme', auth: ['bearer' as const], openapi: 'source/api.json' }, api: { kind: 'openapi3' as const, version: '3.1.0', file: 'acme/source/api.json', value, escapedControlCharacters: 0 }, docs: [], patches: [], unites: [] };
    const { spec, repairs } = await buildProvider(input, catalogue, new Map());
    expect((spec.paths?.['/service/{id}']?.get?.responses?.['200'] as any).content['application/json'].example).toEqual({ service: { id: '1', name: 'VPS' } });
    expect(repairs).toContainEqual({ kind: 'example-borrowed', where: 'GET /service/{id}', detail: 'other/source/docs.txt:9' });
    expect(spec.paths?.['/service/{id}']?.get?.tags).toEqual(['Services']); // the docs section, borrowed by shape too
  });
});

describe('report.json tells the truth: a rule that changes nothing logs nothing', () => {
  it('every rule, run again on a finished spec it already repaired, leaves it as it is and logs no repair', async () => {
    const dir = specsWith(...NEW_PROVIDERS);
    const { results } = await generateAll(dir);
    for (const result of results) {
      const config = readProvider(dir, result.name).config;
      for (const rule of RULES) {
        const log = new RepairLog();
        const input = structuredClone(result.spec);
        const output = rule.apply(structuredClone(input), { provider: config, docs: new Map(), catalogue: new Map(), log });
        expect(log.repairs, `${result.name}: ${rule.name}`).toEqual([]);
        expect(output, `${result.name}: ${rule.name}`).toEqual(input);
      }
    }
  });
});

const GENERATE = join(import.meta.dirname, '..', 'src', 'generate.ts');
const TSX = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');

describe('a spec that fails validation', () => {
  /** Three operations whose examples break their schema the same way, and one with its own cause. */
  const broken = (): OpenApi => {
    const item = (id: unknown) => ({
      summary: 'Item',
      responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'integer' } } }, example: { id } } } } },
    });
    return {
      openapi: '3.1.0',
      info: { title: 'Acme', version: '1' },
      servers: [{ url: 'https://acme.example.net/api' }],
      paths: { '/a': { get: item('one') }, '/b': { get: item('two') }, '/c': { get: item('three') }, '/d': { get: { ...item(4), responses: { '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', required: ['name'] }, example: {} } } } } } } },
    } as OpenApi;
  };

  it('is refused with its problems grouped by rule and cause, each with a count and example pointers, and what to do next', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostbill-inputs-'));
    writeOne(dir, 'acme', 'openapi', 'api.json', JSON.stringify(broken()));
    const error = await generateAll(dir).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    const message = (error as ValidationError).message.split('\n');
    expect(message[0]).toBe('acme/openapi.json: the generated spec is not valid: 4 problems in 2 groups (by rule and cause)');
    expect(message[1]).toBe('  example-matches-schema (3×): response 200: /id must be integer');
    expect(message[2]).toBe('      e.g. #/paths/~1a/get/responses/200/content/application~1json/example/id, #/paths/~1b/get/responses/200/content/application~1json/example/id, #/paths/~1c/get/responses/200/content/application~1json/example/id');
    expect(message[3]).toBe("  example-matches-schema (1×): response 200: (body) must have required property '…'");
    expect(message[5]).toMatch(/^next: .*write a patch, acme\/patches\/<what>\.json: \{ "reason": .*"path": "\/paths\/~1a\/get\/responses\/200\/content\/application~1json\/example\/id\/…"/);
  });

  it('`pnpm generate` writes the unvalidated draft to specs/<provider>/.draft/openapi.json, and nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostbill-inputs-'));
    writeOne(dir, 'acme', 'openapi', 'api.json', JSON.stringify(broken()));
    writeFileSync(join(dir, 'acme', 'openapi.json'), '{ "previous": "output" }\n');
    let output = '';
    try {
      execFileSync(TSX, [GENERATE, '--specs', dir], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      output = `${(e as { stdout: string }).stdout}${(e as { stderr: string }).stderr}`;
    }
    expect(output).toMatch(/^error: acme\/openapi\.json: the generated spec is not valid: 4 problems in 2 groups/);
    expect(output).toContain(`draft: the unvalidated spec is at ${draftFile(dir, 'acme')} (git-ignored)`);
    expect(JSON.parse(readFileSync(draftFile(dir, 'acme'), 'utf8')).paths['/a'].get.responses['200'].content['application/json'].example).toEqual({ id: 'one' });
    expect(readFileSync(join(dir, 'acme', 'openapi.json'), 'utf8')).toBe('{ "previous": "output" }\n');
    expect(existsSync(join(dir, 'acme', 'report.json'))).toBe(false);
  });
});
