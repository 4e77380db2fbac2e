// pnpm specs:learn: recordings -> evidence -> specs that accept every recorded answer, in a scratch copy of specs/.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SPECS_DIR } from '../src/generate.js';
import { specsLearn } from '../src/specs-learn.js';
import { exampleProblems } from '../src/steps/validate.js';
import { specSchemaCheck } from '../src/steps/schema-validator.js';
import type { OpenApi } from '../src/openapi.js';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A scratch checkout: specs/ copied, packages/ written beside it by the command. */
function scratch() {
  const root = mkdtempSync(join(tmpdir(), 'specs-learn-'));
  roots.push(root);
  cpSync(SPECS_DIR, join(root, 'specs'), { recursive: true, filter: (src) => !src.includes(`${join('specs', '')}.draft`) });
  cpSync(join(SPECS_DIR, '..', 'packages', 'runtime', 'LICENSE'), join(root, 'packages', 'runtime', 'LICENSE'), { recursive: true });
  return { root, specsDir: join(root, 'specs') };
}

async function run(argv: string[], root: string, specsDir: string) {
  const lines: string[] = [];
  const capture = (...args: unknown[]) => void lines.push(args.join(' '));
  const spies = [vi.spyOn(console, 'log').mockImplementation(capture), vi.spyOn(console, 'error').mockImplementation(capture)];
  const generateTypes = vi.fn();
  try {
    return { code: await specsLearn(argv, { cwd: root, specsDir, generateTypes }), output: lines.join('\n'), generateTypes };
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
}

const committed = JSON.parse(readFileSync(join(SPECS_DIR, 'hostens', 'openapi.json'), 'utf8')) as OpenApi & { paths: Record<string, any> };
const example = committed.paths['/server/{server_id}'].get.responses['200'].content['application/json'].example as Record<string, unknown>;
// what recordResponses writes for a drifted answer: ip missing, an extra field, a number for a string, a null, a fraction for an integer
const { ip: _ip, ...rest } = example;
const drifted = { ...rest, nickname: '<email>', domain: 0, label: null, ram_used: 0.5 };
const line = (body: unknown, provider = 'hostens', status = 200) => JSON.stringify({ provider, operation: 'GET /server/{server_id}', status, contentType: 'application/json', body });

describe('pnpm specs:learn (scratch copy of specs/)', () => {
  it('learns drifted answers: the new spec accepts each, every vendor example still validates, bad lines are named and skipped', async () => {
    const { root, specsDir } = scratch();
    writeFileSync(join(root, 'answers.jsonl'), [line(drifted), '{"truncated": ', line(drifted), line({ error: ['x'] }, 'hostens', 404), ''].join('\n'));
    const { code, output, generateTypes } = await run(['hostens', 'answers.jsonl'], root, specsDir);
    expect(code, output).toBe(0);
    expect(output).toContain('warning: answers.jsonl:2: not JSON');
    expect(output).toContain('hostens: 2 answers read, 1 new evidence entry');
    expect(output).toMatch(/GET \/server\/\{server_id\}\s+response 200 field/);
    const spec = JSON.parse(readFileSync(join(specsDir, 'hostens', 'openapi.json'), 'utf8')) as OpenApi & { paths: Record<string, any> };
    const check = specSchemaCheck(spec.components);
    expect(check(spec.paths['/server/{server_id}'].get.responses['200'].content['application/json'].schema, drifted)).toEqual([]);
    expect(exampleProblems(spec)).toEqual([]);
    const answer = spec.paths['/server/{server_id}'].get.responses['200'].content['application/json'].schema as { $ref: string };
    const schema = spec.components!.schemas![answer.$ref.split('/').pop()!] as { properties: Record<string, { type: unknown }>; required: string[] };
    expect(schema.properties.nickname).toEqual({ type: 'string' });
    expect(schema.required).not.toContain('ip');
    expect(schema.properties.domain!.type).toEqual(['string', 'integer']);
    expect(schema.properties.label!.type).toEqual(['string', 'null']);
    expect(schema.properties.ram_used!.type).toBe('number');
    // the union follows; types regenerated; a minor changeset
    expect(generateTypes).toHaveBeenCalledWith(root, ['hostens', 'hostbill']);
    const [changeset] = readdirSync(join(root, '.changeset'));
    expect(readFileSync(join(root, '.changeset', changeset!), 'utf8')).toMatch(/^---\n'@hostbill-api\/hostens': minor\n'@hostbill-api\/hostbill': minor\n---\n\nBreaking: response types/);
    const evidence = readFileSync(join(specsDir, 'hostens', 'evidence', 'responses.json'), 'utf8');
    expect(JSON.parse(evidence).responses).toEqual([{ operation: 'GET /server/{server_id}', source: expect.stringMatching(/^[0-9a-f]{64}$/), body: drifted }]);
    // byte-stable: the same recording again changes nothing
    const again = await run(['hostens', 'answers.jsonl'], root, specsDir);
    expect(again.output).toContain('nothing new to learn');
    expect(readFileSync(join(specsDir, 'hostens', 'evidence', 'responses.json'), 'utf8')).toBe(evidence);
  }, 300_000);

  it("refuses another provider's recording unless --provider says so", async () => {
    const { root, specsDir } = scratch();
    writeFileSync(join(root, 'other.jsonl'), `${line(drifted, 'htmoni')}\n`);
    const refused = await run(['hostens', 'other.jsonl'], root, specsDir);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('error: other.jsonl:1: recorded from htmoni, not hostens; pass --provider htmoni to learn it into hostens');
    expect(existsSync(join(specsDir, 'hostens', 'evidence'))).toBe(false);
    const taken = await run(['hostens', 'other.jsonl', '--provider', 'htmoni'], root, specsDir);
    expect(taken.code, taken.output).toBe(0);
    expect(existsSync(join(specsDir, 'hostens', 'evidence', 'responses.json'))).toBe(true);
  }, 300_000);
});
