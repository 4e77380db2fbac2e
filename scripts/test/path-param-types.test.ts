import { describe, expect, it } from 'vitest';
import { RepairLog, type OpenApi, type PipelineContext } from '../src/model.js';
import { unifyPathParamTypes } from '../src/rules/path-param-types.js';
import { applyRules } from '../src/rules/types.js';
import { SPECS_DIR } from '../src/generate.js';
import { auditAll } from '../src/specs-audit.js';

const context = (log = new RepairLog()): PipelineContext => ({ provider: { name: 'acme', title: 'Acme', auth: ['basic'] }, docs: new Map(), catalogue: new Map(), log });
const pathParam = (name: string, type: unknown) => ({ name, in: 'path', required: true, schema: { type } });
const ok = { '200': { description: 'ok' } };

/** One vendor's Swagger types `/vm/{id}` integer, its docs table string; `{disk}` differs under another resource only. */
const fixture = (): OpenApi =>
  ({
    openapi: '3.1.0',
    info: { title: 'Acme', version: '1' },
    paths: {
      '/vm/{id}': { get: { parameters: [pathParam('id', 'integer')], responses: ok }, delete: { parameters: [pathParam('id', 'string')], responses: ok } },
      '/vm/{id}/disk/{disk}': { get: { parameters: [pathParam('id', 'integer'), pathParam('disk', 'integer')], responses: ok } },
      '/vm/{id}/disk/{disk}/resize': { post: { parameters: [pathParam('id', ['integer', 'null']), pathParam('disk', 'number')], responses: ok } },
      '/volume/{id}': { get: { parameters: [pathParam('id', 'integer')], responses: ok } },
    },
  }) as OpenApi;

describe('unify-path-param-types', () => {
  it('the same parameter of one resource takes every type its operations gave it, the widest', () => {
    const log = new RepairLog();
    const spec = applyRules(fixture(), [unifyPathParamTypes], context(log)) as any;
    expect(spec.paths['/vm/{id}'].get.parameters[0].schema.type).toEqual(['string', 'integer']);
    expect(spec.paths['/vm/{id}'].delete.parameters[0].schema.type).toEqual(['string', 'integer']);
    // integer and number are one number
    expect(spec.paths['/vm/{id}/disk/{disk}'].get.parameters[1].schema.type).toBe('number');
    // another resource's {id} is its own
    expect(spec.paths['/volume/{id}'].get.parameters[0].schema.type).toBe('integer');
    expect(log.repairs).toContainEqual({ kind: 'path-param-type-unified', where: 'GET /vm/{id}', detail: 'id: integer -> string | integer' });
  });

  it('leaves a schema that is not plain scalars (null, $ref) as it is, and logs only changes', () => {
    const log = new RepairLog();
    const spec = applyRules(fixture(), [unifyPathParamTypes], context(log)) as any;
    expect(spec.paths['/vm/{id}/disk/{disk}/resize'].post.parameters[0].schema.type).toEqual(['integer', 'null']);
    const again = new RepairLog();
    applyRules(spec, [unifyPathParamTypes], context(again));
    expect(again.repairs).toEqual([]);
    expect(log.repairs.map((r) => r.where)).not.toContain('GET /volume/{id}');
  });
});

describe('the committed specs', () => {
  it('type each resource path parameter one way (specs:audit "path parameters typed differently within a resource" is 0)', () => {
    for (const audit of auditAll(SPECS_DIR)) expect(audit.pathParamTypeSplits, audit.provider).toEqual([]);
  });
});
