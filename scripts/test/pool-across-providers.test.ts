import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateAll } from '../src/generate.js';
import type { OpenApi } from '../src/model.js';
import type { JsonSchema } from '../src/steps/infer-schema.js';
import { entityRecords } from '../src/steps/entity-records.js';
import { poolAcrossProviders, relaxBy, type PoolChanges } from '../src/steps/pool-across-providers.js';
import { rehash } from './helpers.js';

const changes = (): PoolChanges => ({ optional: [], widened: [] });
const withComponents = (schemas: Record<string, JsonSchema>) => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {}, components: { schemas } }) as unknown as OpenApi;

describe('relaxBy: one provider\'s record widened by another\'s record of the same entity', () => {
  it('keeps required only what both require, at every depth, and names each key with the provider', () => {
    const own: JsonSchema = {
      type: 'object',
      properties: { id: { type: 'string' }, vault: { type: 'string' }, slots: { type: 'array', items: { type: 'object', properties: { rack: { type: 'integer' }, unit: { type: 'integer' } }, required: ['rack', 'unit'] } } },
      required: ['id', 'vault', 'slots'],
    };
    const peer: JsonSchema = { type: 'object', properties: { id: { type: 'string' }, slots: { type: 'array', items: { type: 'object', properties: { rack: { type: 'integer' } }, required: ['rack'] } } }, required: ['id', 'slots'] };
    const found = changes();
    relaxBy(own, peer, 'west', found);
    expect(own.required).toEqual(['id', 'slots']);
    expect(own.properties!.slots!.items!.required).toEqual(['rack']);
    // no field is added: the peer's shape only loosens what this provider shows
    expect(Object.keys(own.properties!)).toEqual(['id', 'vault', 'slots']);
    expect(found.optional).toEqual(['vault (west)', 'slots[].unit (west)']);
  });

  it('joins types by the peer\'s values: "5" here and 5 there is string|integer; a whole number and a fraction are a number', () => {
    const own: JsonSchema = { type: 'object', properties: { weight: { type: 'integer' }, code: { type: 'string' }, tags: { type: 'object', propertyNames: { pattern: '^[0-9]+$' }, additionalProperties: { type: 'string' } } } };
    const peer: JsonSchema = { type: 'object', properties: { weight: { type: 'number' }, code: { type: 'integer' }, tags: { type: 'object', propertyNames: { pattern: '^[0-9]+$' }, additionalProperties: { type: 'boolean' } } } };
    const found = changes();
    relaxBy(own, peer, 'west', found);
    expect(own.properties!.weight).toEqual({ type: 'number' });
    expect(own.properties!.code).toEqual({ type: ['string', 'integer'] });
    expect(own.properties!.tags!.additionalProperties).toEqual({ type: ['string', 'boolean'] });
    expect(found.widened).toEqual(['weight: number (west)', 'code: string|integer (west)', 'tags{}: string|boolean (west)']);
  });

  it('leaves what inference did not write: an enum, a $ref, an anyOf, an open {}', () => {
    const own: JsonSchema = { type: 'object', properties: { state: { type: 'string', enum: ['on', 'off'] }, owner: { $ref: '#/components/schemas/Owner' }, extra: {} }, required: ['state', 'owner'] };
    const peer: JsonSchema = { type: 'object', properties: { state: { type: 'integer' }, owner: { type: 'string' }, extra: { type: 'string' } }, required: ['state', 'owner'] };
    const before = structuredClone(own);
    const found = changes();
    relaxBy(own, peer, 'west', found);
    expect(own).toEqual(before);
    expect(found).toEqual(changes());
  });
});

describe('entityRecords: an entity as the answer values show it, not as its component declares it', () => {
  it('walks each answer along its schema to the entity, through a one-or-list anyOf and an id-keyed map; a field only ever null is any value', () => {
    const ref = { $ref: '#/components/schemas/Locker' };
    const spec = withComponents({
      Locker: { type: 'object', properties: { id: { type: ['string', 'null'] }, pin: { type: ['string', 'null'] }, note: { type: 'string' } } },
      Lockers: { anyOf: [ref, { type: 'array', items: ref }] },
    });
    spec.paths = {
      '/locker': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Lockers' } } } } } } },
      '/room': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { type: 'object', additionalProperties: ref } } } } } } },
    } as OpenApi['paths'];
    const answers = new Map<string, unknown[]>([
      ['GET /locker', [{ id: '1', pin: 'a', note: null }, [{ id: '2', pin: 'b', note: null }]]],
      ['GET /room', [{ 7: { id: '3', note: null } }]],
    ]);
    expect(entityRecords(spec, new Set(['Locker']), answers)).toEqual({ Locker: { type: 'object', properties: { id: { type: 'string' }, pin: { type: 'string' }, note: {} }, required: ['id', 'note'] } });
  });
});

describe('poolAcrossProviders: entity components matched by name, nothing else touched', () => {
  const record = (required: string[]): JsonSchema => ({ type: 'object', properties: { id: { type: 'string' }, pin: { type: 'string' } }, required });

  it('relaxes each same-named component by every peer, in provider order, and reports only what changed', () => {
    const spec = withComponents({ Locker: record(['id', 'pin']), Shelf: record(['id']), Only: record(['id', 'pin']) });
    const changed = poolAcrossProviders(spec, [{ provider: 'zeta', schemas: { Shelf: record(['id']) } }, { provider: 'alpha', schemas: { Locker: record(['id']) } }], new Set(['Locker', 'Shelf', 'Only']));
    expect([...changed.keys()]).toEqual(['Locker']);
    expect(changed.get('Locker')!.optional).toEqual(['pin (alpha)']);
    expect((spec.components!.schemas as Record<string, JsonSchema>).Only!.required).toEqual(['id', 'pin']);
  });

  it('a component that is no entity of the pooling rule (a whole answer, a vendor-declared schema) keeps its required', () => {
    const spec = withComponents({ Locker: record(['id', 'pin']) });
    expect(poolAcrossProviders(spec, [{ provider: 'alpha', schemas: { Locker: record(['id']) } }], new Set(['Shelf'])).size).toBe(0);
    expect((spec.components!.schemas as Record<string, JsonSchema>).Locker!.required).toEqual(['id', 'pin']);
  });
});

/**
 * A specs folder of OpenAPI providers, each answering one GET with the example given; one with a
 * `schema` is a 3.1 export that declares it and names its example (`examples.ok`).
 */
function providers(answers: Record<string, { path: string; example: unknown; schema?: JsonSchema; excludeFromUnion?: boolean }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'hostbill-peers-'));
  for (const [name, { path, example, schema, excludeFromUnion }] of Object.entries(answers)) {
    mkdirSync(join(dir, name, 'source'), { recursive: true });
    const media = schema ? { schema, examples: { ok: { value: example } } } : { example };
    const api = { openapi: schema ? '3.1.0' : '3.0.3', info: { title: name, version: '1' }, servers: [{ url: `https://${name}.example/api` }], paths: { [path]: { get: { operationId: `get_${name}`, summary: 'Gadgets', ...(path.includes('{id}') ? { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] } : {}), responses: { 200: { description: 'ok', content: { 'application/json': media } } } } } } };
    writeFileSync(join(dir, name, 'source', 'api.json'), JSON.stringify(api));
    writeFileSync(join(dir, name, 'provider.json'), JSON.stringify({ name, title: name, openapi: 'source/api.json', auth: ['basic'], sha256: {}, ...(excludeFromUnion ? { excludeFromUnion } : {}) }));
    rehash(dir, name);
  }
  return dir;
}

describe('generateAll pools one entity\'s records across providers', () => {
  const north = { path: '/gadget/{id}', example: { gadget: { id: '7', label: 'desk', secret_key: 'k' } } };
  const south = { path: '/gadget', example: { gadgets: [{ id: 8, label: 'lamp' }] } };
  const gadget = (spec: OpenApi) => (spec.components!.schemas as Record<string, JsonSchema>).Gadget!;

  it('a key another provider\'s records lack is optional, a type another provider shows is joined, and the report says so', async () => {
    const { results } = await generateAll(providers({ north, south }));
    const [n, s] = ['north', 'south'].map((name) => results.find((r) => r.name === name)!);
    expect(gadget(n!.spec).required).toEqual(['id', 'label']);
    expect(gadget(n!.spec).properties!.id).toEqual({ type: ['string', 'integer'] });
    expect(gadget(s!.spec).properties!.id).toEqual({ type: ['string', 'integer'] });
    expect(Object.keys(gadget(s!.spec).properties!)).toEqual(['id', 'label']);
    expect(n!.repairs.filter((r) => r.kind === 'entity-pooled-across-providers')).toEqual([
      { kind: 'entity-pooled-across-providers', where: '#/components/schemas/Gadget', detail: "optional, absent from another provider's records: secret_key (south); types widened by another provider's values: id: string|integer (south)" },
    ]);
  });

  it('a peer lends its records, never its schema: no `required` and `type: [string, null]` declared, every key a string in its example, relax nothing', async () => {
    const nullable = { type: ['string', 'null'] };
    const schema: JsonSchema = { type: 'object', properties: { gadget: { type: 'object', properties: { id: nullable, label: nullable, secret_key: nullable } } } };
    const west = { path: '/gadget/{id}', example: { gadget: { id: '9', label: 'shelf', secret_key: 'w' } }, schema };
    const { results } = await generateAll(providers({ north, west }));
    const n = results.find((r) => r.name === 'north')!;
    expect(gadget(n.spec)).toEqual({ type: 'object', properties: { id: { type: 'string' }, label: { type: 'string' }, secret_key: { type: 'string' } }, required: ['id', 'label', 'secret_key'] });
    expect(n.repairs.filter((r) => r.kind === 'entity-pooled-across-providers')).toEqual([]);
  });

  it('a peer\'s records that do lack a key or show another type still relax, whatever its schema declares', async () => {
    const schema: JsonSchema = { type: 'object', properties: { gadget: { type: 'object', properties: { id: { type: ['string', 'integer'] }, label: { type: 'string' } }, required: ['id', 'label'] } } };
    const west = { path: '/gadget/{id}', example: { gadget: { id: 9, label: 'shelf' } }, schema };
    const n = (await generateAll(providers({ north, west }))).results.find((r) => r.name === 'north')!;
    expect(gadget(n.spec).required).toEqual(['id', 'label']);
    expect(gadget(n.spec).properties!.id).toEqual({ type: ['string', 'integer'] });
  });

  it('a provider outside the family ("excludeFromUnion") neither lends nor borrows', async () => {
    const { results } = await generateAll(providers({ north, south: { ...south, excludeFromUnion: true } }));
    const n = results.find((r) => r.name === 'north')!;
    expect(gadget(n.spec).required).toEqual(['id', 'label', 'secret_key']);
    expect(gadget(n.spec).properties!.id).toEqual({ type: 'string' });
  });
});

describe('an OpenAPI export that shows its answer without a schema', () => {
  it('is typed from its `examples` (every one), which stay as published beside its other media types', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostbill-media-'));
    mkdirSync(join(dir, 'acme', 'source'), { recursive: true });
    const content = {
      'application/json': { examples: { small: { value: { crate: { id: 1, size: 's' } } }, large: { value: { crate: { id: 2, size: 'l', lid: true } } } } },
      'text/plain': { schema: { type: 'string' } },
    };
    writeFileSync(join(dir, 'acme', 'source', 'api.json'), JSON.stringify({ openapi: '3.0.3', info: { title: 'acme', version: '1' }, servers: [{ url: 'https://acme.example/api' }], paths: { '/crate/{id}': { get: { operationId: 'crate', summary: 'Crate', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { 200: { description: 'ok', content } } } } } }));
    writeFileSync(join(dir, 'acme', 'provider.json'), JSON.stringify({ name: 'acme', title: 'acme', openapi: 'source/api.json', auth: ['basic'], sha256: {} }));
    rehash(dir, 'acme');
    const { results } = await generateAll(dir);
    const { spec, repairs } = results[0]!;
    const media = (spec.paths!['/crate/{id}']!.get!.responses!['200'] as { content: Record<string, Record<string, unknown>> }).content;
    expect(media['application/json']!.examples).toEqual(content['application/json'].examples);
    expect(media['application/json']!.example).toBeUndefined();
    expect(media['text/plain']).toEqual({ schema: { type: 'string' } });
    const crate = (spec.components!.schemas as Record<string, JsonSchema>).Crate!;
    expect(crate).toEqual({ type: 'object', properties: { id: { type: 'integer' }, size: { type: 'string' }, lid: { type: 'boolean' } }, required: ['id', 'size'] });
    expect(repairs.find((r) => r.kind === 'response-schema-inferred')).toEqual({ kind: 'response-schema-inferred', where: 'GET /crate/{id}', detail: 'the response content example, the response content example' });
  });

  it('takes the vendor\'s schema from a sibling media type (a converted Swagger\'s `*/*`), never one inferred beside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostbill-media-'));
    mkdirSync(join(dir, 'acme', 'source'), { recursive: true });
    const content = { '*/*': { schema: { $ref: '#/components/schemas/Crate' } }, 'application/json': { example: { id: 1, size: 's' } } };
    const components = { schemas: { Crate: { type: 'object', properties: { id: { type: 'integer', description: 'the vendor says' }, size: { type: 'string' } } } } };
    writeFileSync(join(dir, 'acme', 'source', 'api.json'), JSON.stringify({ openapi: '3.0.3', info: { title: 'acme', version: '1' }, servers: [{ url: 'https://acme.example/api' }], components, paths: { '/crate/{id}': { get: { operationId: 'crate', summary: 'Crate', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: { 200: { description: 'ok', content } } } } } }));
    writeFileSync(join(dir, 'acme', 'provider.json'), JSON.stringify({ name: 'acme', title: 'acme', openapi: 'source/api.json', auth: ['basic'], sha256: {} }));
    rehash(dir, 'acme');
    const { spec } = (await generateAll(dir)).results[0]!;
    const media = (spec.paths!['/crate/{id}']!.get!.responses!['200'] as { content: Record<string, Record<string, unknown>> }).content;
    expect(media['application/json']).toEqual({ example: { id: 1, size: 's' }, schema: { $ref: '#/components/schemas/Crate' } });
    expect(Object.keys(spec.components!.schemas!).sort()).toEqual(['Crate', 'Error']);
    expect((spec.components!.schemas as Record<string, JsonSchema>).Crate).toEqual(components.schemas.Crate);
  });
});
