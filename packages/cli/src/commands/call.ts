import type { Command } from 'commander';
import { resolveProvider, type GlobalOptions } from '../context.js';
import { execute, parsePairs, type ResultHandler } from '../execute.js';
import { UsageError } from '../exit-codes.js';
import { findOperation, readBody } from '../params.js';

export function registerCall(program: Command, handle: ResultHandler): void {
  program
    .command('call')
    .description('call any operation: hostbill call GET /server/{server_id} server_id=113')
    .argument('<method>')
    .argument('<path>', 'the path as the spec writes it')
    .argument('[params...]', 'name=value: path, query and body parameters, checked against the spec')
    .option('--body <json>', 'the JSON body: inline JSON, @file.json, or - for standard input')
    .allowUnknownOption()
    .action(async (method: string, path: string, pairs: string[], local: { body?: string }) => {
      const opts = program.opts<GlobalOptions>();
      const context = await resolveProvider(opts);
      const operation = findOperation(context.spec, method, path);
      if (!operation) throw new UsageError(`${method.toUpperCase()} ${path} is not an operation of ${context.provider}'s spec`);
      const body = local.body === undefined ? undefined : readBody(local.body);
      await handle(await execute(context, operation, { named: parsePairs(pairs, operation.label), ...(body !== undefined ? { body } : {}) }, opts));
    });
}
