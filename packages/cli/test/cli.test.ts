import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { providers } from '@hostbill-api/test-support';
import { startPrism, type PrismMock } from '@hostbill-api/test-support/prism';
import { run } from './processes.js';

const SPEC = join(import.meta.dirname, '..', '..', '..', 'specs', 'hostens', 'openapi.json');
const PASSWORD = 'cli-test-secret-pw';

let prism: PrismMock;
beforeAll(async () => {
  prism = await startPrism(SPEC);
}, 180_000);
afterAll(async () => {
  await prism?.stop();
});

describe('hostbill (the built binary)', () => {
  it('lists the providers of specs/', async () => {
    const { code, stdout } = await run(['providers']);
    expect(code).toBe(0);
    // exactly the providers of specs/: a new provider is covered with no edit here
    expect(stdout.split('\n').filter(Boolean).sort()).toEqual(providers().map((p) => p.name).sort());
  });

  it('calls an operation of the spec against a Prism mock, and never prints the password', async () => {
    const env = { HOSTBILL_USERNAME: 'u@example.com', HOSTBILL_PASSWORD: PASSWORD };
    const { code, stdout, stderr } = await run(['--provider', 'hostens', '--base-url', prism.url, 'call', 'POST', '/server/{server_id}/reboot', 'server_id=113'], env);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toHaveProperty('task_id');
    expect(stdout + stderr).not.toContain(PASSWORD);
  });

  it('--record appends the answer, redacted, to a 0600 JSON Lines file that holds no credential', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'cli-record-')), 'answers.jsonl');
    const env = { HOSTBILL_USERNAME: 'u@example.com', HOSTBILL_PASSWORD: PASSWORD };
    const { code } = await run(['--provider', 'hostens', '--base-url', prism.url, '--record', file, 'call', 'GET', '/server/{server_id}', 'server_id=113'], env);
    expect(code).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ provider: 'hostens', operation: 'GET /server/{server_id}', status: 200 });
    expect(lines[0].body).toBeTypeOf('object');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).not.toContain(PASSWORD);
    expect(readFileSync(file, 'utf8')).not.toContain('u@example.com');
  });

  it('exit 2 for usage errors: an unknown operation, a missing provider, the generic provider without --base-url', async () => {
    expect((await run(['--provider', 'hostens', 'call', 'GET', '/nope'])).code).toBe(2);
    expect((await run(['call', 'GET', '/server'])).code).toBe(2);
    const generic = await run(['--provider', 'hostbill', 'call', 'GET', '/server']);
    expect(generic.code).toBe(2);
    expect(generic.stderr).toContain('--base-url');
  });

  it('exit 3 without credentials (401), exit 4 when nothing answers', async () => {
    expect((await run(['--provider', 'hostens', '--base-url', prism.url, 'call', 'GET', '/server'])).code).toBe(3);
    expect((await run(['--provider', 'hostens', '--base-url', 'http://127.0.0.1:1', 'call', 'GET', '/server'], { HOSTBILL_USERNAME: 'u', HOSTBILL_PASSWORD: PASSWORD })).code).toBe(4);
  });
});
