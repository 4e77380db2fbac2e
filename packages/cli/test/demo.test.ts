import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PACKAGE = join(import.meta.dirname, '..');
const TSX = join(PACKAGE, 'node_modules', '.bin', 'tsx');

/** Whether a process (or, with a negative id, a process group) still exists. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function startDemo(command: string, args: string[]) {
  const child = spawn(command, args, { cwd: PACKAGE, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' } });
  let output = '';
  const listeners: Array<() => void> = [];
  const onData = (chunk: Buffer) => {
    output += chunk;
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  const seen = (text: string) =>
    new Promise<void>((resolve) => {
      const check = () => output.includes(text) && resolve();
      listeners.push(check);
      check();
    });
  return { child, done, seen, output: () => output };
}

const prismPid = (output: string) => Number(/Prism answers on http:\/\/127\.0\.0\.1:\d+ \(pid (\d+)\)/.exec(output)?.[1]);

describe('pnpm demo', () => {
  it('runs the tour (login, services, reboot with --wait, a typed error), exits 0 and leaves no Prism behind', async () => {
    const demo = startDemo('pnpm', ['--silent', 'run', 'demo']);
    const code = await demo.done;
    const output = demo.output();
    expect(code, output).toBe(0);
    for (const heading of ['== Start a Prism mock', '== Log in', '== List services', '== Reboot server 113 and wait', '== The library', '== A typed error']) {
      expect(output).toContain(heading);
    }
    expect(output).toContain('task 77995: completed');
    expect(output).toContain('service 301: Starter Hosting');
    expect(output).toContain('isAuthenticationError(error) === true');
    expect(output).toContain('(exit code 3)');
    expect(output).not.toContain('demo-password');
    const pid = prismPid(output);
    expect(pid).toBeGreaterThan(0);
    expect(alive(pid)).toBe(false);
    expect(alive(-pid)).toBe(false); // nor anything in Prism's process group
  });

  it('Ctrl-C (SIGINT) stops Prism too and exits 130', async () => {
    const demo = startDemo(TSX, ['demo/tour.ts']);
    await demo.seen('Prism answers on');
    const pid = prismPid(demo.output());
    demo.child.kill('SIGINT');
    expect(await demo.done, demo.output()).toBe(130);
    expect(demo.output()).toContain(`stopped the Prism mock (pid ${pid})`);
    expect(alive(pid)).toBe(false);
    expect(alive(-pid)).toBe(false);
  });
});
