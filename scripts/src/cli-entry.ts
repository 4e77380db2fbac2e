import { fileURLToPath } from 'node:url';
import { PipelineError } from './errors.js';

/**
 * Runs a command's main when its module is the one node was started with. pnpm runs it in scripts/,
 * so the user's file names are read relative to where they typed the command (INIT_CWD). A
 * PipelineError is one line naming the file; anything else is a bug, so it keeps its stack.
 */
export function runAsCommand(moduleUrl: string, main: (argv: string[], options: { cwd: string }) => Promise<number>): void {
  if (!process.argv[1] || fileURLToPath(moduleUrl) !== process.argv[1]) return;
  main(process.argv.slice(2), { cwd: process.env.INIT_CWD ?? process.cwd() }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof PipelineError ? `error: ${error.message}` : error);
      process.exit(1);
    },
  );
}
