import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { json, startFakeServer, type FakeServer } from '@hostbill-api/test-support';
import { startPrism, type PrismMock } from '@hostbill-api/test-support/prism';
import { run as runBinary } from './processes.js';

const SPEC = join(import.meta.dirname, '..', '..', '..', 'specs', 'hostens', 'openapi.json');
const USER = 'ops@example.com';
const PASSWORD = 'commands-test-secret-pw';
const CREDENTIALS = { HOSTBILL_USERNAME: USER, HOSTBILL_PASSWORD: PASSWORD };
const spec = JSON.parse(readFileSync(SPEC, 'utf8')) as { paths: Record<string, Record<string, { operationId?: string }>> };
/** How messages name an operation, with whatever operationId the spec gives it today. */
const label = (method: string, path: string) => `${spec.paths[path]![method.toLowerCase()]!.operationId} (${method} ${path})`;

/** The built binary as a real process, standard input closed unless given. */
const run = (args: string[], options: { env?: Record<string, string>; stdin?: string } = {}) => runBinary(args, options.env, options.stdin ?? '');

let prism: PrismMock;
const hostens = () => ['--provider', 'hostens', '--base-url', prism.url];
const ok = async (args: string[], options?: Parameters<typeof run>[1]) => {
  const result = await run([...hostens(), ...args], { env: CREDENTIALS, ...options });
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  return result.stdout;
};
/** exit 2 with the message on stderr, nothing sent (Prism would have answered). */
const refused = async (args: string[], message: string) => {
  const result = await run([...hostens(), ...args], { env: CREDENTIALS });
  expect({ code: result.code, stdout: result.stdout, stderr: result.stderr.trim() }).toEqual({ code: 2, stdout: '', stderr: `error: ${message}` });
};

beforeAll(async () => {
  prism = await startPrism(SPEC);
}, 180_000);
afterAll(async () => {
  await prism?.stop();
});

describe('resource commands (the built binary against a Prism mock of hostens)', () => {
  it('print what the `call` form prints for the same operation', async () => {
    expect(await ok(['server', 'reboot', '113'])).toBe(await ok(['call', 'POST', '/server/{server_id}/reboot', 'server_id=113']));
    expect(await ok(['server', 'get', '113'])).toBe(await ok(['call', 'GET', '/server/{server_id}', 'server_id=113']));
    // `services` is the plural alias of the `service` resource
    const services = await ok(['services', 'list']);
    expect(services).toBe(await ok(['call', 'GET', '/service']));
    expect(JSON.parse(services)).toHaveProperty('services');
  });

  it('--help lists the resources under their tags, a resource its actions with the vendor summary, an action the vendor description and parameters', async () => {
    const root = await run(['--provider', 'hostens', '--help']);
    expect(root.code).toBe(0);
    expect(root.stdout).toMatch(/Server Management:\n {2}server\|servers +list, get, /);
    expect(root.stdout).toMatch(/Services:\n(.*\n)* {2}service\|services /);
    const server = await run(['--provider', 'hostens', 'server', '--help']);
    expect(server.stdout).toMatch(/\n {2}reboot <server_id> \[params\.\.\.\] +Reboot\n/);
    expect(server.stdout).toMatch(/\n {2}list-history <server_id> \[params\.\.\.\] +Get Usage History\n/);
    const reboot = await run(['--provider', 'hostens', 'server', 'reboot', '--help']);
    expect(reboot.stdout).toContain('Usage: hostbill server reboot <server_id> [params...]');
    expect(reboot.stdout).toContain('Call is asynchronous - task ID is returned.');
    expect(reboot.stdout).toMatch(/server_id +Server ID \(integer, required\)/);
    expect(reboot.stdout).toContain(`Operation: POST /server/{server_id}/reboot (${spec.paths['/server/{server_id}/reboot']!.post!.operationId})`);
    const rename = await run(['--provider', 'hostens', 'server', 'rename', '--help']);
    // commander wraps at 80 columns off a terminal
    expect(rename.stdout.replace(/\s+/g, ' ')).toContain('--hostname <value> New hostname (required, must be pointed to server IP) (string, required, body)');
    expect(rename.stdout).toContain('--body <json>');
  });

  it('check parameters against the spec before sending: exit 2 naming the operation and the parameter', async () => {
    const reboot = label('POST', '/server/{server_id}/reboot');
    const rename = label('POST', '/server/{server_id}/rename');
    await refused(['server', 'reboot', 'abc'], `${reboot}: server_id: expected integer, got "abc"`);
    await refused(['server', 'reboot'], `${reboot}: missing required path parameter server_id`);
    await refused(['server', 'reboot', '113', 'nope=1'], `${reboot}: unknown parameter nope (known: server_id)`);
    await refused(['server', 'reboot', '113', '--nope', '1'], `${reboot}: unknown parameter nope`);
    await refused(['server', 'rename', '113'], `${rename}: body: missing required field hostname`);
    await refused(['server', 'webconsole', '113', '--whitelabel', 'maybe', 'timeout=1h'], `${label('POST', '/server/{server_id}/webconsole')}: whitelabel: expected boolean, got "maybe"`);
    // the docs list the timeouts they take ("1h" ... "24h"), so the spec has an enum
    await refused(['server', 'webconsole', '113', '--whitelabel', 'true', 'timeout=5'], `${label('POST', '/server/{server_id}/webconsole')}: timeout: expected one of: 1h, 3h, 6h, 12h, 24h, got "5"`);
    await refused(['call', 'GET', '/server/{server_id}', 'server_id=1x'], `${label('GET', '/server/{server_id}')}: server_id: expected integer, got "1x"`);
  });

  it('--body takes @file.json, inline JSON and standard input, checked the same way; a bad file is exit 2 naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-commands-'));
    writeFileSync(join(dir, 'rename.json'), '{"hostname":"a.example.com"}');
    writeFileSync(join(dir, 'wrong.json'), '{"hostname":5}');
    writeFileSync(join(dir, 'broken.json'), '{"hostname":');
    expect(JSON.parse(await ok(['server', 'rename', '113', '--body', `@${join(dir, 'rename.json')}`]))).toHaveProperty('task_id');
    expect(JSON.parse(await ok(['server', 'rename', '113', '--body', '-'], { stdin: '{"hostname":"b.example.com"}' }))).toHaveProperty('task_id');
    expect(JSON.parse(await ok(['call', 'POST', '/server/{server_id}/rename', 'server_id=113', '--body', '{"hostname":"c.example.com"}']))).toHaveProperty('task_id');
    await refused(['server', 'rename', '113', '--body', `@${join(dir, 'wrong.json')}`], `${label('POST', '/server/{server_id}/rename')}: body.hostname: expected string, got 5`);
    await refused(['server', 'rename', '113', '--body', `@${join(dir, 'missing.json')}`], `--body: cannot read ${join(dir, 'missing.json')}: ENOENT`);
    const broken = await run([...hostens(), 'server', 'rename', '113', '--body', `@${join(dir, 'broken.json')}`], { env: CREDENTIALS });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`--body: ${join(dir, 'broken.json')} is not JSON`);
  });

  it('--output json, yaml and table each carry the answer', async () => {
    const data = JSON.parse(await ok(['server', 'get', '113'])) as Record<string, unknown>;
    expect(Object.keys(data).length).toBeGreaterThan(3);
    expect(parseYaml(await ok(['server', 'get', '113', '--output', 'yaml']))).toEqual(data);
    const table = await ok(['--output', 'table', 'server', 'get', '113']);
    for (const key of Object.keys(data)) expect(table).toMatch(new RegExp(`│ ${key} +│`));
    const bad = await run([...hostens(), '--output', 'xml', 'server', 'get', '113']);
    expect(bad.code).toBe(2);
  });

  it('completion: the bash script is valid bash, and completes the resources and actions of the provider on the line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-completion-'));
    for (const shell of ['bash', 'zsh', 'fish']) {
      const script = await run(['completion', shell]);
      expect(script.code).toBe(0);
      expect(script.stdout).toContain('hostbill complete --');
      writeFileSync(join(dir, `hostbill.${shell}`), script.stdout);
    }
    const check = await new Promise<number | null>((resolve) => spawn('bash', ['-n', join(dir, 'hostbill.bash')], { stdio: 'inherit' }).on('close', resolve));
    expect(check).toBe(0);
    const resources = await run(['complete', '--', '--provider', 'hostens', 'ser']);
    expect(resources.stdout.split('\n').map((l) => l.split('\t')[0])).toEqual(['server', 'service', ':4', '']);
    const actions = await run(['complete', '--', '--provider', 'hostens', 'server', 're']);
    expect(actions.stdout.split('\n').map((l) => l.split('\t')[0])).toEqual(['reboot', 'reinstall', 'rename', 'resetpassword', ':4', '']);
    const providers = await run(['complete', '--', '--provider', '']);
    expect(providers.stdout).toMatch(/^hostens\t/m);
  });
});

describe('--verbose (against a server that echoes the credentials back)', () => {
  let echo: FakeServer;
  beforeAll(async () => {
    echo = await startFakeServer((req, res) => json(res, 200, { authorization: req.headers.authorization, note: `your password is ${PASSWORD}`, header: String(req.headers.authorization) }));
  });
  afterAll(async () => {
    await echo?.close();
  });

  it('logs method, URL, status and duration on stderr, and no credential in stdout or stderr', async () => {
    const { code, stdout, stderr } = await run(['--provider', 'hostens', '--base-url', echo.url, '--verbose', 'server', 'get', '113'], { env: CREDENTIALS });
    expect(code).toBe(0);
    expect(echo.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`);
    expect(stderr).toContain(`> GET ${echo.url}/server/113\n`);
    expect(stderr).toContain('> authorization: [redacted]');
    expect(stderr).toMatch(new RegExp(`< 200 GET ${echo.url}/server/113 \\(\\d+ ms\\)`));
    expect(stderr).toContain('your password is [redacted]');
    for (const secret of [PASSWORD, Buffer.from(`${USER}:${PASSWORD}`).toString('base64')]) {
      expect(stderr).not.toContain(secret);
      expect(stdout).not.toContain(secret);
    }
    expect(JSON.parse(stdout)).toMatchObject({ note: 'your password is [redacted]' });
  });

  it('masks a bearer token the server echoes, in a secret-named field and in free text', async () => {
    const TOKEN = 'tok-commands-test-0123456789';
    const { code, stdout, stderr } = await run(['--provider', 'hostens', '--base-url', echo.url, '--verbose', 'server', 'list'], { env: { HOSTBILL_TOKEN: TOKEN } });
    expect(code).toBe(0);
    expect(echo.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(stderr).toContain(`> GET ${echo.url}/server\n`);
    expect(stderr).not.toContain(TOKEN);
    expect(stdout).not.toContain(TOKEN);
  });
});
