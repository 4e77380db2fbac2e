import { describe, expect, it } from 'vitest';
import { RepairLog, type OpenApi, type PipelineContext } from '../src/model.js';
import { enumToArrayItems } from '../src/rules/array-enum.js';
import { templateAtPathParams } from '../src/rules/at-path-params.js';
import { moveBasePathToServers } from '../src/rules/base-path.js';
import { identifierOf, normalizeIdentifiers } from '../src/rules/identifiers.js';
import { normalizeLineEndings } from '../src/rules/line-endings.js';
import { pathItemParametersToOperations } from '../src/rules/path-item-parameters.js';
import { sharedBasePath } from '../src/rules/path-shape.js';
import { applySecurity } from '../src/rules/security.js';
import type { Rule } from '../src/rules/types.js';
import { removeUnusedSchemas } from '../src/rules/unused-definitions.js';
import { upgradeTo31 } from '../src/steps/convert.js';

const ok = { '200': { description: 'OK' } };
const doc = (paths: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ openapi: '3.1.0', info: { title: 'Acme', version: '1' }, paths, ...extra }) as OpenApi;
const run = (rule: Rule, spec: OpenApi, provider: Partial<PipelineContext['provider']> = {}) => {
  const log = new RepairLog();
  const out = rule.apply(structuredClone(spec), { provider: { name: 'acme', title: 'Acme', auth: ['bearer'], ...provider }, docs: new Map(), catalogue: new Map(), log });
  return { spec: out as Record<string, any>, repairs: log.repairs };
};

describe('OpenAPI 3.0 -> 3.1', () => {
  it('nullable beside type, enum, $ref and allOf; boolean exclusive bounds; a schema example; example data untouched', () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: {
        '/a': {
          get: {
            parameters: [{ name: 'n', in: 'query', schema: { type: 'integer', minimum: 1, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false } }],
            responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/A' }, example: { nullable: true, example: 1 } } } } },
          },
        },
      },
      components: {
        schemas: {
          A: {
            type: 'object',
            properties: {
              s: { type: 'string', nullable: true, example: 'x' },
              e: { type: 'string', enum: ['a'], nullable: true },
              r: { $ref: '#/components/schemas/B', nullable: true, description: 'kept outside' },
              c: { allOf: [{ $ref: '#/components/schemas/B' }], nullable: true },
              o: { oneOf: [{ type: 'string' }, { type: 'integer' }], nullable: true },
              f: { type: 'string', nullable: false },
            },
          },
          B: { type: 'object' },
        },
      },
    } as unknown as OpenApi;
    const log = new RepairLog();
    const up = upgradeTo31(spec, log, 'acme/source/api.yaml') as Record<string, any>;
    expect(up.openapi).toBe('3.1.0');
    const p = up.components.schemas.A.properties;
    expect(p.s).toEqual({ type: ['string', 'null'], examples: ['x'] });
    expect(p.e).toEqual({ type: ['string', 'null'], enum: ['a', null] });
    expect(p.r).toEqual({ description: 'kept outside', anyOf: [{ $ref: '#/components/schemas/B' }, { type: 'null' }] });
    expect(p.c).toEqual({ anyOf: [{ allOf: [{ $ref: '#/components/schemas/B' }] }, { type: 'null' }] });
    expect(p.o).toEqual({ oneOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] });
    expect(p.f).toEqual({ type: 'string' });
    expect(up.paths['/a'].get.parameters[0].schema).toEqual({ type: 'integer', exclusiveMinimum: 1, maximum: 9 });
    expect(up.paths['/a'].get.responses['200'].content['application/json'].example).toEqual({ nullable: true, example: 1 }); // data
    expect(log.repairs).toContainEqual({ kind: 'schema-upgraded-to-3.1', where: 'acme/source/api.yaml:#/components/schemas/A/properties/r', detail: 'nullable $ref -> anyOf [$ref, null]' });
    expect(log.repairs).toHaveLength(7);
  });
});

describe('paths as every provider spells them', () => {
  it('@name segments become {name} templates', () => {
    const { spec, repairs } = run(templateAtPathParams, doc({ '/service/@id/vms': { get: { responses: ok } }, '/service': { get: { responses: ok } } }));
    expect(Object.keys(spec.paths)).toEqual(['/service/{id}/vms', '/service']);
    expect(repairs).toEqual([{ kind: 'path-at-param-templated', where: 'GET /service/@id/vms', detail: '/service/@id/vms -> /service/{id}/vms' }]);
  });

  it('the base path every path repeats moves into the server URLs; a resource every path shares does not', () => {
    const spec = doc({ '/api/service/{id}': { get: { responses: ok } }, '/api/login': { post: { responses: ok } } }, { servers: [{ url: 'https://acme.example.net/' }] });
    const moved = run(moveBasePathToServers, spec);
    expect(Object.keys(moved.spec.paths)).toEqual(['/service/{id}', '/login']);
    expect(moved.spec.servers).toEqual([{ url: 'https://acme.example.net/api' }]);
    expect(moved.repairs).toEqual([{ kind: 'base-path-moved-to-servers', where: '#/servers', detail: '"/api" from 2 paths -> https://acme.example.net/api' }]);
    expect(sharedBasePath(['/service/{id}', '/service/{id}/vms'])).toBe(''); // a resource is followed by its id
    expect(sharedBasePath(['/api/v2/service', '/api/v2/login'])).toBe('/api/v2');
    expect(sharedBasePath(['/api/service'])).toBe(''); // one path cannot tell base from resource
    expect(run(moveBasePathToServers, doc({ '/service': { get: { responses: ok } }, '/login': { post: { responses: ok } } })).repairs).toEqual([]);
  });

  it("a path item's parameters are given to each operation that does not override them", () => {
    const id = { name: 'id', in: 'path', required: true, schema: { type: 'integer' } };
    const { spec, repairs } = run(pathItemParametersToOperations, doc({ '/s/{id}': { parameters: [id], get: { responses: ok }, put: { parameters: [{ ...id, description: 'own' }], responses: ok } } }));
    expect(spec.paths['/s/{id}'].parameters).toBeUndefined();
    expect(spec.paths['/s/{id}'].get.parameters).toEqual([id]);
    expect(spec.paths['/s/{id}'].put.parameters).toEqual([{ ...id, description: 'own' }]);
    expect(repairs).toEqual([{ kind: 'path-item-parameters-moved', where: '#/paths/~1s~1{id}/parameters', detail: 'id' }]);
  });
});

describe('Swagger/OpenAPI oddities', () => {
  it('enum on an array-typed field moves to its items; an enum of arrays stays', () => {
    const spec = doc({ '/s': { get: { parameters: [{ name: 'f', in: 'query', schema: { type: 'array', items: { type: 'string' }, enum: ['a', 'b'] } }, { name: 'g', in: 'query', schema: { type: 'array', enum: [['a']] } }], responses: ok } } });
    const { spec: out, repairs } = run(enumToArrayItems, spec);
    expect(out.paths['/s'].get.parameters[0].schema).toEqual({ type: 'array', items: { type: 'string', enum: ['a', 'b'] } });
    expect(out.paths['/s'].get.parameters[1].schema).toEqual({ type: 'array', enum: [['a']] });
    expect(repairs).toEqual([{ kind: 'enum-moved-to-items', where: '#/paths/~1s/get/parameters/0/schema', detail: '2 values' }]);
  });

  it('operationIds with spaces become identifiers; tags lose stray spaces; URL-safe ids are kept', () => {
    expect(identifierOf('List services')).toBe('listServices');
    expect(identifierOf('get service / by id')).toBe('getServiceById');
    expect(identifierOf('get_service-v2')).toBe('get_service-v2');
    const { spec, repairs } = run(normalizeIdentifiers, doc({ '/s': { get: { operationId: 'List services', tags: [' Services ', 'Services'], responses: ok } } }, { tags: [{ name: 'Services  ' }] }));
    expect(spec.paths['/s'].get).toMatchObject({ operationId: 'listServices', tags: ['Services'] });
    expect(spec.tags).toEqual([{ name: 'Services' }]);
    expect(repairs.map((r) => r.kind)).toEqual(['operation-id-normalized', 'tag-whitespace-normalized', 'tag-whitespace-normalized']);
  });

  it('\\r line ends in prose become \\n; \\r in example data stays', () => {
    const spec = doc({ '/s': { get: { description: 'a\r\nb', responses: { '200': { description: '```json\n\r{}\r\n```', content: { 'application/json': { example: { body: 'x\r\ny' } } } } } } } });
    const { spec: out, repairs } = run(normalizeLineEndings, spec);
    expect(out.paths['/s'].get.description).toBe('a\nb');
    expect(out.paths['/s'].get.responses['200'].description).toBe('```json\n{}\n```');
    expect(out.paths['/s'].get.responses['200'].content['application/json'].example.body).toBe('x\r\ny');
    expect(repairs).toEqual([{ kind: 'line-endings-normalized', where: '#/paths/~1s/get', detail: '2 texts' }]);
  });

  it('a schema referenced only from another used schema is used', () => {
    const spec = doc({ '/s': { get: { responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/A' } } } } } } } }, { components: { schemas: { A: { properties: { b: { $ref: '#/components/schemas/B' } } }, B: { type: 'object' }, C: { type: 'object' } } } });
    const { spec: out, repairs } = run(removeUnusedSchemas, spec);
    expect(Object.keys(out.components.schemas)).toEqual(['A', 'B']);
    expect(repairs).toEqual([{ kind: 'unused-schema-removed', where: '#/components/schemas/C' }]);
  });
});

describe('declared security', () => {
  it("an explicit `security: []` is the vendor's word and is kept, silently", () => {
    const spec = doc({ '/login': { post: { security: [], responses: ok } }, '/s': { get: { responses: ok } } }, { components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Token from `POST /login`, renewed with `POST /token`.' } } }, security: [{ bearerAuth: [] }] });
    const { spec: out, repairs } = run(applySecurity, spec);
    expect(out.paths['/login'].post.security).toEqual([]);
    expect(repairs).toEqual([]); // nothing changed: nothing logged
  });

  it('a requirement naming a scheme provider.json does not declare falls back to the default, logged with its reason', () => {
    const spec = doc({ '/s': { get: { security: [{ apiKey: [] }], responses: ok } } }, { components: { securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-Key' } } } });
    const { spec: out, repairs } = run(applySecurity, spec);
    expect(out.paths['/s'].get.security).toBeUndefined();
    expect(out.security).toEqual([{ bearerAuth: [] }]);
    expect(repairs.map((r) => `${r.kind} ${r.where}`)).toEqual(['security-scheme-replaced #/components/securitySchemes/apiKey', 'security-requirement-replaced GET /s', 'security-default #/security']);
  });
});
