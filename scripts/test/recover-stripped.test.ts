// The stripped capture's defect (every line holding only a bracket lost), on fragments in shapes the seeds do not have.
import { describe, expect, it } from 'vitest';
import { extractOperations } from '../src/docs/extract-operations.js';
import { operationKey, RepairLog, type OpenApi, type PipelineContext } from '../src/model.js';
import { buildCatalogue } from '../src/pipeline.js';
import { inferResponseSchemas } from '../src/rules/response-schemas.js';
import { templateShape } from '../src/rules/path-shape.js';
import { recoverStrippedJson } from '../src/steps/recover-stripped.js';
import { repairJson } from '../src/steps/repair-json.js';
import type { ProviderInput } from '../src/steps/read-provider.js';

// a cluster of nodes, each with a list of disks: three levels, every bracket line gone
const NESTED = ['"cluster": {', '"name": "c1",', '"nodes": [', '"host": "n1",', '"disks": [', '"size": 10,', '"ssd": true', '"size": 20,', '"ssd": false', '"host": "n2",', '"disks": []'];
const CLUSTER = {
  nodes: [
    { host: 'n1', disks: [{ size: 10, ssd: true }, { size: 20, ssd: false }] },
    { host: 'n2', disks: [] },
  ],
};

describe('stripped capture: nesting rebuilt from key/value lines', () => {
  it('rebuilds three levels from commas, unique keys and records that start alike', () => {
    // "name" again cannot be the cluster's (it has one): only the top level takes it
    const text = [...NESTED, '"name": "eu-1"'].join('\n');
    expect(repairJson(text).ok).toBe(false);
    expect(recoverStrippedJson(text)).toMatchObject({ ok: true, value: { cluster: { name: 'c1', ...CLUSTER }, name: 'eu-1' }, templated: 0, emptied: 0 });
  });

  it('a key that fits the cluster and the top level alike is ambiguous: reported with its line, never guessed', () => {
    const text = [...NESTED, '"region": "eu"'].join('\n');
    expect(recoverStrippedJson(text)).toEqual({ ok: false, reason: expect.stringMatching(/^ambiguous nesting: "region" \(line 12\) fits in more than one place/) });
  });

  it('a complete example of the same operation from another source decides where the key goes', () => {
    const text = [...NESTED, '"region": "eu"'].join('\n');
    const template = { cluster: { name: 'x', nodes: [], region: 'us' } };
    expect(recoverStrippedJson(text, [template])).toMatchObject({ ok: true, value: { cluster: { name: 'c1', ...CLUSTER, region: 'eu' } } });
  });

  it('indentation, where the capture kept it, decides what commas cannot', () => {
    const indented = [...NESTED, '"region": "eu"'].map((line, i) => `${'  '.repeat([1, 2, 2, 4, 4, 6, 6, 6, 6, 4, 4, 1][i]!)}${line}`).join('\n');
    expect(recoverStrippedJson(indented)).toMatchObject({ ok: true, value: { cluster: { name: 'c1', ...CLUSTER }, region: 'eu' } });
  });

  it('an opening line with nothing after it is a container whose content was lost, counted as such', () => {
    expect(recoverStrippedJson('"ok": true,\n"messages": [')).toEqual({ ok: true, value: { ok: true, messages: [] }, restored: 3, templated: 0, emptied: 1 });
  });

  it('items keep their values as written, notes after them dropped', () => {
    expect(recoverStrippedJson('"rights": [\n"read", // may read\n"write"')).toMatchObject({ ok: true, value: { rights: ['read', 'write'] } });
  });

  it('refuses a string whose end was lost, and a text whose brackets are all there', () => {
    expect(recoverStrippedJson('"notes": "line one\nline two\n"next": 1')).toEqual({ ok: false, reason: 'line 1: a string value\'s end was lost' });
    expect(recoverStrippedJson('{\n"a": [\n1\n]\n}')).toEqual({ ok: false, reason: 'the brackets are all there: not a stripped fragment' });
  });
});

const STRIPPED_DOCS = `Cluster
Example Response:
${[...NESTED, '"region": "eu"'].join('\n')}
HTTP Request
GET /cluster/@id
Nodes
Example Response:
"nodes": [
"host": "n1"
HTTP Request
GET /nodes
Zones
Example Response:
"error": [
"not allowed"
HTTP Request
GET /zones
`;
const COMPLETE_DOCS = `Cluster
Example Response:
{ "cluster": { "name": "x", "nodes": [], "region": "us" } }
HTTP Request
GET /cluster/@id
`;

function run(spec: OpenApi) {
  const inputs = [
    { docs: [{ file: 'beta/source/stripped.txt', operations: extractOperations(STRIPPED_DOCS, 'stripped') }] },
    { docs: [{ file: 'gamma/source/docs.txt', operations: extractOperations(COMPLETE_DOCS, 'docs') }] },
  ] as unknown as ProviderInput[];
  const docs = new Map(inputs[0]!.docs[0]!.operations.map((op) => [operationKey(op.method, templateShape(op.path)), { ...op, file: 'beta/source/stripped.txt' }]));
  const log = new RepairLog();
  const context = { provider: { name: 'beta', title: 'Beta', auth: ['basic'] }, docs, catalogue: buildCatalogue(inputs), log } as unknown as PipelineContext;
  const out = inferResponseSchemas.apply(structuredClone(spec), context);
  return { out: out as unknown as { paths: Record<string, any>; components: { schemas: Record<string, any> } }, log };
}

const operation = (operationId: string) => ({ operationId, responses: {} });

describe('stripped capture: recovered examples as schema evidence', () => {
  const spec = {
    openapi: '3.1.0',
    info: { title: 'b', version: '1' },
    paths: {
      '/cluster/{id}': { get: operation('getCluster') },
      '/zones': { get: operation('listZones') },
      '/nodes': {
        get: {
          operationId: 'listNodes',
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { nodes: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] } } }, required: ['nodes'] } } } } },
        },
      },
    },
  } as unknown as OpenApi;

  it('types a response from the rebuilt example, another provider\'s docs as template, and attaches no rebuilt example', () => {
    const { out, log } = run(spec);
    const media = out.paths['/cluster/{id}'].get.responses['200'].content['application/json'];
    expect(media.example).toBeUndefined();
    expect(out.components.schemas.GetClusterResponse.properties.cluster.properties.region).toEqual({ type: 'string' });
    expect(log.repairs).toContainEqual(expect.objectContaining({ kind: 'example-recovered', where: 'GET /cluster/{id}', detail: expect.stringContaining('placed by 1 complete example') }));
  });

  it('an operation typed before (a united provider) widens to accept its own docs\' rebuilt example', () => {
    const { out, log } = run(spec);
    const items = out.paths['/nodes'].get.responses['200'].content['application/json'].schema.properties.nodes.items;
    expect(items.properties.host).toEqual({ type: 'string' });
    expect(items.required).toBeUndefined(); // the vendor's record has no id
    expect(log.repairs.filter((r) => r.kind === 'example-evidence-widened').map((r) => r.where)).toEqual(['GET /nodes #/nodes/items/host: new optional field', 'GET /nodes #/nodes/items: id no longer required']);
  });

  it('an example that is the platform\'s error answer does not type the success', () => {
    const { out, log } = run(spec);
    expect(out.paths['/zones'].get.responses['200'].content['application/json'].schema).toEqual({ type: 'object', additionalProperties: true });
    expect(log.repairs).toContainEqual(expect.objectContaining({ kind: 'example-is-error-answer', where: 'GET /zones' }));
  });
});

describe('prose and example disagree', () => {
  it('a collection GET whose text speaks of a list while its example is one record: the schema takes the record or a list, the example stays', () => {
    const text = 'Volumes\nList volumes\nLists all volumes of the account\nExample Response:\n{ "volume_id": 3, "size": 10 }\nHTTP Request\nGET /volumes\n';
    const [volumes] = extractOperations(text, 'docs');
    const log = new RepairLog();
    const context = { provider: { name: 'beta' }, docs: new Map([['GET /volumes', { ...volumes!, file: 'beta/source/docs.txt' }]]), catalogue: new Map(), log } as unknown as PipelineContext;
    const spec = { openapi: '3.1.0', info: { title: 'b', version: '1' }, paths: { '/volumes': { get: { ...operation('listVolumes'), summary: volumes!.title, description: volumes!.description } } } } as unknown as OpenApi;
    const out = inferResponseSchemas.apply(spec, context) as unknown as { paths: Record<string, any>; components: { schemas: Record<string, any> } };
    const media = out.paths['/volumes'].get.responses['200'].content['application/json'];
    expect(media.example).toEqual({ volume_id: 3, size: 10 });
    expect(out.components.schemas.ListVolumesResponse).toEqual({ anyOf: [{ $ref: '#/components/schemas/ListVolumesItem' }, { type: 'array', items: { $ref: '#/components/schemas/ListVolumesItem' } }] });
    expect(log.repairs).toContainEqual(expect.objectContaining({ kind: 'prose-and-example-disagree', where: 'GET /volumes' }));
  });
});

describe('stripped capture: bounded work', () => {
  it('a fragment that nests every line gives up within its bound, with a reason', () => {
    const deep = [...Array.from({ length: 300 }, (_, i) => `"k${i}": {`), ...Array.from({ length: 300 }, (_, i) => `"v${i}": ${i}`)].join('\n');
    expect(recoverStrippedJson(deep)).toEqual({ ok: false, reason: 'too many ways to nest the lines to tell them apart' });
    expect(recoverStrippedJson(Array.from({ length: 1001 }, (_, i) => `"k${i}": 1,`).join('\n'))).toEqual({ ok: false, reason: 'more than 1000 lines: too long to rebuild' });
  });

  it('brackets the capture kept are honoured: a kept "]" closes its own array only', () => {
    expect(recoverStrippedJson('"a": [\n[\n"x": 1\n]\n"b": 2')).toMatchObject({ ok: true, value: { a: [[{ x: 1 }]], b: 2 } });
  });
});
