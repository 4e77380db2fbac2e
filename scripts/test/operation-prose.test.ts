import { describe, expect, it } from 'vitest';
import type { DocsOperation } from '../src/docs/extract-operations.js';
import { RepairLog, type OpenApi, type PipelineContext } from '../src/model.js';
import { operationFieldValues } from '../src/rules/operation-prose.js';
import { proseLimits } from '../src/rules/prose-limits.js';
import { applyRules } from '../src/rules/types.js';

const context = (catalogue: PipelineContext['catalogue'] = new Map()): PipelineContext => ({ provider: { name: 'acme', title: 'Acme', auth: ['basic'] }, docs: new Map(), catalogue, log: new RepairLog() });

const line = { type: 'object', properties: { kind: { type: 'string' }, sku: { type: 'string' } } };
/** POST /checkout (a `lines` array of records, a `wrap` object) and POST /basket, with the descriptions given. */
function shop(checkout: string, basket = 'Prices a basket.\nUse the same parameters as for `POST /checkout`', example?: unknown): OpenApi {
  const body = (extra: object = {}) => ({ content: { 'application/json': { schema: { type: 'object', properties: { lines: { type: 'array', items: structuredClone(line) }, wrap: { type: 'object', properties: { wrap_type: { type: 'string' } } }, ...extra } }, ...(example ? { example } : {}) } } });
  const answer = { '200': { description: 'ok' } };
  return {
    openapi: '3.1.0',
    info: { title: 'Acme', version: '1' },
    paths: {
      '/checkout': { post: { description: checkout, requestBody: body(), responses: answer } },
      '/basket': { post: { description: basket, requestBody: body(), responses: answer } },
    },
  } as unknown as OpenApi;
}

const run = (spec: OpenApi, ctx = context()) => ({ out: applyRules(spec, [proseLimits], ctx) as any, log: ctx.log });
const field = (out: any, path: string, ...at: string[]) => at.reduce((node, key) => node?.[key], out.paths[path].post.requestBody.content['application/json'].schema);

const LINES = 'Every line names its kind:\n- use `voucher` for line type\n- use "gift" as line type\n* Use parcel for the line type';

describe('values an operation\'s description gives its body records\' type', () => {
  it('become the enum of `type` (or `<noun>_type`) of the noun\'s array items or object, in the text\'s order, logged', () => {
    const spec = shop(`${LINES}\nuse plain for wrap type, use ribbon for wrap type`);
    (spec.paths!['/checkout']!.post!.requestBody as any).content['application/json'].schema.properties.lines.items.properties.type = { type: 'string' };
    const { out, log } = run(spec);
    expect(field(out, '/checkout', 'properties', 'lines', 'items', 'properties', 'type')).toEqual({ type: 'string', enum: ['voucher', 'gift', 'parcel'] });
    expect(field(out, '/checkout', 'properties', 'wrap', 'properties', 'wrap_type')).toEqual({ type: 'string', enum: ['plain', 'ribbon'] });
    expect(log.repairs.filter((r) => r.kind === 'limits-from-prose').map((r) => r.where)).toContain('POST /checkout requestBody lines[].type');
  });

  it('an operation that takes "the same parameters as" another takes its lists too', () => {
    const { out } = run(shop(`use plain for wrap type\nuse ribbon for wrap type`));
    expect(field(out, '/basket', 'properties', 'wrap', 'properties', 'wrap_type')).toEqual({ type: 'string', enum: ['plain', 'ribbon'] });
  });

  it('reads every provider\'s docs of the operation: an export that kept one bullet borrows the docs\' whole list', () => {
    const docs = { method: 'post', path: '/checkout', description: 'use plain for wrap type\nuse ribbon for wrap type' } as unknown as DocsOperation & { file: string };
    const { out } = run(shop('use plain for wrap type'), context(new Map([['POST /checkout', [docs]]])));
    expect(field(out, '/checkout', 'properties', 'wrap', 'properties', 'wrap_type').enum).toEqual(['plain', 'ribbon']);
  });

  it('adds nothing for one value, for a noun whose records have no type field, or a list the vendor\'s own sample contradicts', () => {
    expect(operationFieldValues(shop('use plain for wrap type', 'no reference'), context())).toEqual([]);
    expect(operationFieldValues(shop('use a for box type, use b for box type\nuse c for line type\nuse d for line type', 'no reference'), context())).toEqual([]);
    const { out } = run(shop('use plain for wrap type\nuse ribbon for wrap type', 'none', { wrap: { wrap_type: 'foil' } }));
    expect(field(out, '/checkout', 'properties', 'wrap', 'properties', 'wrap_type')).toEqual({ type: 'string' });
  });
});
