import { describe, expect, it } from 'vitest';
import { classifyField } from '../src/diff/classify-field.js';
import { diffSpecs, type SpecChange } from '../src/diff/diff-specs.js';
import { bumpFor } from '../src/diff/change-report.js';
import { fieldName } from '../src/diff/spec-places.js';

type Json = Record<string, any>;

/** A small 3.1 spec: GET /items lists Items (an array of $ref), POST /items takes a body, DELETE /gone. */
function spec(): Json {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/items': {
        get: {
          parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } } } },
        },
        post: {
          requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, kind: { type: 'string', enum: ['a', 'b'] }, size: { type: 'integer' } } } } } },
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { state: { type: 'string', enum: ['new', 'done'] } } } } } } },
        },
      },
      '/gone': { delete: { responses: { '200': { description: 'ok' } } } },
    },
    components: { schemas: { Item: { type: 'object', required: ['id'], properties: { id: { type: 'integer' }, name: { type: 'string' }, tags: { type: 'array', items: { type: 'object', properties: { label: { type: 'string' } } } } } } } },
  };
}

/** The changes `edit` makes to the small spec, as `breaking|non-breaking METHOD /path subject what pointer`. */
function changesOf(edit: (s: Json) => void): string[] {
  const after = spec();
  edit(after);
  return diffSpecs(spec(), after).map((c: SpecChange) => `${c.breaking ? 'breaking' : 'non-breaking'} ${c.operation} ${c.subject} ${c.what} ${c.pointer}`);
}

const itemsBody = '#/paths/~1items/post/requestBody/content/application~1json/schema';
const itemsList = '#/paths/~1items/get/responses/200/content/application~1json/schema';

describe('diffSpecs: each change classified for a client user', () => {
  it('the same spec has no changes', () => {
    expect(changesOf(() => {})).toEqual([]);
  });

  it('a response field removed inside an array item (through a $ref) is breaking, at its pointer', () => {
    expect(changesOf((s) => delete s.components.schemas.Item.properties.tags.items.properties.label)).toEqual([
      `breaking GET /items response 200 field [].tags[].label removed ${itemsList}/items/properties/tags/items/properties/label`,
    ]);
  });

  it('a request parameter becoming required is breaking; becoming optional is not', () => {
    expect(changesOf((s) => (s.paths['/items'].get.parameters[0].required = true))).toEqual(['breaking GET /items parameter query q now required #/paths/~1items/get/parameters/0']);
    const optional = spec();
    optional.paths['/items'].get.parameters[0].required = true;
    expect(diffSpecs(optional, spec()).map((c) => [c.what, c.breaking])).toEqual([['now optional', false]]);
  });

  it('a parameter is the same parameter when it moves in the list', () => {
    expect(changesOf((s) => s.paths['/items'].get.parameters.unshift({ name: 'page', in: 'query', schema: { type: 'integer' } }))).toEqual(['non-breaking GET /items parameter query page added #/paths/~1items/get/parameters/0']);
  });

  it('an enum narrowed in a request is breaking; widened in a request is not; in a response the other way round', () => {
    expect(changesOf((s) => (s.paths['/items'].post.requestBody.content['application/json'].schema.properties.kind.enum = ['a']))).toEqual([`breaking POST /items request body field kind enum value removed: "b" ${itemsBody}/properties/kind`]);
    expect(changesOf((s) => s.paths['/items'].post.requestBody.content['application/json'].schema.properties.kind.enum.push('c'))).toEqual([`non-breaking POST /items request body field kind enum value added: "c" ${itemsBody}/properties/kind`]);
    const state = (s: Json) => s.paths['/items'].post.responses['200'].content['application/json'].schema.properties.state;
    expect(changesOf((s) => state(s).enum.push('failed'))[0]).toMatch(/^breaking POST \/items response 200 field state enum value added: "failed"/);
    expect(changesOf((s) => (state(s).enum = ['new']))[0]).toMatch(/^non-breaking .* enum value removed: "done"/);
  });

  it('a type widened in a request is not breaking; in a response it is; a narrowed request type is', () => {
    const size = (s: Json) => s.paths['/items'].post.requestBody.content['application/json'].schema.properties.size;
    expect(changesOf((s) => (size(s).type = ['integer', 'string']))).toEqual([`non-breaking POST /items request body field size type widened: integer -> integer|string ${itemsBody}/properties/size`]);
    expect(changesOf((s) => (size(s).type = 'number'))[0]).toMatch(/^non-breaking .* type widened: integer -> number/);
    expect(changesOf((s) => (s.components.schemas.Item.properties.id.type = ['integer', 'null']))[0]).toMatch(/^breaking GET \/items response 200 field \[\]\.id type widened: integer -> integer\|null/);
    expect(changesOf((s) => (size(s).type = 'string'))[0]).toMatch(/^breaking .* type changed: integer -> string/);
    const narrowed = spec();
    size(narrowed).type = 'number';
    expect(diffSpecs(narrowed, spec()).map((c) => [c.what, c.breaking])).toEqual([['type narrowed: number -> integer', true]]);
  });

  it('a new request body field is breaking only when required; a new response field never is', () => {
    const body = (s: Json) => s.paths['/items'].post.requestBody.content['application/json'].schema;
    expect(changesOf((s) => (body(s).properties.note = { type: 'string' }))).toEqual([`non-breaking POST /items request body field note added ${itemsBody}/properties/note`]);
    expect(
      changesOf((s) => {
        body(s).properties.note = { type: 'string' };
        body(s).required.push('note');
      }),
    ).toEqual([`breaking POST /items request body field note added, required ${itemsBody}/properties/note`]);
    expect(changesOf((s) => (s.components.schemas.Item.properties.extra = { type: 'object', required: ['x'], properties: { x: { type: 'string' } } }))).toEqual([
      `non-breaking GET /items response 200 field [].extra added ${itemsList}/items/properties/extra`, // its own fields are part of it
    ]);
  });

  it('a response field that is no longer always present is breaking; a removed request field is breaking', () => {
    expect(changesOf((s) => (s.components.schemas.Item.required = []))[0]).toMatch(/^breaking GET \/items response 200 field \[\]\.id now optional/);
    expect(changesOf((s) => delete s.paths['/items'].post.requestBody.content['application/json'].schema.properties.kind)).toEqual([`breaking POST /items request body field kind removed ${itemsBody}/properties/kind`]);
  });

  it('a removed operation is breaking, an added one is not', () => {
    expect(
      changesOf((s) => {
        delete s.paths['/gone'];
        s.paths['/new'] = { get: { responses: {} } };
      }),
    ).toEqual(['breaking DELETE /gone operation removed #/paths/~1gone/delete', 'non-breaking GET /new operation added #/paths/~1new/get']);
  });
});

describe('classifyField and bumpFor', () => {
  const field = (types: string[] | undefined, required = false, values?: unknown[]) => ({ types, required, enum: values });
  it('a field that allowed any type and now has one is narrowed: breaking in a request only', () => {
    expect(classifyField(field(undefined), field(['string']), 'request')).toEqual([{ what: 'type narrowed: any -> string', breaking: true, addition: false }]);
    expect(classifyField(field(undefined), field(['string']), 'response')[0]!.breaking).toBe(false);
  });

  it('major for any breaking change, minor for additions, patch for the rest, none when nothing changed', () => {
    const change = (breaking: boolean, addition: boolean): SpecChange => ({ operation: 'GET /x', pointer: '#', subject: 's', what: 'w', breaking, addition });
    expect(bumpFor([change(false, true), change(true, false)], true)).toBe('major');
    expect(bumpFor([change(false, true), change(false, false)], true)).toBe('minor');
    expect(bumpFor([change(false, false)], true)).toBe('patch');
    expect(bumpFor([], true)).toBe('patch');
    expect(bumpFor([], false)).toBeUndefined();
  });

  it('names a field by its pointer below the schema', () => {
    expect(fieldName('/properties/services/items/properties/id')).toBe('services[].id');
    expect(fieldName('/items/properties/a~1b/additionalProperties')).toBe('[].a/b{*}');
    expect(fieldName('/properties/invoice/properties/items/items/properties/linetotal')).toBe('invoice.items[].linetotal');
  });
});
