import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../src/exit-codes.js';
import { buildRequest, coerce, findOperation, operations, readBody, type Doc } from '../src/params.js';
import fixture from './fixtures/shapes.json' with { type: 'json' };

const doc = fixture as unknown as Doc;
const op = (method: string, path: string) => findOperation(doc, method, path)!;
const LIST = op('GET', '/v2/app/widget');
const CREATE = op('POST', '/v2/app/widget');
const ONE = op('GET', '/v2/app/widget/{shop}/{widget_id}');

function usage(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('no UsageError');
}

describe('operations of a spec', () => {
  it('resolves $ref parameters and bodies, merges path-level parameters, and orders path parameters as the path names them', () => {
    expect(LIST.parameters.map((p) => p.name)).toEqual(['colour', 'active', 'limit']);
    expect(ONE.parameters.map((p) => `${p.in}:${p.name}`)).toEqual(['path:shop', 'path:widget_id']);
    expect(CREATE.body?.required).toBe(true);
    expect(operations(doc)).toHaveLength(15);
  });

  it('labels an operation by operationId and route, or by route alone', () => {
    expect(LIST.label).toBe('widgets_all (GET /v2/app/widget)');
    expect(CREATE.label).toBe('POST /v2/app/widget');
  });
});

describe('buildRequest checks what was typed against the spec', () => {
  it('coerces by schema type: integer, boolean, a type list, an enum holding a number', () => {
    expect(buildRequest(doc, LIST, { named: { limit: '10', active: 'false', colour: '3' } }).params.query).toEqual({ limit: 10, active: false, colour: 3 });
    expect(buildRequest(doc, LIST, { named: { limit: '1', active: true } }).params.query).toEqual({ limit: 1, active: true });
    expect(buildRequest(doc, ONE, { positional: ['north', '7'] }).params.path).toEqual({ shop: 'north', widget_id: 7 });
    expect(buildRequest(doc, ONE, { positional: ['north', 'w-7'] }).params.path).toEqual({ shop: 'north', widget_id: 'w-7' });
  });

  it('keeps a value whose schema has no type a string, and reads a number only where a number is allowed', () => {
    expect(coerce(doc, {}, '113', 'x')).toBe('113');
    expect(coerce(doc, { type: 'string' }, '113', 'x')).toBe('113');
    expect(coerce(doc, { type: 'number' }, '1.5', 'x')).toBe(1.5);
    expect(coerce(doc, { type: ['null', 'integer'] }, 'null', 'x')).toBeNull();
    expect(() => coerce(doc, { type: 'number' }, '', 'op: x')).toThrow('op: x: expected number, got ""');
  });

  it('refuses a wrong type or a value outside the enum, naming operation and parameter', () => {
    expect(usage(() => buildRequest(doc, LIST, { named: { limit: '1.5' } }))).toBe('widgets_all (GET /v2/app/widget): limit: expected integer, got "1.5"');
    expect(usage(() => buildRequest(doc, LIST, { named: { limit: '1', active: 'yes' } }))).toBe('widgets_all (GET /v2/app/widget): active: expected boolean, got "yes"');
    expect(usage(() => buildRequest(doc, LIST, { named: { limit: '1', colour: 'blue' } }))).toBe('widgets_all (GET /v2/app/widget): colour: expected one of: red, green, 3, got "blue"');
  });

  it('refuses an unknown name and a missing required path or query parameter', () => {
    expect(usage(() => buildRequest(doc, LIST, { named: { limit: '1', nope: 'x' } }))).toBe('widgets_all (GET /v2/app/widget): unknown parameter nope (known: colour, active, limit)');
    expect(usage(() => buildRequest(doc, LIST, {}))).toBe('widgets_all (GET /v2/app/widget): missing required query parameter limit');
    expect(usage(() => buildRequest(doc, ONE, { positional: ['north'] }))).toBe('OneWidget (GET /v2/app/widget/{shop}/{widget_id}): missing required path parameter widget_id');
    expect(usage(() => buildRequest(doc, ONE, { positional: ['a', '1', '2'] }))).toContain('takes 2 path value(s)');
  });

  it('builds the body from name=value fields (allOf parts included), JSON for arrays and objects, and checks it', () => {
    expect(buildRequest(doc, CREATE, { named: { name: 'w', size: 'small', tags: '["a"]', meta: '{"owner":"me"}' } }).body).toEqual({ name: 'w', size: 'small', tags: ['a'], meta: { owner: 'me' } });
    expect(buildRequest(doc, CREATE, { named: { name: 'w', size: '3' } }).body).toEqual({ name: 'w', size: 3 });
    expect(usage(() => buildRequest(doc, CREATE, { named: { name: 'w', size: 'medium' } }))).toBe('POST /v2/app/widget: size: expected integer or one of: small, large, got "medium"');
    expect(usage(() => buildRequest(doc, CREATE, { named: { size: '3' } }))).toBe('POST /v2/app/widget: body: missing required field name');
    expect(usage(() => buildRequest(doc, CREATE, {}))).toBe('POST /v2/app/widget: body: missing required field name');
    expect(usage(() => buildRequest(doc, CREATE, { named: { name: 'w', colour: 'red' } }))).toContain('unknown parameter colour');
  });

  it('checks a --body the same way, down to nested fields, and lets name=value fields add to it', () => {
    expect(buildRequest(doc, CREATE, { body: { name: 'w' }, named: { size: 'large' } }).body).toEqual({ name: 'w', size: 'large' });
    expect(usage(() => buildRequest(doc, CREATE, { body: { name: 'w', meta: {} } }))).toBe('POST /v2/app/widget: body.meta: missing required field owner');
    expect(usage(() => buildRequest(doc, CREATE, { body: { name: 'w', tags: [1] } }))).toBe('POST /v2/app/widget: body.tags[0]: expected string, got 1');
    expect(usage(() => buildRequest(doc, CREATE, { body: { name: 'w', extra: 1 } }))).toBe('POST /v2/app/widget: unknown body field extra (known: name, size, tags, meta)');
    expect(usage(() => buildRequest(doc, LIST, { named: { limit: '1' }, body: {} }))).toBe('widgets_all (GET /v2/app/widget): takes no body');
  });
});

describe('readBody', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cli-body-'));
  it('reads inline JSON, @file and standard input', () => {
    writeFileSync(join(dir, 'ok.json'), '{"name":"w"}');
    expect(readBody('{"a":1}')).toEqual({ a: 1 });
    expect(readBody(`@${join(dir, 'ok.json')}`)).toEqual({ name: 'w' });
    expect(readBody('-', () => '[1]')).toEqual([1]);
  });
  it('names the file that is missing or not JSON', () => {
    writeFileSync(join(dir, 'bad.json'), '{nope');
    expect(usage(() => readBody(`@${join(dir, 'missing.json')}`))).toBe(`--body: cannot read ${join(dir, 'missing.json')}: ENOENT`);
    expect(usage(() => readBody(`@${join(dir, 'bad.json')}`))).toMatch(new RegExp(`^--body: ${join(dir, 'bad.json')} is not JSON`));
    expect(usage(() => readBody('{'))).toMatch(/^--body: the argument is not JSON/);
  });
});
