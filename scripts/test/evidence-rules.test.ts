// Rules that type what the vendors' evidence shows, on small specs in shapes the seeds do not have.
import { describe, expect, it } from 'vitest';
import type { DocsOperation } from '../src/docs/extract-operations.js';
import { extractOperations } from '../src/docs/extract-operations.js';
import { RepairLog, type HttpMethod, type OpenApi, type PipelineContext } from '../src/model.js';
import { idKeyedMaps } from '../src/rules/id-keyed-maps.js';
import { mergeDocsOperations } from '../src/rules/merge-docs.js';
import { inferSchema } from '../src/steps/infer-schema.js';
import { unionOfSpecs } from '../src/steps/union.js';

const context = (docs: Array<DocsOperation & { file: string }> = []) => {
  const log = new RepairLog();
  return { log, context: { docs: new Map(docs.map((d) => [`${d.method.toUpperCase()} ${d.path}`, d])), catalogue: new Map(), log, provider: { name: 'acme' } } as unknown as PipelineContext };
};
const bodyOf = (spec: OpenApi, path: string, method: 'post' | 'put' = 'post') =>
  (spec.paths![path]![method]!.requestBody as { content: Record<string, { schema: { properties: Record<string, unknown>; required?: string[] } }> }).content['application/json']!.schema;

describe('objects keyed by ids', () => {
  it('an example keyed by ids infers a map to the merged value type', () => {
    expect(inferSchema({ disks: { '7': { gb: 10 }, '12': { gb: 2.5, ssd: true } } }).properties!.disks).toEqual({
      type: 'object',
      propertyNames: { pattern: '^[0-9]+$' },
      additionalProperties: { type: 'object', properties: { gb: { type: 'number' }, ssd: { type: 'boolean' } }, required: ['gb'] },
    });
  });

  it('a declared schema with id properties becomes a map; named properties beside ids stay, and share the index type', () => {
    const spec = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {},
      components: {
        schemas: {
          Quota: { type: 'array', items: { type: 'object', properties: { '501': { type: 'integer' }, '502': { type: 'integer' } }, required: ['501', '502'] } },
          Access: { type: 'object', properties: { '44': { type: 'string' }, all: { type: 'boolean' } }, required: ['44', 'all'] },
        },
      },
    } as unknown as OpenApi;
    const { log, context: ctx } = context();
    const out = idKeyedMaps.apply(spec, ctx) as unknown as { components: { schemas: Record<string, Record<string, unknown>> } };
    expect(out.components.schemas.Quota!.items).toEqual({ type: 'object', propertyNames: { pattern: '^[0-9]+$' }, additionalProperties: { type: 'integer' } });
    expect(out.components.schemas.Access).toEqual({ type: 'object', properties: { all: { type: 'boolean' } }, required: ['all'], additionalProperties: { anyOf: [{ type: 'string' }, { type: 'boolean' }] } });
    expect(log.repairs.map((r) => `${r.where} ${r.detail}`)).toEqual(['#/components/schemas/Quota/items 501, 502', '#/components/schemas/Access 44']);
  });
});

describe('request bodies from the vendor samples', () => {
  const docs = `Resize volumes
POST_DATA="{
    \\"volumes\\": [
        { \\"id\\": 3, \\"size\\": \\"20G\\" },
        { \\"id\\": 4, \\"size\\": \\"5G\\", \\"tier\\": \\"ssd\\" }
    ],
    \\"labels\\": { \\"9\\": \\"db\\" },
    \\"notify\\": \\"1\\",
    \\"reason\\": \\"reasonValue\\"
}"
curl -X PUT "https://panel.acme.test/api/volumes" -d "\${POST_DATA}"
HTTP Request
PUT /volumes
| Parameter | Type | Description |
|---|---|---|
| volumes | array |
Volumes to resize |
| labels | array |
Labels by volume id |
| notify | int |
Send an e-mail (0 or 1) |
| reason | int |
Why |
`;

  it('keeps the nesting, reads PHP arrays that are maps as objects, widens a scalar the sample sends as another type', () => {
    const [doc] = extractOperations(docs, 'acme/source/docs.txt');
    expect(doc!.bodyFields).toEqual(['volumes', 'labels', 'notify', 'reason']);
    const spec = { openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} } as OpenApi;
    const { log, context: ctx } = context([{ ...doc!, file: 'acme/source/docs.txt' }]);
    const body = bodyOf(mergeDocsOperations.apply(spec, ctx), '/volumes', 'put');
    expect(body.properties.volumes).toEqual({
      description: 'Volumes to resize',
      type: 'array',
      items: { type: 'object', properties: { id: { type: 'integer' }, size: { type: 'string' }, tier: { type: 'string' } } },
    });
    expect(body.properties.labels).toMatchObject({ type: 'object', additionalProperties: { type: 'string' } });
    expect(body.properties.notify).toMatchObject({ type: ['integer', 'string'] });
    expect(body.properties.reason).toMatchObject({ type: 'integer' }); // a placeholder shapes nothing
    expect(body.required).toBeUndefined(); // one sample makes nothing required
    expect(log.repairs.filter((r) => r.kind === 'body-field-shaped-by-sample').map((r) => r.detail!.split(':')[0])).toEqual(['volumes', 'labels', 'notify']);
  });

  it('a capture that lost its bracket lines names only the fields it can place', () => {
    const stripped = `Order
\\"pay_method\\": 1,
\\"items\\": [
\\"type\\": \\"product\\",
\\"product_id\\": 1080,
\\"aff_id\\": 55
curl -X POST "" -d "\${POST_DATA}"
HTTP Request
POST /order
`;
    expect(extractOperations(stripped, 'x/source/docs.txt')[0]!.bodyFields).toEqual(['pay_method', 'items']);
  });
});

describe('the union of providers', () => {
  const provider = (field: unknown): OpenApi =>
    ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/order': { post: { operationId: 'order', requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { items: field, pay: { type: 'integer', description: 'x' } } } } } }, responses: {} } } } }) as unknown as OpenApi;

  it("a body field two providers type differently takes either provider's type", () => {
    const log = new RepairLog();
    const union = unionOfSpecs(
      [
        { name: 'a', spec: provider({ type: 'array', items: { type: 'string' } }) },
        { name: 'b', spec: provider({ type: 'array', items: { type: 'object' } }) },
        { name: 'c', spec: { ...provider({ type: 'array', items: { type: 'string' }, description: 'same as a' }), paths: { '/order': { post: { ...provider({}).paths!['/order']!.post!, requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { pay: { type: 'string' } } } } } } } } } } },
      ],
      { title: 'u', version: '1' },
      log,
    );
    const body = bodyOf(union, '/order');
    expect(body.properties.items).toEqual({ anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'array', items: { type: 'object' } }] });
    expect(body.properties.pay).toEqual({ type: ['integer', 'string'], description: 'x' });
  });
});

describe('the union of providers: answers', () => {
  const answering = (ok: unknown): OpenApi => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/news': { get: { operationId: 'listNews', responses: { '200': ok } } } } }) as unknown as OpenApi;
  const open = { description: 'ok', content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } } };
  const typed = { description: 'News', content: { 'application/json': { schema: { type: 'object', properties: { news: { type: 'array', items: { type: 'object' } } } }, example: { news: [{ id: '1' }] } } } };
  const unite = (...answers: unknown[]) => {
    const log = new RepairLog();
    const union = unionOfSpecs(answers.map((ok, i) => ({ name: `p${i}`, spec: answering(ok) })), { title: 'u', version: '1' }, log);
    return { ok: (union.paths!['/news']!.get!.responses as Record<string, unknown>)['200'], log: log.repairs.filter((r) => r.kind === 'union-operation-extended').map((r) => r.detail) };
  };

  it("an answer the first provider could not type takes a later provider's typed one; a typed answer is never replaced", () => {
    expect(unite(open, typed)).toEqual({ ok: typed, log: ['p1: 200 answer (typed)'] });
    const other = { description: 'Other', content: { 'application/json': { schema: { type: 'object', properties: { items: { type: 'array' } } } } } };
    expect(unite(typed, other).ok).toEqual(typed);
    expect(unite(open, open)).toEqual({ ok: open, log: [] });
  });
});

describe('security the docs prose offers as optional', () => {
  it('"... or call it with valid access token" takes no credentials or the provider\'s, over a vendor\'s []; a plain requirement stays', async () => {
    const { applySecurity } = await import('../src/rules/security.js');
    const op = (description: string, path: string) => ({ method: 'post' as HttpMethod, documentedPath: path, path, title: 'T', description, tag: undefined, parameters: [], bodyFields: [], auth: 'none' as const, exampleResponse: undefined, line: 3, file: 'acme/source/docs.txt' });
    const spec = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/session/close': { post: { security: [], responses: {} } }, '/vm/stop': { post: { responses: {} } } },
    } as unknown as OpenApi;
    const { log, context: ctx } = context([op('Send the session id, or optionally call it with your access token.', '/session/close'), op('Needs a valid access token.', '/vm/stop')]);
    const out = applySecurity.apply(spec, { ...ctx, provider: { name: 'acme', auth: ['bearer'] } } as unknown as PipelineContext);
    expect(out.paths!['/session/close']!.post!.security).toEqual([{}, { bearerAuth: [] }]);
    expect(out.paths!['/vm/stop']!.post!.security).toEqual([]); // its sample sends no credentials
    expect(log.repairs.find((r) => r.kind === 'security-optional')).toEqual({ kind: 'security-optional', where: 'POST /session/close', detail: 'acme/source/docs.txt:3 says credentials are optional; replaced []' });
  });
});
