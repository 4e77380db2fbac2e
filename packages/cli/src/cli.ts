#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander';
import { isAuthenticationError, isHostBillApiError, isNetworkError, isTimeoutError } from '@hostbill-api/runtime';
import { discoverProviders, loadModule, loadSpec } from './providers.js';

/** Documented exit codes. */
export const EXIT = { ok: 0, api: 1, usage: 2, auth: 3, network: 4, interrupted: 130 } as const;

class UsageError extends Error {}

function parsePairs(pairs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at < 1) throw new UsageError(`"${pair}": parameters are name=value`);
    out[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return out;
}

async function call(method: string, path: string, pairs: string[], opts: { provider?: string; baseUrl?: string; record?: string }) {
  const providers = discoverProviders();
  const provider = opts.provider;
  if (!provider || !providers.includes(provider)) throw new UsageError(`--provider: one of ${providers.join(', ')}`);
  const spec = loadSpec(provider);
  const op = spec.paths[path]?.[method.toLowerCase()] as { parameters?: Array<{ name: string; in: string }> } | undefined;
  if (!op) throw new UsageError(`${method.toUpperCase()} ${path} is not an operation of ${provider}'s spec`);
  const given = parsePairs(pairs);
  const params: Record<string, Record<string, string>> = { path: {}, query: {} };
  const body: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    const p = op.parameters?.find((x) => x.name === name);
    if (p && (p.in === 'path' || p.in === 'query')) params[p.in]![name] = value;
    else body[name] = value;
  }
  const baseUrl = opts.baseUrl ?? process.env.HOSTBILL_BASE_URL;
  const url = spec.servers?.[0]?.url;
  if (!baseUrl && (!url || url.includes('{'))) throw new UsageError(`${provider} has no fixed address: pass --base-url or set HOSTBILL_BASE_URL`);
  const mod = await loadModule(provider);
  const { HOSTBILL_USERNAME: username, HOSTBILL_PASSWORD: password, HOSTBILL_TOKEN: token } = process.env;
  const auth = token && mod.bearerToken ? mod.bearerToken(token) : username && password ? mod.basicAuth({ username, password }) : undefined;
  // --record: the runtime's redacted recording (0600 file, size cap), the input `pnpm specs:learn` reads
  const recordResponses = opts.record ? { path: opts.record } : undefined;
  const client = mod.createClient({ ...(baseUrl ? { baseUrl } : {}), auth, throwOnError: true, ...(recordResponses ? { recordResponses } : {}) });
  const { data } = await client.request(method.toLowerCase(), path, { params, ...(Object.keys(body).length ? { body } : {}) });
  process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
}

function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (isAuthenticationError(error)) return EXIT.auth;
  if (isTimeoutError(error) || isNetworkError(error)) return EXIT.network;
  if (isHostBillApiError(error)) return EXIT.api;
  return EXIT.api;
}

const program = new Command('hostbill')
  .description('A command line for every HostBill User API provider')
  .addOption(new Option('--provider <name>', 'the provider').env('HOSTBILL_PROVIDER'))
  .addOption(new Option('--base-url <url>', 'another deployment of the API'))
  .addOption(new Option('--record <file>', 'append each answer, redacted, to a JSON Lines file for `pnpm specs:learn`'))
  .exitOverride();
program.command('providers').description('list the providers').action(() => console.log(discoverProviders().join('\n')));
program
  .command('call')
  .description('call any operation: hostbill call GET /server/{server_id} server_id=113')
  .argument('<method>')
  .argument('<path>')
  .argument('[params...]', 'name=value')
  .action((method: string, path: string, params: string[]) => call(method, path, params, program.opts()));

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : EXIT.usage);
  console.error(`error: ${(error as Error).message}`);
  process.exit(exitCodeOf(error));
});
