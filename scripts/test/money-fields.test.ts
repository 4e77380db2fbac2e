import { describe, expect, it } from 'vitest';
import { RepairLog, type OpenApi, type PipelineContext } from '../src/model.js';
import { headWord, isMoneyName, moneyFieldsAsNumbers } from '../src/rules/money-fields.js';
import { applyRules } from '../src/rules/types.js';
import { SPECS_DIR } from '../src/generate.js';
import { auditAll } from '../src/specs-audit.js';

const context = (): PipelineContext => ({ provider: { name: 'acme', title: 'Acme', auth: ['basic'] }, docs: new Map(), catalogue: new Map(), log: new RepairLog() });

/** An answer inferred from `{"id": 7, "qty": 2, "credit": 0, "recurring_price": 10, ...}` and a body the docs typed. */
const fixture = (): OpenApi =>
  ({
    openapi: '3.1.0',
    info: { title: 'Acme', version: '1' },
    paths: {
      '/invoice/{id}': {
        get: {
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
            { name: 'min_total', in: 'query', schema: { type: 'integer', format: 'int32' } },
          ],
          responses: {
            '200': {
              description: 'ok',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    properties: {
                      id: { type: 'integer' },
                      qty: { type: 'integer' },
                      product_id: { type: 'integer' },
                      credit: { type: 'integer' },
                      recurring_price: { type: ['string', 'integer'] },
                      setupFee: { type: ['integer', 'number'] },
                      tax2: { type: ['integer', 'null'] },
                      prices: { type: 'array', items: { type: 'integer' } },
                      total: { type: 'number' },
                      sorter: { type: 'object', properties: { total: { type: 'integer' }, perpage: { type: 'integer' } } },
                    },
                  },
                  example: { id: 7, qty: 2, product_id: 3, credit: 0, recurring_price: 10, setupFee: 1, tax2: null, prices: [1], total: 2.5, sorter: { total: 40, perpage: 25 } },
                },
              },
            },
          },
        },
        put: {
          requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { amount: { type: 'integer' }, count: { type: 'integer' } } } } } },
          responses: { '200': { description: 'ok' } },
        },
      },
    },
  }) as OpenApi;

describe('money-fields-as-numbers', () => {
  it('names: the last word decides, trailing digits and camelCase included; ids and counts are not money', () => {
    expect(['recurring_price', 'setupFee', 'tax2', 'taxrate2', 'credit', 'Balance', 'sub_total']).toSatisfy((names: string[]) => names.every((n) => isMoneyName(n)));
    expect(['id', 'qty', 'price_id', 'product_id', 'credit_card_count', 'total_items', 'setup_status', 'priority']).toSatisfy((names: string[]) => names.every((n) => !isMoneyName(n)));
    expect(headWord('setupFee2')).toBe('fee');
    expect(isMoneyName('total', ['total', 'perpage'])).toBe(false);
  });

  it('a whole-number sample of a money field (credit: 0) no longer makes it integer; 2.1 validates', () => {
    const log = new RepairLog();
    const spec = applyRules(fixture(), [moneyFieldsAsNumbers], { ...context(), log }) as any;
    const properties = spec.paths['/invoice/{id}'].get.responses['200'].content['application/json'].schema.properties;
    expect(properties.credit).toEqual({ type: 'number' });
    expect(properties.recurring_price).toEqual({ type: ['string', 'number'] });
    expect(properties.setupFee).toEqual({ type: 'number' });
    expect(properties.tax2).toEqual({ type: ['number', 'null'] });
    expect(properties.prices).toEqual({ type: 'array', items: { type: 'number' } });
    expect(spec.paths['/invoice/{id}'].put.requestBody.content['application/json'].schema.properties.amount).toEqual({ type: 'number' });
    expect(spec.paths['/invoice/{id}'].get.parameters[1].schema).toEqual({ type: 'number' });
  });

  it('ids, counts, quantities and a paging total stay integer', () => {
    const spec = applyRules(fixture(), [moneyFieldsAsNumbers], context()) as any;
    const properties = spec.paths['/invoice/{id}'].get.responses['200'].content['application/json'].schema.properties;
    for (const name of ['id', 'qty', 'product_id']) expect(properties[name]).toEqual({ type: 'integer' });
    expect(properties.sorter.properties.total).toEqual({ type: 'integer' });
    expect(spec.paths['/invoice/{id}'].get.parameters[0].schema).toEqual({ type: 'integer' });
    expect(spec.paths['/invoice/{id}'].put.requestBody.content['application/json'].schema.properties.count).toEqual({ type: 'integer' });
  });

  it('logs each field it changed, and nothing where the field already was a number', () => {
    const log = new RepairLog();
    applyRules(fixture(), [moneyFieldsAsNumbers], { ...context(), log });
    expect(log.repairs.map((r) => r.detail)).toEqual(['credit', 'recurring_price', 'setupFee', 'tax2', 'prices', 'amount', 'query parameter min_total']);
    expect(log.repairs[0]!.where).toBe('#/paths/~1invoice~1{id}/get/responses/200/content/application~1json/schema/properties/credit');
  });
});

describe('the committed specs', () => {
  it('type no money field integer (specs:audit "money fields typed integer" is 0)', () => {
    for (const audit of auditAll(SPECS_DIR)) expect(audit.integerMoney, audit.provider).toEqual([]);
  });
});
