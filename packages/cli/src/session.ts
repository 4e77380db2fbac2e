import { AuthenticationError, type JwtAuth, type JwtAuthOptions, type JwtSession } from '@hostbill-api/runtime';
import type { GlobalOptions, ProviderContext } from './context.js';
import { readProfiles, readSessions, saveSession, type CachedSession, type Profile } from './profile.js';
import type { ProviderModule, ProviderSpec } from './providers.js';

/** The runtime helpers every provider package re-exports, beyond what providers.ts types. */
export type SessionModule = ProviderModule & { jwtAuth(options: JwtAuthOptions): JwtAuth };

export const profileName = (opts: GlobalOptions): string => opts.profile ?? process.env.HOSTBILL_PROFILE ?? 'default';

/** The selected profile, if one is stored (reading refuses a file others can read). */
export function currentProfile(opts: GlobalOptions): Profile | undefined {
  return readProfiles()[profileName(opts)];
}

/** Options filled from the profile where the command line and environment are silent. */
export function withProfileDefaults(opts: GlobalOptions): GlobalOptions {
  if (opts.provider && (opts.baseUrl || process.env.HOSTBILL_BASE_URL)) return opts;
  const profile = currentProfile(opts);
  if (!profile || (opts.provider && opts.provider !== profile.provider)) return opts;
  const baseUrl = opts.baseUrl ?? process.env.HOSTBILL_BASE_URL ?? profile.baseUrl;
  return { ...opts, provider: profile.provider, ...(baseUrl ? { baseUrl } : {}) };
}

/** A provider logs in with JWT when its spec has `POST /login` (HostBill's token flow). */
export const hasJwtLogin = (spec: ProviderSpec): boolean => spec.paths['/login']?.post !== undefined;

/** The address requests go to: the one tokens are pinned to. */
export const effectiveBaseUrl = (ctx: ProviderContext): string => ctx.baseUrl ?? ctx.spec.servers?.[0]?.url ?? '';

/**
 * The runtime's jwtAuth over a stored session: used until it expires, then refreshed; every new
 * session is written back to the token cache (and removed when it ends), so the next run reuses it.
 * Without a password (only env may bring one) a refused refresh ends in an auth error (exit 3).
 */
export function jwtFor(ctx: ProviderContext, name: string, username: string, password: string, session?: JwtSession): JwtAuth {
  const baseUrl = effectiveBaseUrl(ctx);
  const jwt = (ctx.module as SessionModule).jwtAuth({
    username,
    password,
    ...(session ? { session } : {}),
    onSession: (fresh) => saveSession(name, fresh && ({ provider: ctx.provider, baseUrl, ...fresh } satisfies CachedSession)),
  });
  if (password) return jwt;
  // No password at hand: where jwtAuth would fall back to a new login (the refresh token refused too),
  // send no empty password but say what to do.
  const bind = jwt.bind.bind(jwt);
  jwt.bind = (context) =>
    bind({
      ...context,
      post: (path, body, options) =>
        path === '/login'
          ? Promise.reject(new AuthenticationError(`the saved session of profile "${name}" has ended: run \`hostbill --profile ${name} login\` again (or set HOSTBILL_PASSWORD)`, { request: { method: 'POST', url: `${context.baseUrl}${path}`, operation: `POST ${path}` } }))
          : context.post(path, body, options),
    });
  return jwt;
}

/**
 * The credentials of a call: HOSTBILL_TOKEN, else HOSTBILL_USERNAME + HOSTBILL_PASSWORD (Basic, or
 * JWT where the spec has no Basic scheme), else the selected profile for this provider.
 */
export function resolveAuth(ctx: ProviderContext, opts: GlobalOptions): unknown {
  const { HOSTBILL_USERNAME: username, HOSTBILL_PASSWORD: password, HOSTBILL_TOKEN: token } = process.env;
  if (token && ctx.module.bearerToken) return ctx.module.bearerToken(token);
  const schemes = (ctx.spec as { components?: { securitySchemes?: Record<string, { scheme?: string }> } }).components?.securitySchemes ?? {};
  const hasBasic = Object.values(schemes).some((s) => s.scheme === 'basic');
  if (username && password) return hasBasic || !hasJwtLogin(ctx.spec) ? ctx.module.basicAuth({ username, password }) : (ctx.module as SessionModule).jwtAuth({ username, password });
  const name = profileName(opts);
  const profile = readProfiles()[name];
  // a profile's credentials only ever go to the deployment it was made for
  if (!profile || profile.provider !== ctx.provider || (profile.baseUrl ?? ctx.spec.servers?.[0]?.url) !== effectiveBaseUrl(ctx)) return undefined;
  if (profile.auth === 'basic') return profile.password === undefined ? undefined : ctx.module.basicAuth({ username: profile.username, password: profile.password });
  const cached = readSessions()[name];
  const session = cached && cached.provider === ctx.provider && cached.baseUrl === effectiveBaseUrl(ctx) ? cached : undefined;
  return jwtFor(ctx, name, profile.username, password ?? '', session && { token: session.token, ...(session.refresh ? { refresh: session.refresh } : {}) });
}
