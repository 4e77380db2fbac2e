import { describe, expect, it } from 'vitest';
import type { DocsOperation } from '../src/docs/extract-operations.js';
import { RepairLog, type HttpMethod, type OpenApi, type PipelineContext } from '../src/model.js';
import { mergeDocsOperations } from '../src/rules/merge-docs.js';

// docs rows in shapes the seeds lack: a query parameter and a body field marked "(required",
// prose that mentions "required" without marking the row, and a field the Swagger already types
const row = (name: string, type: string, description: string) => ({ name, type, description, line: 1 });
const doc = (method: string, path: string, parameters: DocsOperation['parameters'], bodyFields: string[] = []): DocsOperation & { file: string } => ({
  method: method as HttpMethod,
  documentedPath: path.replace(/\{(\w+)\}/g, '@$1'),
  path,
  title: 'T',
  description: '',
  tag: 'Vms',
  parameters,
  bodyFields,
  auth: 'basic',
  exampleResponse: undefined,
  line: 1,
  file: 'acme/source/docs.txt',
});

function merged(docs: Array<DocsOperation & { file: string }>) {
  const spec: OpenApi = {
    openapi: '3.1.0',
    info: { title: 'Acme', version: '1' },
    paths: { '/vm/{id}/resize': { post: { operationId: 'resizeVm', requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { size: { type: 'string' } } } } } }, responses: {} } } },
  };
  const log = new RepairLog();
  const context = { docs: new Map(docs.map((d) => [`${d.method.toUpperCase()} ${d.path}`, d])), log } as unknown as PipelineContext;
  return { spec: mergeDocsOperations.apply(spec, context) as OpenApi, log };
}

describe('required from the docs tables', () => {
  it('requires a body field and a query parameter whose row says "(required", and logs each', () => {
    const { spec, log } = merged([
      doc('post', '/vm/{id}/resize', [row('id', 'int', 'VM id'), row('size', 'string', 'New size (required, one of: s, m, l)'), row('reason', 'string', 'Why, not required'), row('zone', 'string', 'Zone; required for some plans')], ['size', 'reason', 'zone']),
      doc('get', '/vm', [row('zone', 'string', 'Zone name (Required)'), row('page', 'int', 'Page')]),
    ]);
    const body = (spec.paths!['/vm/{id}/resize']!.post!.requestBody as { content: Record<string, { schema: { required?: string[] } }> }).content['application/json']!.schema;
    expect(body.required).toEqual(['size']);
    const list = spec.paths!['/vm']!.get!.parameters as Array<{ name: string; required?: boolean }>;
    expect(list.map((p) => `${p.name}:${p.required === true}`)).toEqual(['zone:true', 'page:false']);
    expect(log.repairs.filter((r) => r.kind === 'required-from-docs')).toEqual([
      { kind: 'required-from-docs', where: 'POST /vm/{id}/resize', detail: 'body size' },
      { kind: 'required-from-docs', where: 'GET /vm', detail: 'query zone' },
    ]);
  });
});
