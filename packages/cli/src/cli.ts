#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { registerCall } from './commands/call.js';
import { registerSession } from './commands/login.js';
import { registerTask } from './commands/task.js';
import { EXIT, exitCodeOf } from './exit-codes.js';
import { discoverProviders } from './providers.js';

export { EXIT } from './exit-codes.js';

const program = new Command('hostbill')
  .description('A command line for every HostBill User API provider')
  .addOption(new Option('--provider <name>', 'the provider').env('HOSTBILL_PROVIDER'))
  .addOption(new Option('--base-url <url>', 'another deployment of the API'))
  .addOption(new Option('--profile <name>', 'the saved profile to use (default "default")').env('HOSTBILL_PROFILE'))
  .addOption(new Option('--record <file>', 'append each answer, redacted, to a JSON Lines file for `pnpm specs:learn`'))
  .exitOverride();
program.command('providers').description('list the providers').action(() => console.log(discoverProviders().join('\n')));
registerCall(program);
registerSession(program);
registerTask(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : EXIT.usage);
  console.error(`error: ${(error as Error).message}`);
  process.exit(exitCodeOf(error));
});
