import type { Command } from 'commander';
import tab from '@bomb.sh/tab/commander';
import { FORMATS } from './output.js';
import { discoverProviders } from './providers.js';

/**
 * `hostbill completion bash|zsh|fish|powershell` prints a script; the script asks the binary itself
 * (`hostbill complete -- WORDS`) for the candidates, so the resources and actions offered are those of
 * the provider named on the line being completed (or HOSTBILL_PROVIDER). Uses @bomb.sh/tab, which reads
 * the commander tree: call this after every command is registered.
 */
export function registerCompletion(program: Command): void {
  const root = tab(program, { completionCommandName: 'completion' });
  const values = (name: string, list: readonly string[]) => {
    const option = root.options.get(name);
    if (option) option.handler = (complete) => list.forEach((value) => complete(value, ''));
  };
  // the completion protocol is one candidate a line: a vendor's description past its first line would break it
  for (const command of root.commands.values()) command.description = command.description.split('\n')[0] ?? '';
  values('provider', discoverProviders());
  values('output', FORMATS);
}
