import { describe, expect, it } from 'vitest';
import { extractOperations, type DocsOperation } from '../src/docs/extract-operations.js';
import { RepairLog, type OpenApi, type PipelineContext } from '../src/model.js';
import { mergeDocsOperations } from '../src/rules/merge-docs.js';
import { richerText } from '../src/rules/richer-text.js';
import { assignTags } from '../src/rules/tags.js';
import { applyRules } from '../src/rules/types.js';
import { auditAll } from '../src/specs-audit.js';
import { SPECS_DIR } from '../src/generate.js';
import { unionOfSpecs } from '../src/steps/union.js';

/** A docs capture of two sections; the first opens with an introduction, the second does not. */
const DOCS = [
  'Backups',
  'Backups run in the background: each call queues a job.',
  'Poll GET /job/@id until it reports done.',
  'Start Backup',
  'Queues a backup of the volume',
  'curl -X POST "https://acme.example/api/backup"',
  'HTTP Request',
  'POST /backup',
  'Volumes',
  'List Volumes',
  'Lists your volumes',
  'curl -X GET "https://acme.example/api/volume"',
  'HTTP Request',
  'GET /volume',
  '',
].join('\n');

const SECTIONS = new Set(['Backups', 'Volumes']);
const context = (docs: DocsOperation[], catalogue: DocsOperation[] = []): PipelineContext => ({
  provider: { name: 'acme', title: 'Acme', auth: ['basic'] },
  docs: new Map(docs.map((d) => [`${d.method.toUpperCase()} ${d.path}`, { ...d, file: 'docs.txt' }])),
  catalogue: new Map(catalogue.map((d) => [`${d.method.toUpperCase()} ${d.path}`, [{ ...d, file: 'other.txt' }]])),
  log: new RepairLog(),
});
const empty = (): OpenApi => ({ openapi: '3.1.0', info: { title: 'Acme', version: '1' }, paths: {} });

describe('section introductions', () => {
  const operations = extractOperations(DOCS, 'docs.txt', SECTIONS);

  it('are read from the prose between a section heading and its first title, and kept out of that operation', () => {
    expect(operations.map((o) => o.sectionIntro)).toEqual(['Backups run in the background: each call queues a job.\nPoll GET /job/@id until it reports done.', undefined]);
    expect(operations[0]).toMatchObject({ title: 'Start Backup', description: 'Queues a backup of the volume', tag: 'Backups' });
  });

  it('become the description of their tag, from the own docs or another provider\'s, and only where there is one', () => {
    const ctx = context(operations);
    const out = applyRules(empty(), [mergeDocsOperations, assignTags], ctx);
    expect(out.tags).toEqual([{ name: 'Backups', description: operations[0]!.sectionIntro }, { name: 'Volumes' }]);
    expect(ctx.log.repairs.filter((r) => r.kind === 'tag-description-from-docs')).toEqual([{ kind: 'tag-description-from-docs', where: 'Backups' }]);
    // a Swagger-only provider with the same section borrows it; a vendor's own tag description stays
    const swagger: OpenApi = { ...empty(), tags: [{ name: 'Volumes', description: 'Disks' }], paths: { '/backup': { post: { tags: ['Backups'], responses: {} } }, '/volume': { get: { tags: ['Volumes'], responses: {} } } } };
    expect(applyRules(swagger, [assignTags], context([], operations)).tags).toEqual([{ name: 'Backups', description: operations[0]!.sectionIntro }, { name: 'Volumes', description: 'Disks' }]);
  });
});

describe('richer text', () => {
  it('takes the text that says all the other says and more, or twice as much', () => {
    expect(richerText('Volume ID', 'Volume ID, see GET /volume')).toBe('Volume ID, see GET /volume');
    expect(richerText('Size', 'The size of the new disk in gigabytes')).toBe('The size of the new disk in gigabytes');
    expect(richerText(undefined, 'Size')).toBe('Size');
  });

  it('keeps the current text when the other says the same, less, or something else', () => {
    expect(richerText('Volume ID, see GET /volume', 'Volume ID')).toBe('Volume ID, see GET /volume');
    expect(richerText('Size in <code>GB</code>', 'Size in GB')).toBe('Size in <code>GB</code>');
    expect(richerText('Mode\nAvailable values:', 'Mode')).toBe('Mode\nAvailable values:');
    expect(richerText('Templates from GET /service/$id/templates', 'Templates from GET /service/$id/vms/$vmid/rebuild')).toBe('Templates from GET /service/$id/templates');
  });

  it('replaces a Swagger text the docs say more about, once, and logs it', () => {
    const [backup] = extractOperations(DOCS, 'docs.txt', SECTIONS);
    const doc = { ...backup!, description: 'Queues a backup of the volume; poll the job it returns', parameters: [{ name: 'label', type: 'string', description: 'Label of the backup, shown in the panel', line: 5 }], bodyFields: ['label'] };
    const swagger: OpenApi = {
      ...empty(),
      paths: { '/backup': { post: { summary: 'Backup', description: 'Queues a backup of the volume', requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { label: { type: 'string', description: 'Label' } } } } } }, responses: {} } } },
    };
    const ctx = context([doc]);
    const out = applyRules(swagger, [mergeDocsOperations], ctx) as any;
    const op = out.paths['/backup'].post;
    expect(op.description).toBe('Queues a backup of the volume; poll the job it returns');
    expect(op.summary).toBe('Start Backup');
    expect(op.requestBody.content['application/json'].schema.properties.label.description).toBe('Label of the backup, shown in the panel');
    expect(ctx.log.repairs.filter((r) => r.kind === 'text-from-docs').map((r) => `${r.where} ${r.detail}`)).toEqual(['POST /backup summary', 'POST /backup description', 'POST /backup body label description']);
  });
});

describe('richer text in a union', () => {
  it('takes a later provider\'s text that says more, and keeps the first where the later says the same or less', () => {
    const provider = (description: string, field: string, summary: string): OpenApi => ({
      ...empty(),
      paths: { '/job': { post: { summary, description, requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { kind: { type: 'string', description: field } } } } } }, responses: {} } } },
    });
    const log = new RepairLog();
    const union = unionOfSpecs(
      [
        { name: 'a', spec: provider('Runs a job:\n- `backup`', 'Job kind', 'Run job') },
        { name: 'b', spec: provider('Runs a job:\n- backup\n- restore', 'Kind', 'Start a job right now, in the queue of jobs') },
      ],
      { title: 'Union', version: '1' },
      log,
    ) as any;
    const op = union.paths['/job'].post;
    expect([op.description, op.summary, op.requestBody.content['application/json'].schema.properties.kind.description]).toEqual(['Runs a job:\n- backup\n- restore', 'Run job', 'Job kind']);
    expect(log.repairs.find((r) => r.kind === 'union-operation-extended')).toEqual({ kind: 'union-operation-extended', where: 'POST /job', detail: 'b: description (richer text)' });
  });
});

describe('the committed specs', () => {
  it('describe the tags whose docs sections open with an introduction', () => {
    const hostens = auditAll(SPECS_DIR, ['hostens'])[0]!;
    expect(hostens.tags.described).toBeGreaterThanOrEqual(2);
  });
});
