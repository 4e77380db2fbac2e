import { describe, expect, it } from 'vitest';
import { inferSchema, mergeSchemas, openNullOnlyFields } from '../src/steps/infer-schema.js';

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

  it('nullable: a value and a null make a nullable type; a field only ever null is open (any value), not a guessed string | null', () => {
    expect(mergeSchemas(inferSchema('x'), inferSchema(null))).toEqual({ type: ['string', 'null'] });
    const schema = inferSchema({ merge_id: null, tags: [null], label: 'x' });
    expect(openNullOnlyFields(schema)).toBe(2);
    expect(schema.properties!.merge_id).toEqual({});
    expect(schema.properties!.tags).toEqual({ type: 'array', items: {} });
    expect(schema.properties!.label).toEqual({ type: 'string' });
  });

  it('open merge: a finished schema\'s `{}` (any value) absorbs the other side; while inferring, `{}` is "nothing seen yet"', () => {
    expect(mergeSchemas({}, { type: 'string' })).toEqual({ type: 'string' });
    expect(mergeSchemas({ type: 'object', properties: { a: {} } }, { type: 'object', properties: { a: { type: 'string' } } }, true).properties!.a).toEqual({});
  });

  it('schemas with keywords inference does not write (an enum, an anyOf) are kept whole, as anyOf', () => {
    const anyOf = { anyOf: [{ type: 'string' }, { type: 'integer' }] };
    expect(mergeSchemas(anyOf, { type: 'boolean' })).toEqual({ anyOf: [{ type: 'string' }, { type: 'integer' }, { type: 'boolean' }] });
    expect(mergeSchemas({ type: 'string', enum: ['a'] }, { type: 'string' })).toEqual({ anyOf: [{ type: 'string', enum: ['a'] }, { type: 'string' }] });
  });

  it('empty arrays have open items', () => {
    expect(inferSchema([])).toEqual({ type: 'array', items: {} });
  });
});
