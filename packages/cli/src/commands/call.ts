import type { Command } from 'commander';
import { createCliClient, resolveProvider, type GlobalOptions } from '../context.js';
import { UsageError } from '../exit-codes.js';
import { waitIfTask, type WaitOptions } from '../wait.js';

function parsePairs(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new UsageError(`"${pair}": parameters are name=value`);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

async function call(method: string, path: string, pairs: string[], opts: GlobalOptions, wait: WaitOptions & { wait?: boolean }) {
  const ctx = await resolveProvider(opts);
  const op = ctx.spec.paths[path]?.[method.toLowerCase()] as { parameters?: Array<{ name: string; in: string }> } | undefined;
  if (!op) throw new UsageError(`${method.toUpperCase()} ${path} is not an operation of ${ctx.provider}'s spec`);
  const params: Record<string, Record<string, string>> = { path: {}, query: {} };
  const body: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsePairs(pairs))) {
    const p = op.parameters?.find((x) => x.name === name);
    if (p && (p.in === 'path' || p.in === 'query')) params[p.in]![name] = value;
    else body[name] = value;
  }
  const client = createCliClient(ctx, opts);
  const { data } = await client.request(method.toLowerCase(), path, { params, ...(Object.keys(body).length ? { body } : {}) });
  process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  if (wait.wait) await waitIfTask(ctx, client, data, params.path!, opts, wait);
}

export function registerCall(program: Command): void {
  program
    .command('call')
    .description('call any operation: hostbill call GET /server/{server_id} server_id=113')
    .argument('<method>')
    .argument('<path>')
    .argument('[params...]', 'name=value')
    .option('--wait', 'when the answer starts a task, wait for it with progress')
    .option('--poll-interval <seconds>', 'with --wait: first pause between task checks (default 2)')
    .option('--wait-timeout <seconds>', 'with --wait: give up after (default 600)')
    .action((method: string, path: string, params: string[], wait: WaitOptions & { wait?: boolean }) => call(method, path, params, program.opts<GlobalOptions>(), wait));
}
