#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { registerCall } from './commands/call.js';
import { registerCompletion } from './completion.js';
import type { GlobalOptions } from './context.js';
import type { ResultHandler } from './execute.js';
import { EXIT, exitCodeOf } from './exit-codes.js';
import { FORMATS, printData } from './output.js';
import { discoverProviders } from './providers.js';
import { registerResources, selectedProvider } from './resources.js';

export { EXIT } from './exit-codes.js';

const program = new Command('hostbill')
  .description('A command line for every HostBill User API provider')
  .addOption(new Option('--provider <name>', 'the provider').env('HOSTBILL_PROVIDER'))
  .addOption(new Option('--base-url <url>', 'another deployment of the API'))
  .addOption(new Option('--record <file>', 'append each answer, redacted, to a JSON Lines file for `pnpm specs:learn`'))
  .addOption(new Option('--output <format>', 'how answers are printed').choices(FORMATS).default('json'))
  .addOption(new Option('--verbose', 'log each request and response on stderr, secrets masked'))
  .exitOverride();
program.command('providers').description('list the providers').action(() => console.log(discoverProviders().join('\n')));
// every operation command hands its result here: the place a step such as `--wait` goes before printing
const handle: ResultHandler = (result) => printData(result.data, program.opts<GlobalOptions>().output);
registerCall(program, handle);
// the resources of the selected provider's spec, then completion, which reads the finished command tree
registerResources(program, selectedProvider(process.argv.slice(2)), handle);
registerCompletion(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : EXIT.usage);
  console.error(`error: ${(error as Error).message}`);
  process.exit(exitCodeOf(error));
});
