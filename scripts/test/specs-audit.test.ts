import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsEvidence } from '../src/audit/vendor-evidence.js';
import { auditAll, runAudit } from '../src/specs-audit.js';

// a provider in shapes the seeds lack: both table forms, `// notes` and a trailing comma in an
// example, doubled braces, POST_DATA with placeholders, an object keyed by ids, an untyped answer
const FIXTURE = join(import.meta.dirname, 'fixtures', 'audit');

function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'specs-audit-'));
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

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
    expect(printed.join('\n')).toContain('| vendor example answers | 1 ok, 1 failing, 0 unreadable, 1 unmatched |');
  });

  it('passes once the schema accepts what the vendor shows, and sees a doubled brace as unreadable, not as valid', () => {
    const dir = scratchCopy();
    const file = join(dir, 'acme', 'openapi.json');
    const spec = JSON.parse(readFileSync(file, 'utf8'));
    spec.paths['/vm/{vm_id}/power'].post.responses['200'].content['application/json'].schema.properties.task.properties.id = { type: ['integer', 'string'] };
    spec.paths['/volumes'].get.responses['200'].content = { 'application/json': { schema: { type: 'object' } } };
    writeFileSync(file, JSON.stringify(spec));
    const [acme] = auditAll(dir);
    expect(acme!.vendorAnswers).toMatchObject({ valid: 2, failing: [], unmatched: [] });
    expect(acme!.vendorAnswers.unreadable.map((f) => f.operation)).toEqual(['GET /volumes']);
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
