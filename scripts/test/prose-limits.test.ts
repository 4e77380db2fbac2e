import { describe, expect, it } from 'vitest';
import { SPECS_DIR } from '../src/generate.js';
import { RepairLog, type HttpMethod, type OpenApi, type PipelineContext } from '../src/model.js';
import { proseLimits, readProseLimits } from '../src/rules/prose-limits.js';
import { applyRules } from '../src/rules/types.js';
import { auditAll } from '../src/specs-audit.js';

const context = (docs: PipelineContext['docs'] = new Map()): PipelineContext => ({ provider: { name: 'acme', title: 'Acme', auth: ['basic'] }, docs, catalogue: new Map(), log: new RepairLog() });

/** One POST /vm whose body fields are the given schemas, and an answer with an example. */
function vmSpec(fields: Record<string, object>, answer: { schema: object; example: unknown } = { schema: { type: 'object' }, example: {} }): OpenApi {
  return {
    openapi: '3.1.0',
    info: { title: 'Acme', version: '1' },
    paths: {
      '/vm/{size}': {
        post: {
          parameters: [{ name: 'size', in: 'path', required: true, description: 'Disk size in GB, between 10 and 20', schema: { type: 'integer' } }],
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: fields } } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: answer.schema, example: answer.example } } } },
        },
      },
    },
  } as OpenApi;
}

const run = (spec: OpenApi, ctx = context()) => ({ out: applyRules(spec, [proseLimits], ctx) as any, log: ctx.log });
const body = (out: any) => out.paths['/vm/{size}'].post.requestBody.content['application/json'].schema.properties;

describe('readProseLimits', () => {
  it('reads value lists in the phrasings docs use', () => {
    expect(readProseLimits('Region. Allowed: eu, us or asia').values).toEqual(['eu', 'us', 'asia']);
    expect(readProseLimits('Speed (fast|slow), default fast').values).toEqual(['fast', 'slow']);
    expect(readProseLimits('Must be one of: "on", "off"').values).toEqual(['on', 'off']);
    expect(readProseLimits('Mode. Accepted values are\n- plain: as typed\n- html: rendered\n\nMore text').values).toEqual(['plain', 'html']);
    expect(readProseLimits('Priority, valid options: 1, 2, 3.').values).toEqual(['1', '2', '3']);
  });

  it('reads ranges and single bounds, with the noun they count', () => {
    expect(readProseLimits('between 10 and 20')).toEqual({ min: { value: 10 }, max: { value: 20 } });
    expect(readProseLimits('Label, up to 64 characters')).toEqual({ max: { value: 64, noun: 'characters' } });
    expect(readProseLimits('Send 1 to 3 keys')).toEqual({ min: { value: 1, noun: 'keys' }, max: { value: 3, noun: 'keys' } });
    expect(readProseLimits('Retries, at least 2')).toEqual({ min: { value: 2 } });
  });

  it('reads nothing from prose that only mentions values, choices or numbers', () => {
    for (const text of ['List available payment methods', 'Use one of the methods listed below:', 'Optional amount, the maximum amount is used when empty', 'Status. Possible values:', 'Valid for around 5-10 minutes'])
      expect(readProseLimits(text), text).toEqual({});
  });
});

describe('prose-limits', () => {
  it('turns values and bounds into keywords of the schema type, keeps the text, and logs each change', () => {
    const { out, log } = run(
      vmSpec({
        region: { type: 'string', description: 'Region. Allowed: eu, us or asia' },
        label: { type: 'string', description: 'Label, up to 64 characters' },
        priority: { type: 'integer', description: 'Priority, valid options: 1, 2, 3.' },
        tags: { type: 'array', items: { type: 'string' }, description: 'Tags, possible values: red, blue' },
        keys: { type: 'array', items: {}, description: 'Send 1 to 3 keys' },
      }),
    );
    const fields = body(out);
    expect(fields.region).toEqual({ type: 'string', description: 'Region. Allowed: eu, us or asia', enum: ['eu', 'us', 'asia'] });
    expect(fields.label.maxLength).toBe(64);
    expect(fields.priority.enum).toEqual([1, 2, 3]);
    expect(fields.tags.items.enum).toEqual(['red', 'blue']);
    expect([fields.keys.minItems, fields.keys.maxItems]).toEqual([1, 3]);
    expect(out.paths['/vm/{size}'].post.parameters[0].schema).toEqual({ type: 'integer', minimum: 10, maximum: 20 });
    expect(log.repairs.map((r) => r.kind)).toEqual(Array(6).fill('limits-from-prose'));
    expect(log.repairs[0]).toEqual({ kind: 'limits-from-prose', where: 'POST /vm/{size} path size', detail: '{"minimum":10,"maximum":20}' });
  });

  it('adds nothing that says nothing or cannot be said in the schema type, and logs nothing then', () => {
    const fields = {
      flag: { type: 'boolean', description: "Flag, valid values: 'true', 'false'" },
      count: { type: 'integer', description: 'Count, allowed: few, many' },
      name: { type: 'integer', description: 'Up to 64 characters' },
      kept: { type: 'string', enum: ['x'], description: 'one of: a, b' },
    };
    const { out, log } = run(vmSpec(fields));
    expect(body(out)).toEqual(fields);
    expect(log.repairs.filter((r) => r.where.includes('requestBody'))).toEqual([]);
  });

  it('never narrows what a vendor example or request sample of the operation sends', () => {
    const answer = { schema: { type: 'object', properties: { state: { type: 'string', description: 'State: one of: up, down' } } }, example: { state: 'paused' } };
    const docs: PipelineContext['docs'] = new Map([
      ['POST /vm/{size}', { method: 'post' as HttpMethod, documentedPath: '/vm/@size', path: '/vm/{size}', title: 'Create', description: '', tag: undefined, parameters: [], bodyFields: ['zone', 'os'], bodySample: { zone: 'mars', os: 'osValue' }, auth: 'basic', exampleResponse: undefined, line: 1, file: 'docs.txt' }],
    ]);
    const { out, log } = run(vmSpec({ zone: { type: 'string', description: 'Zone, allowed: eu, us' }, os: { type: 'string', description: 'OS, allowed: linux, bsd' } }, answer), context(docs));
    const fields = body(out);
    expect(fields.zone.enum).toBeUndefined();
    // `"osValue"` is the sample's placeholder for any value: it contradicts nothing
    expect(fields.os.enum).toEqual(['linux', 'bsd']);
    expect(out.paths['/vm/{size}'].post.responses['200'].content['application/json'].schema.properties.state.enum).toBeUndefined();
    expect(log.repairs.map((r) => r.where)).toEqual(['POST /vm/{size} path size', '#/paths/~1vm~1{size}/post/requestBody/content/application~1json/schema/properties/os']);
  });
});

describe('the committed specs', () => {
  it('carry the limits their docs state, and every vendor example and sample still validates', () => {
    const audits = auditAll(SPECS_DIR);
    for (const audit of audits) {
      expect(audit.attachedExamples.failing, audit.provider).toEqual([]);
      expect(audit.vendorRequests.failing, audit.provider).toEqual([]);
      expect(audit.vendorAnswers.failing, audit.provider).toEqual([]);
    }
    expect(audits.find((a) => a.provider === 'hostens')!.enums).toBeGreaterThan(0);
  });
});

describe('traffic evidence', () => {
  it('drops a bound from prose that a real answer breaks, and keeps the ones it respects', async () => {
    const { applyEvidence } = await import('../src/steps/apply-evidence.js');
    const spec = vmSpec({}, { schema: { type: 'object', properties: { name: { type: 'string', maxLength: 4 }, cpus: { type: 'integer', minimum: 1, maximum: 8 }, ips: { type: 'array', items: {}, maxItems: 1 } } }, example: {} });
    const log = new RepairLog();
    const out = applyEvidence(spec, [{ operation: 'POST /vm/{size}', source: 'f'.repeat(64), body: { name: 'web-01', cpus: 4, ips: ['a', 'b'] } }], 'acme/evidence/responses.json', log) as any;
    expect(out.paths['/vm/{size}'].post.responses['200'].content['application/json'].schema.properties).toEqual({ name: { type: 'string' }, cpus: { type: 'integer', minimum: 1, maximum: 8 }, ips: { type: 'array', items: {} } });
    expect(log.repairs.map((r) => r.where)).toEqual(['POST /vm/{size} #/name: maxLength dropped', 'POST /vm/{size} #/ips: maxItems dropped']);
  });
});
