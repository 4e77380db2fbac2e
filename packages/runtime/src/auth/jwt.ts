import { AuthenticationError, InvalidResponseError } from '../errors.js';
import { settleWithin } from '../deadline.js';
import { assertHeaderSafe } from '../request.js';
import { withSafeDescription, type AuthContext, type AuthStrategy, type BoundAuth } from './types.js';

export interface JwtAuthOptions {
  /** client-area e-mail address */
  username: string;
  password: string;
  /** renew this long before the token's `exp`; default 60 s */
  refreshMarginMs?: number;
  /** for tests: the clock */
  now?: () => number;
  /** a session stored earlier (a CLI's token cache): used until it expires or is refused, then renewed */
  session?: JwtSession;
  /** told of every new session (login, refresh) and of its end (`undefined`: logout, revoke), to store it */
  onSession?: (session: JwtSession | undefined) => void;
}

/** What a JWT session is made of: store it only where the password could be stored. */
export interface JwtSession {
  token: string;
  refresh?: string;
}

export interface JwtAuth extends AuthStrategy {
  readonly kind: 'jwt';
  /** `POST /logout`: invalidates the current token; the next call logs in again */
  logout(options?: { signal?: AbortSignal }): Promise<void>;
  /** `POST /revoke`: invalidates the token and the refresh token */
  revoke(options?: { signal?: AbortSignal }): Promise<void>;
}

interface Tokens {
  token: string;
  refresh: string | undefined;
  /** epoch ms from the JWT's `exp`, when it has one */
  expiresAt: number | undefined;
  /**
   * Brought by a renewal for expiry, yet already inside the refresh margin when it arrived (a
   * short-lived token, or our clock ahead of the server's): renewing again would cost one `/token`
   * per call, so it is trusted until the server answers 401.
   */
  trustUntil401: boolean;
}

/** Reads `exp` from a JWT without verifying it (the server does that); undefined if unreadable. */
export function jwtExpiry(token: string): number | undefined {
  try {
    const payload = token.split('.')[1];
    if (!payload) return undefined;
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=')));
    return typeof json.exp === 'number' ? json.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

const REMEMBERED_TOKENS = 8;

/**
 * HostBill's JWT flow: `POST /login` lazily on first use, `POST /token` with the refresh token
 * shortly before `exp` and once after a 401, falling back to a new login when the refresh token is
 * refused. Concurrent requests share ONE login or refresh in flight; each waits for it no longer
 * than its own deadline. One session belongs to one deployment: binding it to a second base URL
 * is refused, so a token can never travel to another server.
 */
export function jwtAuth({ username, password, refreshMarginMs = 60_000, now = Date.now, session, onSession }: JwtAuthOptions): JwtAuth {
  assertHeaderSafe(username, 'jwtAuth: the username');
  if (session) assertHeaderSafe(session.token, 'jwtAuth: the stored session token');
  let context: AuthContext | undefined;
  let renewal: Promise<Tokens> | undefined;
  /** bumped by logout/revoke: a renewal started before it may not bring the session back */
  let generation = 0;
  const held: string[] = [];
  const remember = (value: string | undefined) => {
    if (typeof value !== 'string') return;
    held.unshift(value);
    held.length = Math.min(held.length, REMEMBERED_TOKENS);
  };
  /** a throwing onSession must not fail the call whose renewal it reports */
  const report = (fresh: Tokens | undefined) => {
    try {
      onSession?.(fresh && (fresh.refresh === undefined ? { token: fresh.token } : { token: fresh.token, refresh: fresh.refresh }));
    } catch {
      /* the caller's store failed; the session goes on */
    }
  };
  let tokens: Tokens | undefined;
  if (session) {
    remember(session.refresh);
    remember(session.token);
    tokens = { token: session.token, refresh: session.refresh, expiresAt: jwtExpiry(session.token), trustUntil401: false };
  }

  const toTokens = (answer: unknown, path: string): Tokens => {
    const { token, refresh } = (answer ?? {}) as { token?: unknown; refresh?: unknown };
    const request = { method: 'POST', url: `${context!.baseUrl}${path}`, operation: `POST ${path}` };
    if (typeof token !== 'string' || !token) throw new InvalidResponseError(`POST ${path} answered without a token`, { request });
    try {
      assertHeaderSafe(token, `POST ${path}: the token`);
    } catch (error) {
      throw new InvalidResponseError((error as Error).message, { request });
    }
    for (const value of [refresh, token]) remember(value as string | undefined);
    const expiresAt = jwtExpiry(token);
    return { token, refresh: typeof refresh === 'string' ? refresh : undefined, expiresAt, trustUntil401: false };
  };

  const login = async () => toTokens(await context!.post('/login', { username, password }), '/login');

  const refreshOrLogin = async (current: Tokens | undefined): Promise<Tokens> => {
    if (!current?.refresh) return login();
    try {
      const answer = toTokens(await context!.post('/token', { refresh_token: current.refresh }), '/token');
      return { ...answer, refresh: answer.refresh ?? current.refresh };
    } catch (error) {
      // an expired or revoked refresh token: start over with the credentials
      if (error instanceof AuthenticationError) return login();
      throw error;
    }
  };

  /** single flight, bounded by the client's own timeouts (not by any one caller's signal) */
  const renew = (current: Tokens | undefined, forExpiry = false): Promise<Tokens> => {
    if (!renewal) {
      const started = generation;
      const flight: Promise<Tokens> = refreshOrLogin(current)
        .then((fresh) => {
          fresh.trustUntil401 = forExpiry && isInMargin(fresh);
          if (started === generation) {
            tokens = fresh;
            report(fresh);
          }
          return fresh;
        })
        .finally(() => {
          if (renewal === flight) renewal = undefined;
        });
      renewal = flight;
    }
    return renewal;
  };

  const isInMargin = (t: Tokens) => t.expiresAt !== undefined && t.expiresAt - now() <= refreshMarginMs;
  const expiring = (t: Tokens) => !t.trustUntil401 && isInMargin(t);

  const bound: BoundAuth = {
    async authorize(headers, signal) {
      let current = renewal ? await settleWithin(renewal, signal) : tokens;
      if (!current || expiring(current)) current = await settleWithin(renew(current, current !== undefined), signal);
      headers.authorization = `Bearer ${current.token}`;
      return current.token;
    },
    async recover(used, signal) {
      if (renewal) await settleWithin(renewal, signal);
      if (tokens && tokens.token !== used) return true; // someone renewed it meanwhile
      await settleWithin(renew(tokens), signal);
      return true;
    },
    secrets: () => [password, ...held],
  };

  const endSession = async (send: (current: Tokens) => Promise<unknown>) => {
    const current = tokens;
    generation++;
    tokens = undefined;
    renewal = undefined;
    report(undefined);
    if (current && context) await send(current);
  };

  const strategy: JwtAuth = {
    kind: 'jwt',
    bind(ctx) {
      if (context && context.baseUrl !== ctx.baseUrl) {
        throw new TypeError(`jwtAuth: this session already belongs to ${context.baseUrl}; create one jwtAuth per deployment (asked for ${ctx.baseUrl})`);
      }
      context ??= ctx;
      return bound;
    },
    logout: (options) => endSession((current) => context!.post('/logout', undefined, { bearer: current.token, signal: options?.signal })),
    revoke: (options) =>
      endSession((current) =>
        current.refresh ? context!.post('/revoke', { refresh_token: current.refresh }, { signal: options?.signal }) : context!.post('/revoke', undefined, { bearer: current.token, signal: options?.signal }),
      ),
  };
  return withSafeDescription(strategy, username);
}
