import { specSchemaCheck } from '@hostbill-api/spec-pipeline';
import { describe, expect, it } from 'vitest';
import { contractOperations, sampleFor } from '../src/operations.js';

/** A small spec with every schema shape the pipeline can write, none of them with an example to fall back on. */
const fixture = {
  openapi: '3.1.0',
  info: { title: 'shapes', version: '0' },
  paths: {
    '/thing/{id}': {
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 10, maximum: 20 } }],
      post: {
        operationId: 'postThing',
        parameters: [
          { name: 'mode', in: 'query', required: true, schema: { enum: ['fast', 'slow'] } },
          { name: 'x-tenant', in: 'header', required: true, schema: { type: 'string', format: 'uuid' } },
          { name: 'optional', in: 'query', schema: { type: 'string' } },
        ],
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Everything' } } } },
        responses: { '201': { description: 'made', content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } },
      },
    },
  },
  components: {
    schemas: {
      Alias: { $ref: '#/components/schemas/Status' },
      Status: { type: 'string', enum: ['active', 'suspended'] },
      Node: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 12 }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } },
      Everything: {
        type: 'object',
        required: ['status', 'nested', 'list', 'map', 'idMap', 'choice', 'nullable'],
        properties: {
          status: { $ref: '#/components/schemas/Alias' },
          nested: { type: 'object', properties: { deeper: { type: 'object', required: ['n'], properties: { n: { type: 'number', exclusiveMinimum: 0, maximum: 0.75 } } } } },
          list: { type: 'array', minItems: 2, uniqueItems: true, items: { type: 'object', required: ['k'], properties: { k: { type: 'integer', multipleOf: 5, minimum: 7 } } } },
          map: { type: 'object', additionalProperties: { type: 'integer', maximum: -3 } },
          idMap: { type: 'object', propertyNames: { pattern: '^[0-9]+$' }, additionalProperties: { type: 'string' } },
          closed: { type: 'object', additionalProperties: false, properties: { only: { type: 'boolean' } } },
          choice: { oneOf: [{ type: 'integer' }, { type: 'number' }, { type: 'string' }] },
          either: { anyOf: [{ type: 'null' }, { $ref: '#/components/schemas/Node' }] },
          nullable: { type: ['null', 'string'], format: 'date-time' },
          onlyNull: { type: 'null' },
          both: { allOf: [{ type: 'object', required: ['a'], properties: { a: { type: 'string', format: 'email' } } }, { required: ['b'], properties: { b: { const: 3 } } }] },
          short: { type: 'string', maxLength: 3 },
          formats: {
            type: 'object',
            properties: Object.fromEntries(['date', 'time', 'uri', 'ipv4', 'ipv6', 'hostname', 'byte', 'duration'].map((f) => [f, { type: 'string', format: f }])),
          },
          tuple: { type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false },
          empty: { type: 'array', items: {} },
          bounded: { type: 'integer', exclusiveMaximum: 0 },
          untyped: { minimum: 2 },
          withDefault: { type: 'integer', minimum: 5, default: 8 },
        },
      },
    },
  },
};

// the validator the pipeline and the response contract use: Ajv, JSON Schema 2020-12, with the spec's components
const check = specSchemaCheck(fixture.components);
const schemas = fixture.components.schemas as Record<string, unknown>;
const properties = (fixture.components.schemas.Everything.properties ?? {}) as Record<string, unknown>;

describe('contract inputs for any schema the pipeline can produce', () => {
  it.each(Object.entries(properties))('property %s: the generated value validates against its schema', (_, schema) => {
    const value = sampleFor(fixture, schema as object);
    expect(check(schema, value), JSON.stringify(value)).toEqual([]);
  });

  it.each(Object.keys(schemas))('#/components/schemas/%s: the generated value validates', (name) => {
    const schema = { $ref: `#/components/schemas/${name}` };
    expect(check(schema, sampleFor(fixture, schema))).toEqual([]);
  });

  it('a oneOf branch is chosen only when the value matches that branch alone (1 is an integer and a number)', () => {
    expect(sampleFor(fixture, properties.choice as object)).toBe(1.5);
  });

  it('an operation gets path, required query and header parameters, a valid body, and its 2xx answer', () => {
    const [op] = contractOperations(fixture);
    expect(op!.params).toEqual({ path: { id: 10 }, query: { mode: 'fast' }, header: { 'x-tenant': '00000000-0000-4000-8000-000000000001' } });
    expect(check({ $ref: '#/components/schemas/Everything' }, op!.body)).toEqual([]);
    expect(op!.responseType).toBe('application/json');
    expect(op!.responseSchema).toEqual({ $ref: '#/components/schemas/Node' });
  });

  it('an unknown $ref is an error naming it', () => {
    expect(() => sampleFor(fixture, { $ref: '#/components/schemas/Nope' })).toThrow('#/components/schemas/Nope: no such schema in the spec');
  });
});
