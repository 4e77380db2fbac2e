import { describe, expect, it } from 'vitest';
import { inferSchema, mergeSchemas, typeNullOnlyFields } from '../src/steps/infer-schema.js';

describe('schema inference', () => {
  it('nested objects and arrays', () => {
    expect(inferSchema({ a: 1, b: [{ c: 'x' }], d: 1.5, e: true })).toEqual({
      type: 'object',
      properties: {
        a: { type: 'integer' },
        b: { type: 'array', items: { type: 'object', properties: { c: { type: 'string' } }, required: ['c'] } },
        d: { type: 'number' },
        e: { type: 'boolean' },
      },
      required: ['a', 'b', 'd', 'e'],
    });
  });

  it('array items of different shapes are merged, not the first one picked; only shared keys are required', () => {
    expect(inferSchema([{ a: 1, c: true }, { b: 'x', c: false }])).toEqual({
      type: 'array',
      items: { type: 'object', properties: { a: { type: 'integer' }, c: { type: 'boolean' }, b: { type: 'string' } }, required: ['c'] },
    });
  });

  it('an id that is a string in one example and a number in another stays a union', () => {
    expect(mergeSchemas(inferSchema({ id: '1' }), inferSchema({ id: 1 })).properties!.id).toEqual({ type: ['string', 'integer'] });
  });

  it('nullable: a value and a null make a nullable type; null alone becomes string | null', () => {
    expect(mergeSchemas(inferSchema('x'), inferSchema(null))).toEqual({ type: ['string', 'null'] });
    const schema = inferSchema({ merge_id: null });
    expect(typeNullOnlyFields(schema)).toBe(1);
    expect(schema.properties!.merge_id).toEqual({ type: ['string', 'null'] });
  });

  it('empty arrays have open items', () => {
    expect(inferSchema([])).toEqual({ type: 'array', items: {} });
  });
});
