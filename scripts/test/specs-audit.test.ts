import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsEvidence, structuredEvidence } from '../src/audit/vendor-evidence.js';
import { auditAll, runAudit } from '../src/specs-audit.js';

// a provider in shapes the seeds lack: both table forms, `// notes` and a trailing comma in an
// example, doubled braces, POST_DATA with placeholders, an object keyed by ids, an untyped answer
const FIXTURE = join(import.meta.dirname, 'fixtures', 'audit');

function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'specs-audit-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

describe('vendor evidence from an API document', () => {
  it('reads a ```json block in a 200 description, closed or left open at the end, and the format\'s own examples', () => {
    const document = {
      paths: {
        '/crate': { get: { responses: { 200: { description: 'Crates\n```json\n\r{ "crates": [] }' } } } },
        '/lid/{id}': { get: { responses: { 200: { description: '```json\n{ "lid": 1 }\n```\nmore text' } } } },
        '/box': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { examples: { a: { value: { box: 2 } } } } } } } } },
      },
    };
    expect(structuredEvidence(document, 'acme/api.json').samples.map((s) => `${s.shape}: ${s.text.replace(/\s+/g, '')}`)).toEqual(['get /crate: {"crates":[]}', 'get /lid/{}: {"lid":1}', 'get /box: {"box":2}']);
  });

  it('matches the paths as the pipeline writes them: a base path every path repeats is the server\'s, and a shared answer is read through its $ref', () => {
    const document = {
      paths: {
        '/api/crate': { get: { parameters: [{ name: 'zone', in: 'query', required: true }], responses: { 200: { $ref: '#/components/responses/Crates' } } } },
        '/api/lid/{id}': { get: { responses: { 200: { description: '```json\n{ "lid": 1 }\n```' } } } },
      },
      components: { responses: { Crates: { $ref: '#/components/responses/Listed' }, Listed: { description: 'ok', content: { 'application/json': { example: { crates: [] } } } } } },
    };
    const evidence = structuredEvidence(document, 'acme/api.json');
    expect(evidence.samples.map((s) => `${s.shape}: ${s.text}`)).toEqual(['get /crate: {"crates":[]}', 'get /lid/{}: { "lid": 1 }']);
    expect(evidence.parameters.map((p) => `${p.shape} ${p.name} ${p.required}`)).toEqual(['get /crate zone true']);
  });
});

describe('vendor evidence from docs text', () => {
  const evidence = docsEvidence(readFileSync(join(FIXTURE, 'acme', 'source', 'docs.txt'), 'utf8'), 'acme/source/docs.txt');

  it('reads required parameters from both table forms, and "not required" as optional', () => {
    expect(evidence.parameters.map((p) => `${p.shape} ${p.name} ${p.required}`)).toEqual([
      'post /vm/{}/power state true',
      'post /vm/{}/power force false',
      'get /volumes zone true',
      'get /volumes page false',
    ]);
  });

  it('takes example answers and request samples with the line they start on', () => {
    expect(evidence.samples.map((s) => `${s.kind} ${s.shape} ${s.where}`)).toEqual([
      'response post /vm/{}/power acme/source/docs.txt:11',
      'request post /vm/{}/power acme/source/docs.txt:5',
      'response get /volumes acme/source/docs.txt:32',
      'response get /bill acme/source/docs.txt:46',
    ]);
    expect(JSON.parse(evidence.samples[1]!.text)).toEqual({ state: 'stateValue', force: true });
  });
});

describe('pnpm specs:audit', () => {
  it('counts what the spec gets wrong against the vendor text, and fails on a vendor example its schema rejects', () => {
    const [acme] = auditAll(FIXTURE);
    expect(acme!.vendorAnswers.failing).toEqual([{ operation: 'POST /vm/{vm_id}/power', where: 'acme/source/docs.txt:11', detail: '/task/id must be integer' }]);
    expect(acme!.vendorAnswers.valid).toBe(1);
    expect(acme!.vendorAnswers.unmatched.map((f) => f.operation)).toEqual(['GET /volumes']);
    // the placeholder "stateValue" stands for any value; the real `true` is checked
    expect(acme!.vendorRequests).toMatchObject({ valid: 1, failing: [] });
    expect(acme!.requiredInDocsOnly.map((f) => f.detail)).toEqual(['state is required in the docs, optional in the spec']);
    expect(acme!.numericKeyObjects.map((f) => f.where)).toEqual(['#/paths/~1bill/get/responses/200/content/application~1json/schema/properties/bill']);
    // a money field typed integer rejects the next answer's cents; a quantity is rightly integer
    expect(acme!.integerMoney.map((f) => f.detail)).toEqual(['credit is integer']);
    expect(acme!.untyped).toEqual([{ operation: 'GET /volumes', where: 'responses/200', detail: 'an example answer exists in a vendor source, unused' }]);
    const printed: string[] = [];
    expect(runAudit([], FIXTURE, (t) => printed.push(t))).toBe(1);
    expect(printed.join('\n')).toContain('| vendor example answers | 1 ok (0 repaired, 0 recovered), 1 failing, 0 unrepairable, 1 unmatched |');
  });

  it('passes once the schema accepts what the vendor shows, and reads a doubled brace through its named repair, listed as repaired', () => {
    const dir = scratchCopy();
    const file = join(dir, 'acme', 'openapi.json');
    const spec = JSON.parse(readFileSync(file, 'utf8'));
    spec.paths['/vm/{vm_id}/power'].post.responses['200'].content['application/json'].schema.properties.task.properties.id = { type: ['integer', 'string'] };
    spec.paths['/volumes'].get.responses['200'].content = { 'application/json': { schema: { type: 'object' } } };
    writeFileSync(file, JSON.stringify(spec));
    const [acme] = auditAll(dir);
    expect(acme!.vendorAnswers).toMatchObject({ valid: 3, failing: [], unmatched: [], unreadable: [] });
    expect(acme!.vendorAnswers.repaired).toEqual([{ operation: 'GET /volumes', where: 'acme/source/docs.txt:32', detail: 'json-doubled-braces-unwrapped' }]);
    expect(runAudit(['acme'], dir, () => {})).toBe(0);
  });

  it('counts operationIds off style: snake_case, noun-only, a verb it does not know', () => {
    const dir = scratchCopy();
    const file = join(dir, 'acme', 'openapi.json');
    const spec = JSON.parse(readFileSync(file, 'utf8'));
    expect(auditAll(dir)[0]!.operationIdsOffStyle).toEqual([]);
    spec.paths['/vm/{vm_id}/power'].post.operationId = 'vm_power';
    spec.paths['/volumes'].get.operationId = 'volumes';
    spec.paths['/bill'].get.operationId = 'fetchbillBill';
    writeFileSync(file, JSON.stringify(spec));
    const [acme] = auditAll(dir);
    expect(acme!.operationIdsOffStyle.map((f) => f.detail)).toEqual(['vm_power', 'volumes', 'fetchbillBill']);
    const printed: string[] = [];
    runAudit(['acme'], dir, (t) => printed.push(t));
    expect(printed.join('\n')).toContain('| operationIds off style (camelCase, verb first) | 3 |');
  });

  it('holds a union to the docs of the providers it unites: their "(required)" rows are its too', () => {
    const dir = scratchCopy();
    mkdirSync(join(dir, 'all'));
    writeFileSync(join(dir, 'all', 'provider.json'), JSON.stringify({ name: 'all', title: 'Every provider', unionOf: '*', auth: ['basic'] }));
    cpSync(join(dir, 'acme', 'openapi.json'), join(dir, 'all', 'openapi.json'));
    const union = auditAll(dir).find((a) => a.provider === 'all')!;
    expect(union.requiredInDocsOnly.map((f) => f.detail)).toEqual(['state is required in the docs, optional in the spec']);
  });

  it('a provider kept after a failed generate (no openapi.json yet) is skipped with a line, and named when asked for', () => {
    const dir = scratchCopy();
    mkdirSync(join(dir, 'broken', 'source'), { recursive: true });
    writeFileSync(join(dir, 'broken', 'provider.json'), JSON.stringify({ name: 'broken', title: 'Broken', docs: ['source/docs.txt'], auth: ['basic'] }));
    const printed: string[] = [];
    expect(runAudit([], dir, (t) => printed.push(t))).toBe(1); // acme's failing example still fails it
    expect(printed).toContain('specs:audit: broken skipped: it has no openapi.json yet (run pnpm generate)');
    expect(auditAll(dir).map((a) => a.provider)).toEqual(['acme']);
    expect(() => auditAll(dir, ['broken'])).toThrow('broken/openapi.json: not generated yet: run pnpm generate (a failed run leaves its draft in specs/broken/.draft/)');
  });

  it('--check prints only the findings that fail it, and the verdict', () => {
    const printed: string[] = [];
    expect(runAudit(['--check'], FIXTURE, (t) => printed.push(t))).toBe(1);
    expect(printed.join('\n')).not.toContain('| measure |');
    expect(printed.join('\n')).toContain('/task/id must be integer');
    expect(printed.at(-1)).toBe('specs:audit: 1 vendor example(s) fail the schema built for them');
  });

  it('names an unknown provider with the known ones', () => {
    expect(() => auditAll(FIXTURE, ['nope'])).toThrow(/no provider nope \(known: acme\)/);
  });
});

describe('pnpm specs:audit on a stripped capture', () => {
  // one provider, two docs: a complete example of GET /disks/{id}, and a capture that lost its bracket lines
  function strippedProvider(): string {
    const dir = mkdtempSync(join(tmpdir(), 'specs-audit-stripped-'));
    mkdirSync(join(dir, 'beta', 'source'), { recursive: true });
    const docs = (...blocks: string[]) => blocks.join('\n');
    writeFileSync(join(dir, 'beta', 'source', 'full.txt'), docs('Disk', 'Example Response:', '{ "disk": { "size": 1, "zone": "a" }, "zone": "b" }', 'HTTP Request', 'GET /disks/@id', ''));
    writeFileSync(
      join(dir, 'beta', 'source', 'stripped.txt'),
      docs(
        'Disk', 'Example Response:', '"disk": {', '"size": 20', '"zone": "eu"', 'HTTP Request', 'GET /disks/@id',
        'Pools', 'Example Response:', '"pool": {', '"spec": {', '"size": 20', '"zone": "eu"', 'HTTP Request', 'GET /pools/@id',
        'List all nodes', 'Example Response:', '{ "node_id": 4, "host": "n4" }', 'HTTP Request', 'GET /nodes',
        'Zones', 'Example Response:', '"error": [', '"not allowed"', 'HTTP Request', 'GET /zones', '',
      ),
    );
    writeFileSync(join(dir, 'beta', 'provider.json'), JSON.stringify({ name: 'beta', title: 'Beta', docs: ['source/full.txt', 'source/stripped.txt'] }));
    const open = { type: 'object', additionalProperties: true };
    const ok = (schema: unknown) => ({ responses: { '200': { description: 'ok', content: { 'application/json': { schema } } } } });
    const zone = { type: 'object', properties: { disk: { type: 'object', properties: { size: { type: 'integer' } } }, zone: { type: 'string' } } };
    const node = { type: 'object', properties: { node_id: { type: 'integer' } } };
    const spec = {
      openapi: '3.1.0',
      info: { title: 'b', version: '1' },
      paths: {
        '/disks/{id}': { get: ok(zone) },
        '/pools/{id}': { get: ok(open) },
        '/nodes': { get: { summary: 'List all nodes', ...ok({ anyOf: [node, { type: 'array', items: node }] }) } },
        '/tags': { get: ok({ type: 'array', items: {} }) },
        '/zones': { get: ok(open) },
        '/pem': { get: { responses: { '200': { description: 'ok', content: { 'application/x-pem-file': { schema: { type: 'string' } } } } } } },
      },
    };
    writeFileSync(join(dir, 'beta', 'openapi.json'), JSON.stringify(spec));
    return dir;
  }

  it('rebuilds a fragment the complete example explains, and names the one it cannot read with its reason', () => {
    const [beta] = auditAll(strippedProvider());
    expect(beta!.vendorAnswers.recovered).toEqual([
      { operation: 'GET /disks/{id}', where: 'beta/source/stripped.txt:3', detail: '3 bracket(s) restored, 3 line(s) placed by a complete example' },
      { operation: 'GET /zones', where: 'beta/source/stripped.txt:23', detail: '3 bracket(s) restored' },
    ]);
    expect(beta!.vendorAnswers.unreadable).toEqual([{ operation: 'GET /pools/{id}', where: 'beta/source/stripped.txt:10', detail: expect.stringMatching(/^unrepairable: ambiguous nesting: "zone" \(line 4\)/) }]);
    expect(beta!.vendorAnswers).toMatchObject({ valid: 4, failing: [] });
  });

  it('names each collection GET whose prose says list while its example shows one record', () => {
    const [beta] = auditAll(strippedProvider());
    expect(beta!.vendorAnswers.proseDisagrees).toEqual([{ operation: 'GET /nodes', where: 'beta/source/stripped.txt:18', detail: '"List all nodes" speaks of a list, the example shows one record; the schema takes it' }]);
  });

  it('counts the open object written where no example exists as untyped, a PEM answer as typed, and names arrays of untyped items', () => {
    const [beta] = auditAll(strippedProvider());
    expect(beta!.untyped.map((f) => `${f.operation}: ${f.detail}`)).toEqual([
      'GET /pools/{id}: an example answer exists in a vendor source, unused',
      'GET /zones: its only example answer is the platform\'s error answer ({"error": [...]}), not a success',
    ]);
    expect(beta!.typedResponses).toBe(4);
    expect(beta!.untypedItems.map((f) => f.where)).toEqual(['#/paths/~1tags/get/responses/200/content/application~1json/schema/items']);
  });
});
