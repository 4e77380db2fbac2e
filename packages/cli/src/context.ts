import { recordResponses } from '@hostbill-api/runtime/record';
import { UsageError } from './exit-codes.js';
import { resolveAuth, withProfileDefaults } from './session.js';
import { verboseLogger } from './verbose.js';
import { discoverProviders, loadModule, loadSpec, type ProviderModule, type ProviderSpec } from './providers.js';

/** The options every command shares (defined on the root program). */
export interface GlobalOptions {
  provider?: string;
  baseUrl?: string;
  record?: string;
  output?: string;
  verbose?: boolean;
  profile?: string;
  /** --wait, --poll-interval, --wait-timeout: follow a task an answer starts */
  wait?: boolean;
  pollInterval?: string;
  waitTimeout?: string;
}

export interface ProviderContext {
  provider: string;
  spec: ProviderSpec;
  module: ProviderModule;
  baseUrl?: string;
}

/** The provider a command talks to, its spec and its package, from --provider / HOSTBILL_PROVIDER or the profile. */
export async function resolveProvider(given: GlobalOptions): Promise<ProviderContext> {
  const opts = withProfileDefaults(given);
  const providers = discoverProviders();
  const provider = opts.provider;
  if (!provider || !providers.includes(provider)) throw new UsageError(`--provider: one of ${providers.join(', ')}`);
  const spec = loadSpec(provider);
  const baseUrl = opts.baseUrl ?? process.env.HOSTBILL_BASE_URL;
  const url = spec.servers?.[0]?.url;
  if (!baseUrl && (!url || url.includes('{'))) throw new UsageError(`${provider} has no fixed address: pass --base-url or set HOSTBILL_BASE_URL`);
  return { provider, spec, module: await loadModule(provider), ...(baseUrl ? { baseUrl } : {}) };
}

/** A client that throws on HTTP errors (so exit codes follow the error class). */
export function createCliClient(ctx: ProviderContext, opts: GlobalOptions, auth: unknown = resolveAuth(ctx, opts)) {
  // --record: the runtime's redacted recording (0600 file, size cap), the input `pnpm specs:learn` reads
  const recording = opts.record ? recordResponses({ path: opts.record }) : undefined;
  return ctx.module.createClient({
    ...(ctx.baseUrl ? { baseUrl: ctx.baseUrl } : {}),
    auth,
    throwOnError: true,
    ...(recording ? { recordResponses: recording } : {}),
    ...(opts.verbose ? { logger: verboseLogger() } : {}),
  });
}
