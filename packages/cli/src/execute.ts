import { createCliClient, type GlobalOptions, type ProviderContext } from './context.js';
import { UsageError } from './exit-codes.js';
import { buildRequest, type BuiltRequest, type Input, type Operation } from './params.js';

/**
 * What every operation command hands back instead of printing it: the answer, the operation, the
 * request as sent (its path values say which server a task belongs to) and the client, so a step such
 * as `--wait` can follow a returned task before `printData` shows the end result.
 */
export interface OperationResult {
  data: unknown;
  operation: Operation;
  request: BuiltRequest;
  context: ProviderContext;
  client: ReturnType<typeof createCliClient>;
}

/** Receives each command's result; cli.ts prints it (the hook `--wait` plugs into). */
export type ResultHandler = (result: OperationResult) => Promise<void> | void;

/** Checks the input against the spec (a UsageError before anything is sent), then calls the operation. */
export async function execute(context: ProviderContext, operation: Operation, input: Input, opts: GlobalOptions): Promise<OperationResult> {
  const request = buildRequest(context.spec, operation, input);
  const client = createCliClient(context, opts);
  const { header, ...rest } = request.params;
  const params = Object.keys(header).length ? request.params : rest;
  const { data } = await client.request(operation.method, operation.path, { params, ...(request.body !== undefined ? { body: request.body } : {}) });
  return { data, operation, request, context, client };
}

/** `name=value` words into a map; anything else (an unknown `--option`) is an error naming the operation. */
export function parsePairs(words: string[], label: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const word of words) {
    if (word.startsWith('--')) throw new UsageError(`${label}: unknown parameter ${word.slice(2).split('=')[0]}`);
    const at = word.indexOf('=');
    if (at < 1) throw new UsageError(`${label}: "${word}": parameters are name=value`);
    out[word.slice(0, at)] = word.slice(at + 1);
  }
  return out;
}
