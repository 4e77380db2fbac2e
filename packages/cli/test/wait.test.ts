import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTaskEndpoint, taskOf } from '../src/wait.js';
import { BIN, run, start } from './processes.js';
import { PASSWORD, USER, startHostBill } from './session-fake.js';

const PENDING_POLLS = 3;
let server: Awaited<ReturnType<typeof startHostBill>>;
let env: Record<string, string>;
beforeAll(async () => {
  server = await startHostBill(PENDING_POLLS);
  env = { HOSTBILL_CONFIG_DIR: join(mkdtempSync(join(tmpdir(), 'cli-wait-')), 'hostbill') };
  const login = await run(['--provider', 'hostbill', '--base-url', server.url, 'login'], { ...env, HOSTBILL_USERNAME: USER, HOSTBILL_PASSWORD: PASSWORD });
  expect(login.code, login.stderr).toBe(0);
});
afterAll(async () => {
  await server?.close();
});

// the pause between checks is short so the test is quick; nothing depends on it (the server decides when a task ends)
const FAST = ['--poll-interval', '0.01'];

describe('task detection (unit, on specs the seeds do not have)', () => {
  const spec = (paths: string[]) => ({ paths: Object.fromEntries(paths.map((p) => [p, { get: {} }])) });

  it('finds the GET .../task/{id} endpoint and its parameters, whatever they are named', () => {
    expect(findTaskEndpoint(spec(['/vm/{vm_id}', '/vm/{vm_id}/task/{job_id}']))).toEqual({ path: '/vm/{vm_id}/task/{job_id}', params: ['vm_id', 'job_id'] });
    expect(findTaskEndpoint(spec(['/vm/{vm_id}/tasks']))).toBeUndefined();
  });

  it("reads the task id under the endpoint's own name and the other ids from the call's path", () => {
    const endpoint = { path: '/vm/{vm_id}/task/{job_id}', params: ['vm_id', 'job_id'] };
    expect(taskOf(endpoint, { job_id: 7 }, { vm_id: '3' })).toEqual({ vm_id: '3', job_id: '7' });
    // the call names its one id differently (`/vm/{id}/reboot`): it is the one
    expect(taskOf(endpoint, { job_id: 7 }, { id: '3' })).toEqual({ vm_id: '3', job_id: '7' });
    expect(taskOf(endpoint, { task_id: 7 }, { vm_id: '3' })).toBeUndefined();
    expect(taskOf(endpoint, { job_id: '' }, { vm_id: '3' })).toBeUndefined();
    expect(taskOf(endpoint, { job_id: 7 }, {})).toBeUndefined();
  });
});

describe('--wait and task wait (the built binary against a stateful fake HostBill)', () => {
  it('call --wait: a plain line per task state when not on a terminal, then the finished task on stdout', async () => {
    const before = server.polls('77995');
    const out = await run(['call', 'POST', '/server/{server_id}/reboot', 'server_id=113', '--wait', ...FAST], env);
    expect(out.code, out.stderr).toBe(0);
    expect(server.polls('77995') - before).toBe(PENDING_POLLS + 1);
    const lines = out.stderr.trim().split('\n');
    expect(lines[0]).toBe('task 77995: waiting');
    expect(lines[1]).toMatch(/^task 77995: pending \(\d+s\)$/);
    expect(lines.at(-1)).toMatch(/^task 77995: completed: VM rebooted successfully \(\d+s\)$/);
    expect(lines).toHaveLength(3); // one line per change of state, not one per poll
    expect(out.stdout).toContain('"task_id": 77995');
    expect(out.stdout).toContain('"completed": "2026-12-02T10:26:01+00:00"');
    for (const secret of server.secrets) expect(out.stdout + out.stderr).not.toContain(secret);
  });

  it('a resource command waits the same way: server reboot 113 --wait', async () => {
    const before = server.polls('77995');
    const out = await run(['server', 'reboot', '113', '--wait', ...FAST], env);
    expect(out.code, out.stderr).toBe(0);
    expect(server.polls('77995') - before).toBe(PENDING_POLLS + 1);
    expect(out.stderr.trim().split('\n').at(-1)).toMatch(/^task 77995: completed: VM rebooted successfully \(\d+s\)$/);
    expect(out.stdout).toContain('"completed": "2026-12-02T10:26:01+00:00"');
  });

  it('--wait on an answer without a task says so and exits 0', async () => {
    const out = await run(['call', 'GET', '/server/{server_id}/task/{task_id}', 'server_id=113', 'task_id=55', '--wait'], env);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stderr).toContain('--wait: the answer names no task (no "task_id")');
  });

  it('SIGINT during a wait stops it cleanly: exit 130 and the command that resumes it', async () => {
    const waiting = start(['task', 'wait', '113', '88888', ...FAST], env);
    await server.received('/server/113/task/88888'); // the first poll: the wait is under way
    waiting.child.kill('SIGINT');
    const out = await waiting.done;
    expect(out.code, out.stderr).toBe(130);
    expect(out.stderr).toContain('task 88888: interrupted');
    expect(out.stderr).toContain(`hostbill --provider hostbill task wait 113 88888`);
    expect(out.stdout).toBe('');
  });

  it('task wait: the ids must match the task endpoint (exit 2 naming its parameters)', async () => {
    const out = await run(['task', 'wait', '77995'], env);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('server_id and task_id (GET /server/{server_id}/task/{task_id})');
  });

  const hasScript = spawnSync('which', ['script']).status === 0;
  it.skipIf(!hasScript)('on a terminal (a pseudo-terminal by util-linux `script`): a spinner with the task state and elapsed time', async () => {
    // a pty under a parent without a terminal has no size: give it one, as a terminal window would
    const command = `stty cols 100 rows 30; ${[process.execPath, BIN, 'task', 'wait', '113', '55555', ...FAST].map((w) => `'${w}'`).join(' ')}`;
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...env } });
    let screen = '';
    const seen = (text: string) =>
      new Promise<void>((resolve) => {
        const check = () => screen.includes(text) && resolve();
        child.stdout.on('data', (chunk) => ((screen += chunk), check()));
        check();
      });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await seen('task 55555: pending'); // drawn by the spinner; the task ends only once the test saw it
    server.release();
    expect(await exited).toBe(0);
    const plain = screen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, ''); // without colours and cursor moves
    expect(plain).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] task 55555: pending \(\d+s\)/);
    expect(plain).toMatch(/✔ task 55555: completed: VM rebooted successfully \(\d+s\)/);
    expect(plain).not.toMatch(/^task 55555: waiting\r?$/m); // no plain lines on a terminal
  });
  it.skipIf(!hasScript)('on a terminal, Ctrl-C (the ^C byte through the pty, so the line discipline sends SIGINT) stops the spinner: exit 130 and the resume hint', async () => {
    const command = `stty cols 100 rows 30; ${[process.execPath, BIN, 'task', 'wait', '113', '88888', ...FAST].map((w) => `'${w}'`).join(' ')}`;
    const child = spawn('script', ['-qec', command, '/dev/null'], { env: { PATH: process.env.PATH ?? '', TERM: 'xterm', ...env } });
    let screen = '';
    const pending = new Promise<void>((resolve) => child.stdout.on('data', (chunk) => ((screen += chunk), screen.includes('task 88888: pending') && resolve())));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    await pending;
    child.stdin.write('\x03');
    expect(await exited, screen).toBe(130);
    const plain = screen.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    expect(plain).toMatch(/✖ task 88888: interrupted \(\d+s\)/);
    expect(plain).toContain('hostbill --provider hostbill task wait 113 88888');
    expect(screen).toContain('\x1b[?25h'); // the cursor the spinner hid is shown again
  });
  if (!hasScript) it.skip('TTY progress: skipped, `script` (util-linux) is not installed', () => {});
});
