import { describe, expect, it } from 'vitest';
import { SPECS_DIR } from '../src/generate.js';
import { RepairLog, type OpenApi } from '../src/model.js';
import { dropEmptyValueLists, withoutEmptyValueList } from '../src/rules/empty-value-lists.js';
import { applyRules } from '../src/rules/types.js';
import { auditAll } from '../src/specs-audit.js';

describe('drop-empty-value-lists', () => {
  it('drops a trailing value-list label with nothing after it, in any of its spellings', () => {
    expect(withoutEmptyValueList('Account Type\nAvailable values:')).toBe('Account Type');
    expect(withoutEmptyValueList('Status. Possible values: ')).toBe('Status.');
    expect(withoutEmptyValueList('Mode, allowed options:\n')).toBe('Mode,');
    expect(withoutEmptyValueList('Zip - 5 digits.\nValue pattern:')).toBe('Zip - 5 digits.');
  });

  it('keeps a label whose values follow, and prose that only mentions values', () => {
    for (const text of ['Status. Possible values: active, suspended', 'Available values:\n- a\n- b', 'The available values are listed below']) expect(withoutEmptyValueList(text)).toBe(text);
  });

  it('rewrites parameter texts and logs only the ones it changed', () => {
    const spec = {
      openapi: '3.1.0',
      info: { title: 'Acme', version: '1' },
      paths: { '/vm': { get: { parameters: [{ name: 'type', in: 'query', description: 'Type\nAvailable values:', schema: { type: 'string' } }, { name: 'page', in: 'query', description: 'Page', schema: { type: 'integer' } }], responses: { '200': { description: 'ok' } } } } },
    } as OpenApi;
    const log = new RepairLog();
    const out = applyRules(spec, [dropEmptyValueLists], { provider: { name: 'acme', title: 'Acme', auth: ['basic'] }, docs: new Map(), catalogue: new Map(), log }) as any;
    expect(out.paths['/vm'].get.parameters.map((p: { description: string }) => p.description)).toEqual(['Type', 'Page']);
    expect(log.repairs).toEqual([{ kind: 'empty-value-list-dropped', where: 'GET /vm type', detail: 'description' }]);
  });
});

describe('the committed specs', () => {
  it('end no text in an empty "Available values:" (specs:audit figure is 0)', () => {
    for (const audit of auditAll(SPECS_DIR)) expect(audit.emptyValueLists, audit.provider).toEqual([]);
  });
});
