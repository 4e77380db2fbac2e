import { PollTimeoutError, type PollOptions } from '@hostbill-api/runtime';
import ora from 'ora';
import type { GlobalOptions, ProviderContext } from './context.js';
import { EXIT, UsageError } from './exit-codes.js';
import type { ProviderSpec } from './providers.js';

/** A provider's task-status operation, found in its spec: a GET `.../task/{id}` (the generator's rule). */
export interface TaskEndpoint {
  path: string;
  /** its path parameters in path order; the last one is the task's id */
  params: string[];
}

export function findTaskEndpoint(spec: ProviderSpec): TaskEndpoint | undefined {
  const path = Object.keys(spec.paths).find((p) => /\/task\/\{[^}]+\}$/.test(p) && spec.paths[p]?.get);
  return path ? { path, params: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!) } : undefined;
}

/**
 * The task an answer started, as the task endpoint's path parameters: the answer carries the task id
 * under the endpoint's own name for it (`task_id`); the other parameters come from the call's path
 * parameters of the same name, or from its only one (`/vm/{id}/reboot` then `/vm/{vm_id}/task/{job_id}`).
 */
export function taskOf(endpoint: TaskEndpoint, answer: unknown, callPath: Record<string, string>): Record<string, string> | undefined {
  const taskParam = endpoint.params.at(-1)!;
  const id = (answer as Record<string, unknown> | null)?.[taskParam];
  if (typeof id !== 'number' && (typeof id !== 'string' || id === '')) return undefined;
  const given = Object.values(callPath);
  const values: Record<string, string> = { [taskParam]: String(id) };
  for (const name of endpoint.params.slice(0, -1)) {
    const value = callPath[name] ?? (given.length === 1 && endpoint.params.length === 2 ? given[0] : undefined);
    if (value === undefined) return undefined;
    values[name] = value;
  }
  return values;
}

/** What a task reads as now: the API's own status field when it has one, else pending/completed. */
function stateOf(task: unknown, done: boolean): string {
  const t = (task ?? {}) as Record<string, unknown>;
  const own = [t.status, t.state].find((v) => typeof v === 'string' && v !== '');
  const results = typeof t.results === 'string' && t.results && done ? `: ${t.results}` : '';
  return `${(own as string | undefined) ?? (done ? 'completed' : 'pending')}${results}`;
}

/** Progress on stderr (stdout keeps the data): a spinner with elapsed time on a terminal, plain lines elsewhere. */
function reporter(label: string) {
  const started = Date.now();
  const elapsed = () => `${Math.round((Date.now() - started) / 1000)}s`;
  let state = 'waiting';
  // a terminal that reports no width (a pty nobody sized) would make the spinner redraw garbage
  if (process.stderr.isTTY && process.stderr.columns > 0) {
    const text = () => `${label}: ${state} (${elapsed()})`;
    const spinner = ora({ text: text(), stream: process.stderr, discardStdin: false }).start();
    const ticker = setInterval(() => (spinner.text = text()), 1000);
    return {
      progress(next: string) {
        state = next;
        spinner.text = text();
      },
      end(final: string, ok: boolean) {
        clearInterval(ticker);
        state = final;
        if (ok) spinner.succeed(text());
        else spinner.fail(text());
      },
    };
  }
  process.stderr.write(`${label}: waiting\n`);
  let last = '';
  return {
    progress(next: string) {
      // one line per change of state, not per poll
      if (next !== last) process.stderr.write(`${label}: ${next} (${elapsed()})\n`);
      last = next;
    },
    end(final: string) {
      process.stderr.write(`${label}: ${final} (${elapsed()})\n`);
    },
  };
}

export interface WaitOptions {
  pollInterval?: string;
  waitTimeout?: string;
}

const seconds = (text: string | undefined, fallback: number, flag: string): number => {
  if (text === undefined) return fallback * 1000;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${flag}: a number of seconds, got "${text}"`);
  return value * 1000;
};

/** `hostbill ... task wait 113 77995`: the command that picks the wait up again. */
export function resumeCommand(ctx: ProviderContext, global: GlobalOptions, values: Record<string, string>, endpoint: TaskEndpoint): string {
  const words = ['hostbill'];
  if (global.profile) words.push('--profile', global.profile);
  words.push('--provider', ctx.provider);
  if (global.baseUrl) words.push('--base-url', global.baseUrl);
  words.push('task', 'wait', ...endpoint.params.map((p) => values[p]!));
  return words.join(' ');
}

type Waiter = (client: unknown, params: Record<string, string>, options: PollOptions<unknown>) => Promise<unknown>;

/**
 * Waits for a task with the provider's generated waitForTask, reporting progress; prints the finished
 * task as JSON on stdout. Ctrl-C aborts the wait (not the task): exit 130 with the command to resume.
 */
export async function waitForTaskCli(ctx: ProviderContext, client: unknown, values: Record<string, string>, global: GlobalOptions, options: WaitOptions): Promise<void> {
  const endpoint = findTaskEndpoint(ctx.spec);
  const waitForTask = (ctx.module as { waitForTask?: Waiter }).waitForTask;
  if (!endpoint || !waitForTask) throw new UsageError(`${ctx.provider} has no task endpoint (GET .../task/{id}) to wait on`);
  const intervalMs = seconds(options.pollInterval, 2, '--poll-interval');
  const timeoutMs = seconds(options.waitTimeout, 600, '--wait-timeout');
  const taskId = values[endpoint.params.at(-1)!];
  const label = `task ${taskId}`;
  const resume = resumeCommand(ctx, global, values, endpoint);
  const controller = new AbortController();
  const onSigint = () => controller.abort(new Error('interrupted (Ctrl-C)'));
  process.on('SIGINT', onSigint);
  const report = reporter(label);
  try {
    const task = await waitForTask(client, values, {
      intervalMs,
      maxIntervalMs: Math.max(intervalMs, Math.min(5 * intervalMs, 10_000)),
      timeoutMs,
      signal: controller.signal,
      onProgress: (value) => report.progress(stateOf(value, false)),
    });
    report.end(stateOf(task, true), true);
    process.stdout.write(`${JSON.stringify(task, null, 2)}\n`);
  } catch (error) {
    if (controller.signal.aborted) {
      report.end('interrupted', false);
      process.stderr.write(`The task goes on at ${ctx.provider}; resume waiting with:\n  ${resume}\n`);
      process.exit(EXIT.interrupted);
    }
    if (error instanceof PollTimeoutError) {
      report.end(`still ${stateOf(error.lastValue, false)} after ${timeoutMs / 1000}s`, false);
      process.stderr.write(`Resume waiting with:\n  ${resume}\n`);
      process.exit(EXIT.network);
    }
    report.end('failed', false);
    throw error;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** `--wait` after a call: waits when the answer started a task, else says there is nothing to wait for. */
export async function waitIfTask(ctx: ProviderContext, client: unknown, answer: unknown, callPath: Record<string, string>, global: GlobalOptions, options: WaitOptions): Promise<void> {
  const endpoint = findTaskEndpoint(ctx.spec);
  const values = endpoint && taskOf(endpoint, answer, callPath);
  if (!endpoint || !values) {
    process.stderr.write(`--wait: the answer names no task${endpoint ? ` (no "${endpoint.params.at(-1)}")` : ` (${ctx.provider} has no task endpoint)`}; nothing to wait for\n`);
    return;
  }
  await waitForTaskCli(ctx, client, values, global, options);
}
