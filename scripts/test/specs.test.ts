import { describe, expect, it } from 'vitest';
import { forEachOperation, type OpenApi } from '../src/model.js';
import { providers } from '@hostbill-api/test-support';
import { isOperationIdInStyle } from '../src/rules/operation-ids.js';
import { committedReport, committedSpec, type SpecJson } from './helpers.js';
import { allDocsExamples, ownSwaggerExamples, shapeOf } from './source-examples.js';

/** Every provider in specs/; the single-provider checks below name theirs as fixtures. */
const PROVIDERS = providers().map((p) => p.name);
/** forEachOperation over committed JSON, whose operations the tests probe loosely. */
const each = (spec: SpecJson, visit: (operation: SpecJson, method: string, path: string) => void) : void => forEachOperation(spec as OpenApi, (o, m, p) => visit(o as SpecJson, m, p));
const count = (spec: SpecJson) => {
  let n = 0;
  each(spec, () => n++);
  return n;
};
const op = (spec: SpecJson, method: string, path: string) => spec.paths[path]?.[method];
const resolve = (spec: SpecJson, schema: SpecJson): SpecJson => (schema.$ref ? spec.components.schemas[schema.$ref.split('/').pop()!] : schema);
const responseSchema = (spec: SpecJson, method: string, path: string) => resolve(spec, op(spec, method, path).responses['200'].content['application/json'].schema);

/** Reviewed by hand in the sources: an example is there, but it cannot become JSON without guessing. */
const EXAMPLE_UNUSABLE: Record<string, string> = {
  'get /service/{}/dns': 'hostbill/source/002_dd4277eef261f5b3.txt:2354 is the platform\'s error answer `{"error": ["invalid method"]}`, not a success',
};
/** Reviewed by hand: typed by a patch, there being no example. */
const TYPED_BY_PATCH: Record<string, string> = {
  'get /certificate/{}/crt': 'hostens/patches/certificate-download.json: PEM text, not JSON',
};

describe('the normalized specs', () => {
  const specs = Object.fromEntries(PROVIDERS.map((p) => [p, committedSpec(p)])) as Record<string, SpecJson> & Record<'pio-hosting' | 'htmoni' | 'hostens' | 'hostbill', SpecJson>;

  it('hold every operation: pio 20, htmoni 71, hostens 87, hostbill the union (134 distinct)', () => {
    expect(count(specs['pio-hosting'])).toBe(20);
    expect(count(specs.htmoni)).toBe(71);
    expect(count(specs.hostens)).toBe(87);
    // a union holds every operation of the providers it unites (every one not opted out) and its own docs'
    for (const union of providers().filter((p) => p.union)) {
      const distinct = new Set<string>();
      for (const p of [...providers().filter((m) => m.inUnion).map((m) => m.name), union.name]) each(specs[p]!, (_o, m, path) => distinct.add(`${m} ${path.replace(/\{[^}]+\}/g, '{}')}`));
      expect(count(specs[union.name]!), union.name).toBe(distinct.size);
    }
  });

  it('are OpenAPI 3.1 with servers from the source or config', () => {
    expect(specs['pio-hosting'].openapi).toBe('3.1.0');
    expect(specs['pio-hosting'].servers).toEqual([{ url: 'https://cp.pio.hosting/api' }]);
    expect(specs.htmoni.servers).toEqual([{ url: 'https://cloud.htmoni.com/api' }]);
    expect(specs.hostbill.servers[0].url).toBe('https://{host}/api');
  });

  it('Swagger `in: query` body fields become a JSON requestBody: no password in the URL', () => {
    const login = op(specs['pio-hosting'], 'post', '/login');
    expect(login.parameters ?? []).toEqual([]);
    expect(Object.keys(login.requestBody.content['application/json'].schema.properties)).toEqual(['username', 'password']);
  });

  it('every POST/PUT with documented fields has a typed JSON body', () => {
    for (const p of PROVIDERS) {
      each(specs[p]!, (operation, method) => {
        if (!['post', 'put'].includes(method) || !operation.requestBody) return;
        const props = operation.requestBody.content['application/json'].schema.properties;
        // the union takes either provider's type of a field the providers type differently (anyOf)
        for (const schema of Object.values(props) as SpecJson[]) expect('type' in schema || Array.isArray(schema.anyOf), JSON.stringify(schema)).toBe(true);
      });
    }
  });

  it('security is real: declared schemes applied; login and token refresh need none', () => {
    expect(Object.keys(specs['pio-hosting'].components.securitySchemes)).toEqual(['bearerAuth']);
    expect(specs['pio-hosting'].security).toEqual([{ bearerAuth: [] }]);
    expect(op(specs['pio-hosting'], 'post', '/login').security).toEqual([]);
    expect(op(specs['pio-hosting'], 'post', '/token').security).toEqual([]);
    expect(op(specs['pio-hosting'], 'get', '/invoice').security).toBeUndefined(); // inherits bearer
    expect(specs.hostens.security).toEqual([{ basicAuth: [] }]);
    expect(op(specs.htmoni, 'post', '/login').security).toEqual([]); // learned from the other providers' docs
    expect(specs.hostbill.security).toEqual([{ bearerAuth: [] }, { basicAuth: [] }]);
  });

  it('operationIds are unique', () => {
    for (const p of PROVIDERS) {
      const ids: string[] = [];
      each(specs[p]!, (o) => ids.push(o.operationId));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('operationIds are in one style, and one operation has one id in every provider', () => {
    const byOperation = new Map<string, Set<string>>();
    for (const p of PROVIDERS) {
      each(specs[p]!, (o, m, path) => {
        expect(isOperationIdInStyle(o.operationId), `${p}: ${m} ${path} ${o.operationId}`).toBe(true);
        byOperation.set(`${m} ${path}`, (byOperation.get(`${m} ${path}`) ?? new Set()).add(o.operationId));
      });
    }
    expect([...byOperation].filter(([, ids]) => ids.size > 1)).toEqual([]);
    expect(op(specs.hostbill, 'get', '/category')).toMatchObject({ operationId: 'listCategories', 'x-vendor-operation-id': 'cart_categories' });
    expect(op(specs.hostens, 'post', '/token').operationId).toBe('refreshToken');
  });

  it('the same resource has one parameter name: {service_id} and {id} under /service unified', () => {
    expect(Object.keys(specs.hostens.paths)).toContain('/service/{id}/dns/{zone_id}');
    expect(Object.keys(specs.hostens.paths).some((p) => p.includes('{service_id}'))).toBe(false);
    expect(committedReport('hostens').repairs['path-param-unified']).toBeGreaterThan(0);
  });

  it('/domain/order/@id/form documents tld_id: the path takes the documented name', () => {
    const form = op(specs.hostens, 'get', '/domain/order/{tld_id}/form');
    expect(form.parameters).toEqual([expect.objectContaining({ name: 'tld_id', in: 'path', schema: { type: 'integer' } })]);
  });

  it('Swagger type disagreeing with the docs table: the docs win and the change is reported', () => {
    // HT Moni's Swagger says `id` is a string; the generic spec's docs table says int
    expect(op(specs.htmoni, 'get', '/invoice/{id}').parameters[0].schema.type).toBe('string');
    expect(op(specs.hostbill, 'get', '/invoice/{id}').parameters[0].schema.type).toBe('integer');
    expect(committedReport('hostbill').details).toContainEqual({ kind: 'type-reconciled', where: 'GET /invoice/{id}', detail: 'id: "string" -> "integer"' });
  });

  it('Hostens docs: the row that lost its name is recovered from the request sample', () => {
    expect(op(specs.hostens, 'put', '/details').requestBody.content['application/json'].schema.properties.email).toMatchObject({ type: 'string', description: 'Email Address' });
  });

  it('a single object shown where the prose says list: the schema takes one record or a list, the example stays as published (GET /server, GET /scripts)', () => {
    for (const path of ['/server', '/scripts']) {
      const schema = responseSchema(specs.hostens, 'get', path);
      expect(schema.anyOf).toHaveLength(2);
      expect(schema.anyOf[1]).toEqual({ type: 'array', items: schema.anyOf[0] });
      const example = op(specs.hostens, 'get', path).responses['200'].content['application/json'].example;
      expect(Array.isArray(example)).toBe(false);
      expect(typeof example).toBe('object');
    }
    expect(committedReport('hostens').details).toContainEqual(expect.objectContaining({ kind: 'prose-and-example-disagree', where: 'GET /scripts' }));
    expect(responseSchema(specs.hostens, 'get', '/server/{server_id}').properties.ram_used).toEqual({ type: 'integer' });
  });

  it('PIO GET /balance: the doubled outer braces are unwrapped before inference', () => {
    const schema = responseSchema(specs['pio-hosting'], 'get', '/balance');
    expect(resolve(specs['pio-hosting'], schema.properties.details).properties.acc_balance).toEqual({ type: 'string' });
  });

  it('HT Moni has no docs: examples of the same operation in other providers\' docs type its responses', () => {
    const report = committedReport('htmoni');
    expect(report.repairs['example-borrowed']).toBeGreaterThan(0);
    expect(responseSchema(specs.htmoni, 'get', '/tickets').type).toBe('object');
  });

  it('the same endpoint documented differently: the generic spec unites both providers\' fields', () => {
    const body = op(specs.hostbill, 'put', '/details').requestBody.content['application/json'].schema.properties;
    expect(body).toHaveProperty('vateu'); // Hostens documents it
    expect(body).toHaveProperty('phonenumber');
  });

  it('the generic spec holds the stripped docs\' own operations (VM rescue, service IPs, DNS list)', () => {
    expect(op(specs.hostbill, 'post', '/service/{id}/vms/{vmid}/rescue')).toBeDefined();
    expect(op(specs.hostbill, 'post', '/service/{id}/vms/{vmid}/unrescue')).toBeDefined();
    expect(op(specs.hostbill, 'get', '/service/{id}/ip')).toBeDefined();
    expect(op(specs.hostbill, 'get', '/service/{id}/dns')).toBeDefined();
  });

  it('errors share one schema; non-JSON downloads are typed as such', () => {
    expect(specs.hostens.components.schemas.Error.properties.error).toMatchObject({ type: 'array' });
    expect(op(specs.hostens, 'get', '/server/{server_id}').responses['404']).toEqual({ $ref: '#/components/responses/Error' });
    expect(Object.keys(op(specs.hostens, 'get', '/certificate/{id}/crt').responses['200'].content)).toEqual(['application/x-pem-file']);
  });

  it('an operation is typed exactly when a vendor source has a usable example (read by the test, not the pipeline)', () => {
    const docs = allDocsExamples(PROVIDERS);
    expect(docs.has('post /token') && docs.has('get /server/{}')).toBe(true); // the test's reader finds examples at all
    const used = new Set<string>();
    for (const p of PROVIDERS) {
      const swagger = ownSwaggerExamples(p);
      each(specs[p]!, (operation, method, path) => {
        const shape = shapeOf(method, path);
        const [media] = Object.values(operation.responses['200'].content) as SpecJson[];
        const typed = JSON.stringify(media!.schema) !== JSON.stringify({ type: 'object', additionalProperties: true });
        const byHand = TYPED_BY_PATCH[shape] ?? EXAMPLE_UNUSABLE[shape];
        if (byHand) used.add(shape);
        const expected = shape in TYPED_BY_PATCH || ((docs.has(shape) || swagger.has(shape)) && !(shape in EXAMPLE_UNUSABLE));
        expect(typed, `${p} ${method} ${path}${byHand ? ` (${byHand})` : ''}`).toBe(expected);
      });
    }
    expect([...used].sort()).toEqual(Object.keys({ ...TYPED_BY_PATCH, ...EXAMPLE_UNUSABLE }).sort()); // no stale entry
  });
});
