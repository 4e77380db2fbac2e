import { describe, expect, it } from 'vitest';
import { responseSchemaFigures } from '../src/audit/entity-evidence.js';
import { RepairLog, type OpenApi, type PipelineContext } from '../src/model.js';
import { pathEntity, singular, topResources, wrapperEntity } from '../src/rules/entity-names.js';
import { poolResponseEntities } from '../src/rules/response-entities.js';
import { applyRules } from '../src/rules/types.js';
import { inferSchema } from '../src/steps/infer-schema.js';
import { specSchemaCheck } from '../src/steps/schema-validator.js';
import { unionOfSpecs } from '../src/steps/union.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Spec = OpenApi & { paths: Record<string, any>; components: { schemas: Record<string, any> } };

const context = (): PipelineContext => ({ provider: { name: 'acme', title: 'Acme', auth: ['basic'] }, docs: new Map(), catalogue: new Map(), log: new RepairLog() });

/**
 * A spec as infer-response-schemas leaves it: each operation's answer inferred from its one example,
 * hoisted to `<Name>Response`, the example attached as published. Keys: `METHOD /path`.
 */
function inferred(answers: Record<string, unknown>): Spec {
  const spec: Spec = { openapi: '3.1.0', info: { title: 'Acme', version: '1' }, paths: {}, components: { schemas: {} } };
  for (const [key, example] of Object.entries(answers)) {
    const [method, path] = key.split(' ') as [string, string];
    const name = `${method}${path.replace(/[^A-Za-z0-9]+/g, '_')}Response`;
    spec.components.schemas[name] = inferSchema(example);
    (spec.paths[path] ??= {})[method.toLowerCase()] = { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` }, example } } } } };
  }
  return spec;
}

const pooled = (spec: Spec, log = new RepairLog()) => applyRules(spec, [poolResponseEntities], { ...context(), log }) as Spec;
const answer = (spec: Spec, method: string, path: string) => spec.paths[path][method].responses['200'].content['application/json'];
const everyExampleValidates = (spec: Spec) => {
  const check = specSchemaCheck(spec.components);
  for (const item of Object.values(spec.paths)) for (const op of Object.values(item as Record<string, any>)) expect(check(op.responses['200'].content['application/json'].schema, op.responses['200'].content['application/json'].example)).toEqual([]);
};

/** A gadget shop: its list shows summaries, its detail shows more; both are gadgets. */
const shop = () =>
  inferred({
    'GET /gadget': { gadgets: [{ id: '1', title: 'Lamp', weight: '5', retired: null, note: null }] },
    'GET /gadget/{id}': { gadget: { id: '2', title: 'Desk', weight: 5, retired: null, note: 'oak', serial: 'X9' } },
    'POST /gadget/{id}/paint': { job_id: 3 },
    'POST /gadget/{id}/polish': { job_id: 4 },
  });

describe('pool-response-entities: one named component per entity, from all its records', () => {
  it('two operations answering the same entity with different keys: one component, a key required only where every record has it', () => {
    const spec = pooled(shop());
    expect(answer(spec, 'get', '/gadget').schema).toEqual({ $ref: '#/components/schemas/GET_gadgetResponse' });
    expect(spec.components.schemas.GET_gadgetResponse.properties.gadgets.items).toEqual({ $ref: '#/components/schemas/Gadget' });
    expect(spec.components.schemas.GET_gadget_id_Response.properties.gadget).toEqual({ $ref: '#/components/schemas/Gadget' });
    const gadget = spec.components.schemas.Gadget;
    expect(Object.keys(gadget.properties)).toEqual(['id', 'title', 'weight', 'retired', 'note', 'serial']);
    // the detail's serial is not in the list's record: optional, not required from the one example that has it
    expect(gadget.required).toEqual(['id', 'title', 'weight', 'retired', 'note']);
    everyExampleValidates(spec);
  });

  it('a field "5" in one example and 5 in another is string | integer, pooled by entity and field', () => {
    expect(pooled(shop()).components.schemas.Gadget.properties.weight).toEqual({ type: ['string', 'integer'] });
  });

  it('a field only ever null is open (any value); null in one record and a string in another is string | null', () => {
    const log = new RepairLog();
    const gadget = pooled(shop(), log).components.schemas.Gadget;
    expect(gadget.properties.retired).toEqual({});
    expect(gadget.properties.note).toEqual({ type: ['string', 'null'] });
    expect(log.repairs).toContainEqual({ kind: 'null-only-field-open', where: '#/components/schemas/Gadget', detail: '1 field(s) only ever null: any value' });
  });

  it('two byte-identical answers under different names become one component, named by its fields', () => {
    const spec = pooled(shop());
    expect(answer(spec, 'post', '/gadget/{id}/paint').schema).toEqual({ $ref: '#/components/schemas/JobIdResult' });
    expect(answer(spec, 'post', '/gadget/{id}/polish').schema).toEqual({ $ref: '#/components/schemas/JobIdResult' });
    expect(spec.components.schemas).not.toHaveProperty('POST_gadget_id_paintResponse');
    expect(spec.components.schemas.JobIdResult).toEqual({ type: 'object', properties: { job_id: { type: 'integer' } }, required: ['job_id'] });
    everyExampleValidates(spec);
  });

  it('byte-identical schemas written in place (a vendor export, a patch) become one named component too', () => {
    const spec = shop();
    const inline = { type: 'object', properties: { ok: { type: 'boolean' }, info: { type: 'array', items: { type: 'string' } } }, required: ['ok'] };
    for (const action of ['archive', 'restore']) spec.paths[`/gadget/{id}/${action}`] = { post: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: structuredClone(inline), example: { ok: true } } } } } } };
    const after = pooled(spec);
    expect(answer(after, 'post', '/gadget/{id}/archive').schema).toEqual({ $ref: '#/components/schemas/OkInfoResult' });
    expect(answer(after, 'post', '/gadget/{id}/restore').schema).toEqual({ $ref: '#/components/schemas/OkInfoResult' });
    expect(after.components.schemas.OkInfoResult).toEqual(inline);
    everyExampleValidates(after);
  });

  it('a GET answering the record itself is the path resource; a record holding others is pooled after them', () => {
    const spec = pooled(
      inferred({
        'GET /robot': { robot_id: 1, name: 'R2' },
        'GET /robot/{robot_id}': { robot_id: 2, name: 'C3', arms: [{ id: 'a', grip: 'soft' }] },
        'GET /robot/{robot_id}/job/{job_id}': { done: '', started: 'now' },
      }),
    );
    expect(answer(spec, 'get', '/robot').schema).toEqual({ $ref: '#/components/schemas/Robot' });
    expect(answer(spec, 'get', '/robot/{robot_id}').schema).toEqual({ $ref: '#/components/schemas/Robot' });
    expect(answer(spec, 'get', '/robot/{robot_id}/job/{job_id}').schema).toEqual({ $ref: '#/components/schemas/Job' });
    expect(spec.components.schemas.Robot.properties.arms.items).toEqual({ $ref: '#/components/schemas/Arm' });
    expect(spec.components.schemas.Robot.required).toEqual(['robot_id', 'name']);
    // nothing is left that no operation refers to
    expect(Object.keys(spec.components.schemas).sort()).toEqual(['Arm', 'Job', 'Robot']);
    everyExampleValidates(spec);
  });

  it('an entity already pooled (as the union receives it) keeps its name even when an action answers the same shape', () => {
    const spec = pooled(inferred({ 'GET /robot/{robot_id}/job/{job_id}': { done: '', started: 'now' } }));
    const again = inferred({ 'POST /robot/{robot_id}/start': { done: '', started: 'now' } });
    Object.assign(spec.paths, again.paths);
    Object.assign(spec.components.schemas, again.components.schemas);
    const after = pooled(spec);
    expect(answer(after, 'get', '/robot/{robot_id}/job/{job_id}').schema).toEqual({ $ref: '#/components/schemas/Job' });
    expect(after.components.schemas).toHaveProperty('Job');
  });

  it('runs again on its own output without changing it (the union re-runs every rule)', () => {
    const once = pooled(shop());
    expect(pooled(structuredClone(once))).toEqual(once);
  });
});

describe('entity names', () => {
  it('singular nouns; short words and abbreviations kept', () => {
    expect(['categories', 'statuses', 'services', 'addresses', 'zones', 'dns', 'vps', 'oses', 'software'].map(singular)).toEqual(['category', 'status', 'service', 'address', 'zone', 'dns', 'vps', 'os', 'software']);
  });

  it('a wrapper is qualified by the path when it is generic or names another resource', () => {
    const resources = topResources(['/service/{id}', '/certificate/{id}', '/balance']);
    expect(wrapperEntity('services', '/service', resources)).toBe('Service');
    expect(wrapperEntity('service', '/certificate/{id}', resources)).toBe('CertificateService');
    expect(wrapperEntity('details', '/balance', resources)).toBe('BalanceDetail');
    expect(wrapperEntity('dns_zones', '/service/{id}', resources)).toBe('DnsZone');
    // a word a user's code already means as a type (Record) is qualified by the nearest resource
    expect(wrapperEntity('records', '/service/{id}/dns/{zone_id}', resources)).toBe('DnsRecord');
    expect(wrapperEntity('record', '/service/{id}/dns/{zone_id}/records/{record_id}', resources)).toBe('DnsRecord');
    // a lookup segment (`name/{name}`) is not a resource
    expect(wrapperEntity('details', '/domain/name/{name}', resources)).toBe('DomainDetail');
  });

  it('a GET item path is named by its parameter, else by its last literal; other methods by nothing', () => {
    expect(pathEntity('get', '/server/{id}/task/{task_id}')).toBe('Task');
    expect(pathEntity('get', '/scripts/{id}')).toBe('Script');
    expect(pathEntity('post', '/server/{id}/reboot')).toBeUndefined();
  });
});

describe('the union pools entities of the same name across providers', () => {
  it("a key one provider's records omit is optional in the union; a field open in one stays open", () => {
    const a = pooled(inferred({ 'GET /gadget/{id}': { gadget: { id: '1', title: 'x', serial: 'y', legacy: null } } }));
    const b = pooled(inferred({ 'GET /gadget': { gadgets: [{ id: 2, title: 'z', legacy: 'old' }] } }));
    expect(a.components.schemas.Gadget.properties.legacy).toEqual({});
    const union = unionOfSpecs(
      [
        { name: 'a', spec: a },
        { name: 'b', spec: b },
      ],
      { title: 'U', version: '1' },
      new RepairLog(),
    ) as Spec;
    const gadget = union.components.schemas.Gadget;
    expect(gadget.required).toEqual(['id', 'title', 'legacy']); // serial: only provider a's records have it
    expect(gadget.properties.id).toEqual({ type: ['string', 'integer'] });
    expect(gadget.properties.legacy).toEqual({});
  });
});

describe('specs:audit response figures', () => {
  it('counts required keys another vendor example of the entity omits, and repeated answer schemas; none once pooled', () => {
    const samples = [
      { operation: 'GET /gadget', where: 'docs.txt:1', value: answer(shop(), 'get', '/gadget').example },
      { operation: 'GET /gadget/{id}', where: 'docs.txt:9', value: answer(shop(), 'get', '/gadget/{id}').example },
    ];
    const figures = (spec: Spec) => responseSchemaFigures(spec, samples, (key) => {
      const [method, path] = key.split(' ') as [string, string];
      return answer(spec, method.toLowerCase(), path).schema;
    });
    const before = figures(shop());
    expect(before.requiredAbsentElsewhere.map((f) => f.detail)).toEqual(['Gadget.serial is required; GET /gadget omits it (docs.txt:1)']);
    expect(before.duplicateSchemas).toHaveLength(1);
    const after = figures(pooled(shop()));
    expect(after.requiredAbsentElsewhere).toEqual([]);
    expect(after.duplicateSchemas).toEqual([]);
    expect(after.required).toBeLessThan(before.required);
  });

  it('counts the required keys of an entity only one vendor example shows', () => {
    const spec = inferred({ 'GET /robot/{robot_id}': { robot_id: 1, name: 'R2' } });
    const value = answer(spec, 'get', '/robot/{robot_id}').example;
    const figures = responseSchemaFigures(spec, [{ operation: 'GET /robot/{robot_id}', where: 'docs.txt:3', value }], () => answer(spec, 'get', '/robot/{robot_id}').schema);
    expect(figures.requiredFromOneExample).toBe(2);
    expect(figures).toMatchObject({ keys: 2, required: 2 });
  });
});
