#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { registerCall } from './commands/call.js';
import { registerSession } from './commands/login.js';
import { registerTask } from './commands/task.js';
import { registerCompletion } from './completion.js';
import type { GlobalOptions } from './context.js';
import type { ResultHandler } from './execute.js';
import { EXIT, exitCodeOf } from './exit-codes.js';
import { FORMATS, printData } from './output.js';
import { discoverProviders } from './providers.js';
import { registerResources, selectedProvider } from './resources.js';
import { currentProfile } from './session.js';
import { waitIfTask } from './wait.js';

export { EXIT } from './exit-codes.js';

const program = new Command('hostbill')
  .description('A command line for every HostBill User API provider')
  .addOption(new Option('--provider <name>', 'the provider').env('HOSTBILL_PROVIDER'))
  .addOption(new Option('--base-url <url>', 'another deployment of the API'))
  .addOption(new Option('--profile <name>', 'the saved profile to use (default "default")').env('HOSTBILL_PROFILE'))
  .addOption(new Option('--record <file>', 'append each answer, redacted, to a JSON Lines file for `pnpm specs:learn`'))
  .addOption(new Option('--output <format>', 'how answers are printed').choices(FORMATS).default('json'))
  .addOption(new Option('--verbose', 'log each request and response on stderr, secrets masked'))
  .addOption(new Option('--wait', 'when the answer starts a task, wait for it with progress'))
  .addOption(new Option('--poll-interval <seconds>', 'with --wait: first pause between task checks (default 2)'))
  .addOption(new Option('--wait-timeout <seconds>', 'with --wait: give up after (default 600)'))
  .exitOverride();
program.command('providers').description('list the providers').action(() => console.log(discoverProviders().join('\n')));
// every operation command hands its result here: printed, then followed with --wait when it started a task
const handle: ResultHandler = async (result) => {
  const opts = program.opts<GlobalOptions>();
  printData(result.data, opts.output);
  if (opts.wait) await waitIfTask(result.context, result.client, result.data, stringValues(result.request.params.path), opts, opts);
};
/** A profile's default provider, for building its resource commands; an unreadable profile is reported by the command itself. */
function profileProvider(profile: string | undefined): string | undefined {
  try {
    return currentProfile(profile ? { profile } : {})?.provider;
  } catch {
    return undefined;
  }
}
const stringValues = (values: Record<string, unknown>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
registerCall(program, handle);
registerSession(program);
registerTask(program);
// the resources of the selected provider's spec, then completion, which reads the finished command tree
registerResources(program, selectedProvider(process.argv.slice(2), process.env, profileProvider), handle);
registerCompletion(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : EXIT.usage);
  console.error(`error: ${(error as Error).message}`);
  process.exit(exitCodeOf(error));
});
