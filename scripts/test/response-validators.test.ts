// The validators the package generator compiles (Ajv standalone code, loaded by clients with validateResponses on).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { providers } from '@hostbill-api/test-support';
import type { OpenApi } from '../src/openapi.js';
import { closeObjects, responseSchemas, validatorsSource } from '../src/package/validators.js';
import { committedSpec } from './helpers.js';

type Validate = ((data: unknown) => boolean) & { errors?: Array<{ keyword: string; instancePath: string; params: Record<string, unknown> }> | null };
const scratch = mkdtempSync(join(tmpdir(), 'validators-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function compiled(name: string, spec: OpenApi): Promise<Record<string, Validate>> {
  const file = join(scratch, `${name}.mjs`);
  writeFileSync(file, validatorsSource(name, spec));
  return ((await import(pathToFileURL(file).href)) as { table: Record<string, Validate> }).table;
}

describe('closeObjects', () => {
  it('closes objects that list their properties, but not allOf members, maps, or objects that say otherwise', () => {
    const schema = {
      type: 'object',
      properties: { a: { type: 'object', properties: { b: { type: 'string' } } }, map: { type: 'object', additionalProperties: { type: 'integer' } } },
      allOf: [{ properties: { c: { type: 'string' } } }],
      example: { a: { b: 'x' } },
    };
    expect(closeObjects(schema)).toEqual({
      type: 'object',
      properties: { a: { type: 'object', properties: { b: { type: 'string' } }, additionalProperties: false }, map: { type: 'object', additionalProperties: { type: 'integer' } } },
      allOf: [{ properties: { c: { type: 'string' } } }],
    });
  });
});

describe('generated response validators', () => {
  it('report the drifts of an answer with Ajv error shapes, and need no Ajv at run time', async () => {
    const spec = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: { '/vm/{id}': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Vm' } } } } } } } },
      components: { schemas: { Vm: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } }, required: ['id', 'name'] } } },
    } as unknown as OpenApi;
    const source = validatorsSource('acme', spec);
    expect(source).not.toMatch(/\brequire\(|from ["']ajv/);
    const validate = (await compiled('acme', spec))['GET /vm/{id}']!;
    expect(validate({ id: 1, name: 'a' })).toBe(true);
    expect(validate({ id: 'x', extra: true })).toBe(false);
    expect(validate.errors!.map((e) => e.keyword).sort()).toEqual(['additionalProperties', 'required', 'type']);
  });

  it.each(providers().map((p) => p.name))('%s: every vendor example of a 200 answer passes its validator', async (name) => {
    const spec = committedSpec(name) as OpenApi;
    const table = await compiled(name, spec);
    expect(Object.keys(table)).toEqual(responseSchemas(spec).map(([key]) => key));
    let checked = 0;
    for (const [path, item] of Object.entries(spec.paths ?? {})) {
      for (const [method, operation] of Object.entries(item as Record<string, { responses?: Record<string, { content?: Record<string, { example?: unknown }> }> }>)) {
        const example = operation.responses?.['200']?.content?.['application/json']?.example;
        const validate = table[`${method.toUpperCase()} ${path}`];
        if (example === undefined || !validate) continue;
        checked++;
        expect(validate(example), `${method.toUpperCase()} ${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(0);
  }, 120_000);
});
