import { describe, expect, it } from 'vitest';
import { RepairLog, type OpenApi } from '../src/model.js';
import { buildProvider } from '../src/pipeline.js';
import { inlineComponentRefs } from '../src/steps/inline-refs.js';
import { ValidationError } from '../src/steps/validation-report.js';

const run = (spec: unknown) => {
  const log = new RepairLog();
  return { spec: inlineComponentRefs(structuredClone(spec) as OpenApi, 'acme/source/api.json', log) as Record<string, any>, repairs: log.repairs };
};

// an export that shares everything through components, in shapes the seeds lack
const shared = {
  openapi: '3.1.0',
  info: { title: 'Acme', version: '1' },
  paths: {
    '/kb/{id}': {
      parameters: [{ $ref: '#/components/parameters/Id' }],
      get: { summary: 'Get an article', responses: { '200': { $ref: '#/components/responses/Article' } } },
      put: {
        summary: 'Save an article',
        requestBody: { $ref: '#/components/requestBodies/Article' },
        responses: { '200': { description: 'OK', content: { 'application/json': { examples: { saved: { $ref: '#/components/examples/Saved' } } } } } },
      },
    },
  },
  components: {
    schemas: { Title: { type: 'string' } },
    parameters: { Id: { $ref: '#/components/parameters/ArticleId' }, ArticleId: { name: 'id', in: 'path', required: true, schema: { type: 'integer' } } },
    responses: { Article: { description: 'An article', content: { 'application/json': { example: { article: { id: 7, title: 'DNS' } } } } } },
    requestBodies: { Article: { content: { 'application/json': { schema: { type: 'object', properties: { title: { $ref: '#/components/schemas/Title' } } } } } } },
    examples: { Saved: { value: { saved: true } }, Unused: { value: 1 } },
  },
};

describe('inlineComponentRefs: a vendor document\'s shared objects unfolded', () => {
  it('gives each operation a copy of the response, body, parameter (through a chain) and example it points at; schemas stay shared', () => {
    const { spec, repairs } = run(shared);
    const item = spec.paths['/kb/{id}'];
    expect(item.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }]);
    expect(item.get.responses['200'].content['application/json'].example).toEqual({ article: { id: 7, title: 'DNS' } });
    expect(item.put.requestBody.content['application/json'].schema.properties.title).toEqual({ $ref: '#/components/schemas/Title' });
    expect(item.put.responses['200'].content['application/json'].examples.saved).toEqual({ value: { saved: true } });
    // what every operation now holds a copy of is gone; what nothing pointed at is the vendor's and stays
    expect(spec.components).toEqual({ schemas: { Title: { type: 'string' } }, parameters: { ArticleId: shared.components.parameters.ArticleId }, examples: { Unused: { value: 1 } } });
    expect(repairs.map((r) => `${r.where} ${r.detail}`)).toEqual([
      '#/paths/~1kb~1{id}/parameters/0 #/components/parameters/Id',
      '#/paths/~1kb~1{id}/get/responses/200 #/components/responses/Article',
      '#/paths/~1kb~1{id}/put/requestBody #/components/requestBodies/Article',
      '#/paths/~1kb~1{id}/put/responses/200/content/application~1json/examples/saved #/components/examples/Saved',
    ]);
  });

  it('a spec without such refs is unchanged and logs nothing', () => {
    const plain = { openapi: '3.1.0', info: { title: 'Acme', version: '1' }, paths: { '/a': { get: { responses: { '200': { description: 'OK' } } } } } };
    expect(run(plain)).toEqual({ spec: plain, repairs: [] });
  });

  it('a ref that leads nowhere, to another kind, or round in a circle is named where it stands', () => {
    const at = (ref: string, components: Record<string, unknown> = {}) => () => run({ ...shared, paths: { '/a': { get: { responses: { '200': { $ref: ref } } } } }, components });
    expect(at('#/components/responses/Gone')).toThrow('acme/source/api.json:#/paths/~1a/get/responses/200: $ref "#/components/responses/Gone" points at nothing: #/components/responses has no "Gone"');
    expect(at('#/components/schemas/Title')).toThrow('$ref "#/components/schemas/Title" must point at #/components/responses/<name> in this document');
    expect(at('other.yaml#/Ok')).toThrow('must point at #/components/responses/<name> in this document');
    expect(at('#/components/responses/A', { responses: { A: { $ref: '#/components/responses/A' } } })).toThrow('(a chain of more than 32 $refs)');
  });
});

describe('through the pipeline: a shared response is typed from its example, and every named example is validated', () => {
  const input = (value: unknown) => ({ config: { name: 'acme', title: 'Acme', auth: ['bearer' as const], openapi: 'source/api.json' }, api: { kind: 'openapi3' as const, version: '3.1.0', file: 'acme/source/api.json', value, escapedControlCharacters: 0 }, docs: [], patches: [], unites: [] });
  const withServer = { ...shared, servers: [{ url: 'https://acme.example.net/api' }] };

  it('GET /kb/{id} answers the shared response: its example types it', async () => {
    const { spec } = await buildProvider(input(withServer), new Map(), new Map());
    const media = (spec.paths?.['/kb/{id}']?.get?.responses?.['200'] as any).content['application/json'];
    expect(media.example).toEqual({ article: { id: 7, title: 'DNS' } });
    expect(media.schema).toBeDefined();
  });

  it("a named example its own schema rejects fails validation at that example's pointer", async () => {
    const bad = structuredClone(withServer) as any;
    bad.paths['/kb/{id}'].put.responses['200'].content['application/json'].schema = { type: 'object', properties: { saved: { type: 'string' } } };
    const failure = await buildProvider(input(bad), new Map(), new Map()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ValidationError);
    expect((failure as ValidationError).problems).toContainEqual(expect.objectContaining({ rule: 'example-matches-schema', pointer: '#/paths/~1kb~1{id}/put/responses/200/content/application~1json/examples/saved/value/saved', operation: 'PUT /kb/{id}' }));
  });
});
