import { describe, expect, it } from 'vitest';
import { RepairLog, type OpenApi } from '../src/model.js';
import { buildProvider } from '../src/pipeline.js';
import { summarizeOperations, words } from '../src/rules/summaries.js';

const ok = { '200': { description: 'OK', content: { 'application/json': { example: { done: true } } } } };
const doc = (paths: Record<string, unknown>) => ({ openapi: '3.1.0', info: { title: 'Acme', version: '1' }, servers: [{ url: 'https://acme.example.net/api' }], paths }) as OpenApi;

describe('summarize-operations', () => {
  it("gives a summary only where there is none: the description's first short sentence, else the operationId as words", () => {
    const log = new RepairLog();
    const spec = summarizeOperations.apply(
      doc({
        '/vm': { get: { operationId: 'listVms', description: 'Lists every VM. Paged by 50.', responses: ok }, post: { operationId: 'createVm', summary: 'Order a VM', responses: ok } },
        '/dns/{zone}': { put: { operationId: 'updateDNSZone', description: `${'A very long explanation '.repeat(5)}of what it does.`, responses: ok }, delete: { description: '  ', responses: ok } },
      }),
      { provider: { name: 'acme', title: 'Acme', auth: ['basic'] }, docs: new Map(), catalogue: new Map(), log },
    ) as Record<string, any>;
    expect(spec.paths['/vm'].get.summary).toBe('Lists every VM');
    expect(spec.paths['/vm'].post.summary).toBe('Order a VM'); // the vendor's, kept
    expect(spec.paths['/dns/{zone}'].put.summary).toBe('Update DNS zone');
    expect(spec.paths['/dns/{zone}'].delete.summary).toBe('DELETE /dns/{zone}');
    expect(log.repairs.map((r) => r.where)).toEqual(['GET /vm', 'PUT /dns/{zone}', 'DELETE /dns/{zone}']);
  });

  it('reads an operationId as words, acronyms and numbers kept', () => {
    expect(words('listServices')).toBe('List services');
    expect(words('rebootVPS2')).toBe('Reboot VPS 2');
    expect(words('refreshToken')).toBe('Refresh token');
  });

  it('an export without summaries becomes a valid spec (it failed Redocly\'s operation-summary before)', async () => {
    const value = doc({ '/vm': { get: { operationId: 'listVms', responses: ok } }, '/vm/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }], responses: ok } } });
    const input = { config: { name: 'acme', title: 'Acme', auth: ['basic' as const], openapi: 'source/api.json' }, api: { kind: 'openapi3' as const, version: '3.1.0', file: 'acme/source/api.json', value, escapedControlCharacters: 0 }, docs: [], patches: [], unites: [] };
    const { spec } = await buildProvider(input, new Map(), new Map());
    expect(spec.paths?.['/vm']?.get?.summary).toBe('List vms');
    expect(spec.paths?.['/vm/{id}']?.get?.summary).toMatch(/\S/);
  });
});
