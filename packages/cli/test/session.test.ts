import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, run } from './processes.js';
import { PASSWORD, USER, startHostBill } from './session-fake.js';

let server: Awaited<ReturnType<typeof startHostBill>>;
beforeAll(async () => {
  server = await startHostBill();
});
afterAll(async () => {
  await server?.close();
});

const freshConfig = () => join(mkdtempSync(join(tmpdir(), 'cli-session-')), 'hostbill');
const mode = (file: string) => statSync(file).mode & 0o777;
const expectNoSecret = (...texts: string[]) => {
  for (const secret of server.secrets) for (const text of texts) expect(text).not.toContain(secret);
};

describe('hostbill login / profiles / logout (the built binary against a stateful fake HostBill)', () => {
  it('login performs POST /login and writes a 0600 profile (without the password) and a 0600 token cache in a 0700 directory', async () => {
    const dir = freshConfig();
    const env = { HOSTBILL_CONFIG_DIR: dir, HOSTBILL_USERNAME: USER, HOSTBILL_PASSWORD: PASSWORD };
    const out = await run(['--provider', 'hostbill', '--base-url', server.url, 'login'], env);
    expect(out.code, out.stderr).toBe(0);
    expect(server.requests.some((r) => r.method === 'POST' && r.path === '/login')).toBe(true);
    expect(mode(dir)).toBe(0o700);
    expect(mode(join(dir, 'profiles.json'))).toBe(0o600);
    expect(mode(join(dir, 'tokens.json'))).toBe(0o600);
    expect(JSON.parse(readFileSync(join(dir, 'profiles.json'), 'utf8'))).toEqual({ default: { provider: 'hostbill', baseUrl: server.url, username: USER, auth: 'jwt' } });
    expect(JSON.parse(readFileSync(join(dir, 'tokens.json'), 'utf8')).default).toEqual({ provider: 'hostbill', baseUrl: server.url, token: server.expired, refresh: server.refresh[0] });
    const listing = await run(['profiles'], { HOSTBILL_CONFIG_DIR: dir });
    expect(listing.stdout).toContain(`default\thostbill\t${server.url}\t${USER}\tjwt, token cached`);
    expectNoSecret(out.stdout, out.stderr, listing.stdout, listing.stderr);
  });

  it('a provider whose spec has no POST /login stores Basic credentials (0600), and the listing hides the password', async () => {
    const dir = freshConfig();
    const out = await run(['--provider', 'hostens', '--profile', 'ops', 'login'], { HOSTBILL_CONFIG_DIR: dir, HOSTBILL_USERNAME: USER, HOSTBILL_PASSWORD: PASSWORD });
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('HTTP Basic');
    expect(mode(join(dir, 'profiles.json'))).toBe(0o600);
    expect(existsSync(join(dir, 'tokens.json'))).toBe(false);
    const listing = await run(['profiles'], { HOSTBILL_CONFIG_DIR: dir });
    expect(listing.stdout.trim()).toBe(`ops\thostens\t(spec address)\t${USER}\tbasic`);
    expectNoSecret(out.stdout, out.stderr, listing.stdout, listing.stderr);
  });

  it('refuses a profile file that group or others can read: exit 2 with the chmod to run', async () => {
    const dir = freshConfig();
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, 'profiles.json');
    writeFileSync(file, JSON.stringify({ default: { provider: 'hostens', username: USER, auth: 'basic', password: PASSWORD } }), { mode: 0o600 });
    chmodSync(file, 0o644);
    const out = await run(['call', 'GET', '/server'], { HOSTBILL_CONFIG_DIR: dir });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain(`chmod 600 ${file}`);
    expectNoSecret(out.stdout, out.stderr);
    chmodSync(file, 0o640); // group-readable is refused as well
    expect((await run(['profiles'], { HOSTBILL_CONFIG_DIR: dir })).code).toBe(2);
  });

  it("refreshes the cached token once its exp has passed (POST /token), writes the new one back, and uses the profile's provider and base URL", async () => {
    const dir = freshConfig();
    expect((await run(['--provider', 'hostbill', '--base-url', server.url, 'login'], { HOSTBILL_CONFIG_DIR: dir, HOSTBILL_USERNAME: USER, HOSTBILL_PASSWORD: PASSWORD })).code).toBe(0);
    const before = server.count('/token');
    // no --provider, no --base-url, no password: all from the profile and its token cache
    const out = await run(['call', 'POST', '/server/{server_id}/reboot', 'server_id=113'], { HOSTBILL_CONFIG_DIR: dir });
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ task_id: 77995 });
    expect(server.count('/token')).toBe(before + 1);
    const reboot = server.requests.filter((r) => r.path === '/server/113/reboot').at(-1)!;
    expect(reboot.headers.authorization).toBe(`Bearer ${server.fresh}`);
    expect(JSON.parse(readFileSync(join(dir, 'tokens.json'), 'utf8')).default).toMatchObject({ token: server.fresh, refresh: server.refresh[1] });
    expect(mode(join(dir, 'tokens.json'))).toBe(0o600);
    // the refreshed token is reused: the next run needs no /token
    expect((await run(['call', 'POST', '/server/{server_id}/reboot', 'server_id=113'], { HOSTBILL_CONFIG_DIR: dir })).code).toBe(0);
    expect(server.count('/token')).toBe(before + 1);
    expectNoSecret(out.stdout, out.stderr);
  });

  it('once the refresh token is refused too, no login with an empty password is tried: exit 3 saying to log in again', async () => {
    const dir = freshConfig();
    expect((await run(['--provider', 'hostbill', '--base-url', server.url, 'login'], { HOSTBILL_CONFIG_DIR: dir, HOSTBILL_USERNAME: USER, HOSTBILL_PASSWORD: PASSWORD })).code).toBe(0);
    const tokens = join(dir, 'tokens.json');
    const cache = JSON.parse(readFileSync(tokens, 'utf8'));
    cache.default.refresh = 'a-refresh-token-the-server-revoked';
    writeFileSync(tokens, JSON.stringify(cache)); // keeps the file's 0600
    const logins = server.count('/login');
    const out = await run(['call', 'POST', '/server/{server_id}/reboot', 'server_id=113'], { HOSTBILL_CONFIG_DIR: dir });
    expect(out.code).toBe(3);
    expect(out.stderr).toContain('the saved session of profile "default" has ended: run `hostbill --profile default login` again');
    expect(server.count('/login')).toBe(logins);
    expectNoSecret(out.stdout, out.stderr);
  });

  it('logout revokes the refresh token (POST /revoke) and deletes the profile and the token cache', async () => {
    const dir = freshConfig();
    expect((await run(['--provider', 'hostbill', '--base-url', server.url, 'login'], { HOSTBILL_CONFIG_DIR: dir, HOSTBILL_USERNAME: USER, HOSTBILL_PASSWORD: PASSWORD })).code).toBe(0);
    const out = await run(['logout'], { HOSTBILL_CONFIG_DIR: dir });
    expect(out.code, out.stderr).toBe(0);
    const revoke = server.requests.filter((r) => r.path === '/revoke').at(-1)!;
    expect(revoke.json).toEqual({ refresh_token: server.refresh[0] });
    expect(existsSync(join(dir, 'profiles.json'))).toBe(false);
    expect(existsSync(join(dir, 'tokens.json'))).toBe(false);
    expectNoSecret(out.stdout, out.stderr);
  });

  it('a wrong password is exit 3 and writes nothing; login without credentials and without a terminal is exit 2', async () => {
    const dir = freshConfig();
    const wrong = await run(['--provider', 'hostbill', '--base-url', server.url, 'login'], { HOSTBILL_CONFIG_DIR: dir, HOSTBILL_USERNAME: USER, HOSTBILL_PASSWORD: 'not-it' });
    expect(wrong.code).toBe(3);
    expect(existsSync(join(dir, 'profiles.json'))).toBe(false);
    const none = await run(['--provider', 'hostbill', '--base-url', server.url, 'login'], { HOSTBILL_CONFIG_DIR: dir });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('HOSTBILL_USERNAME');
  });

  it("a profile's credentials never go to another deployment (--base-url elsewhere: sent without them)", async () => {
    const dir = freshConfig();
    const elsewhere = 'http://127.0.0.1:9'; // the profile's own address; nothing is sent there
    expect((await run(['--provider', 'hostens', '--base-url', elsewhere, 'login'], { HOSTBILL_CONFIG_DIR: dir, HOSTBILL_USERNAME: USER, HOSTBILL_PASSWORD: PASSWORD })).code).toBe(0);
    const out = await run(['--provider', 'hostens', '--base-url', server.url, 'call', 'GET', '/server'], { HOSTBILL_CONFIG_DIR: dir });
    expect(out.code).toBe(3); // the fake answers 401 to a request without a valid token
    const sent = server.requests.filter((r) => r.path === '/server').at(-1)!;
    expect(sent.headers.authorization).toBeUndefined();
  });

  const hasScript = spawnSync('which', ['script']).status === 0;
  it.skipIf(!hasScript)('on a terminal, login asks for the e-mail and the password and never echoes the password', async () => {
    const dir = freshConfig();
    const command = `stty cols 100 rows 30; '${process.execPath}' '${BIN}' --provider hostbill --base-url ${server.url} login`;
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: { PATH: process.env.PATH ?? '', TERM: 'xterm', HOSTBILL_CONFIG_DIR: dir } });
    let screen = '';
    const waiters: Array<() => void> = [];
    child.stdout.on('data', (chunk) => {
      screen += chunk;
      for (const w of waiters) w();
    });
    const seen = (text: string) => new Promise<void>((resolve) => (waiters.push(() => screen.includes(text) && resolve()), screen.includes(text) && resolve()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await seen('E-mail: ');
    child.stdin.write(`${USER}\r`);
    await seen('Password: ');
    child.stdin.write(`${PASSWORD}\r`);
    expect(await exited, screen).toBe(0);
    expect(screen).toContain(USER); // the e-mail is echoed as typed
    expect(screen).toContain('logged in (POST /login)');
    expectNoSecret(screen);
    expect(mode(join(dir, 'profiles.json'))).toBe(0o600);
  });
  if (!hasScript) it.skip('TTY login prompt: skipped, `script` (util-linux) is not installed', () => {});
});
