import type { Command } from 'commander';
import { createCliClient, resolveProvider, type GlobalOptions } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { findTaskEndpoint, waitForTaskCli, type WaitOptions } from '../wait.js';

/** `hostbill task wait 113 77995`: the ids are the task endpoint's path parameters, in path order. */
async function taskWait(ids: string[], global: GlobalOptions, options: WaitOptions) {
  const ctx = await resolveProvider(global);
  const endpoint = findTaskEndpoint(ctx.spec);
  if (!endpoint) throw new UsageError(`${ctx.provider} has no task endpoint (GET .../task/{id}) to wait on`);
  if (ids.length !== endpoint.params.length) {
    throw new UsageError(`task wait: give ${endpoint.params.join(' and ')} (GET ${endpoint.path}), got ${ids.length} value(s)`);
  }
  const values = Object.fromEntries(endpoint.params.map((name, i) => [name, ids[i]!]));
  await waitForTaskCli(ctx, createCliClient(ctx, global), values, global, options);
}

export function registerTask(program: Command): void {
  program
    .command('task')
    .description('asynchronous tasks (reboot, reinstall, ...)')
    .command('wait')
    .description("wait for a task to finish, with progress: hostbill task wait SERVER TASK (the provider's task endpoint's path parameters)")
    .argument('<ids...>', 'e.g. 113 77995')
    .option('--poll-interval <seconds>', 'first pause between task checks (default 2)')
    .option('--wait-timeout <seconds>', 'give up after (default 600)')
    .action((ids: string[], options: WaitOptions) => taskWait(ids, program.opts<GlobalOptions>(), options));
}
