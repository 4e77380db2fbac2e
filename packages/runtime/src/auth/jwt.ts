import { AuthenticationError, errorForStatus, InvalidResponseError } from '../errors.js';
import { withSafeDescription, type AuthContext, type AuthStrategy } from './types.js';

export interface JwtAuthOptions {
  /** client-area e-mail address */
  username: string;
  password: string;
  /** renew this long before the token's `exp`; default 60 s */
  refreshMarginMs?: number;
  /** for tests: the clock */
  now?: () => number;
}

export interface JwtAuth extends AuthStrategy {
  readonly kind: 'jwt';
  /** `POST /logout`: invalidates the current token; the next call logs in again */
  logout(): Promise<void>;
  /** `POST /revoke`: invalidates the token and the refresh token */
  revoke(): Promise<void>;
}

interface Tokens {
  token: string;
  refresh: string | undefined;
  /** epoch ms from the JWT's `exp`, when it has one */
  expiresAt: number | undefined;
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

/**
 * HostBill's JWT flow: `POST /login` lazily on first use, `POST /token` with the refresh token
 * shortly before `exp` and once after a 401, falling back to a new login when the refresh token is
 * refused. Concurrent requests share ONE login or refresh in flight.
 */
export function jwtAuth({ username, password, refreshMarginMs = 60_000, now = Date.now }: JwtAuthOptions): JwtAuth {
  let context: AuthContext | undefined;
  let tokens: Tokens | undefined;
  let renewal: Promise<Tokens> | undefined;

  const call = async (path: string, body: object | undefined, bearer?: string): Promise<unknown> => {
    if (!context) throw new Error('jwtAuth is not attached to a client yet');
    const url = `${context.baseUrl.replace(/\/+$/, '')}${path}`;
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    const response = await context.fetch(url, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    const request = { method: 'POST', url, operation: `POST ${path}` };
    if (!response.ok) throw errorForStatus(response.status, request, parsed);
    return parsed ?? {};
  };

  const toTokens = (answer: unknown, path: string): Tokens => {
    const { token, refresh } = (answer ?? {}) as { token?: unknown; refresh?: unknown };
    if (typeof token !== 'string' || !token) {
      throw new InvalidResponseError(`POST ${path} answered without a token`, { request: { method: 'POST', url: path }, body: answer });
    }
    return { token, refresh: typeof refresh === 'string' ? refresh : undefined, expiresAt: jwtExpiry(token) };
  };

  const login = async () => toTokens(await call('/login', { username, password }), '/login');

  const refreshOrLogin = async (current: Tokens | undefined): Promise<Tokens> => {
    if (!current?.refresh) return login();
    try {
      const answer = toTokens(await call('/token', { refresh_token: current.refresh }), '/token');
      return { ...answer, refresh: answer.refresh ?? current.refresh };
    } catch (error) {
      // an expired or revoked refresh token: start over with the credentials
      if (error instanceof AuthenticationError) return login();
      throw error;
    }
  };

  /** single flight: whoever asks while a renewal runs gets that renewal's result */
  const renew = (current: Tokens | undefined): Promise<Tokens> => {
    renewal ??= refreshOrLogin(current)
      .then((fresh) => (tokens = fresh))
      .finally(() => {
        renewal = undefined;
      });
    return renewal;
  };

  const expiring = (t: Tokens) => t.expiresAt !== undefined && t.expiresAt - now() <= refreshMarginMs;

  const strategy: JwtAuth = {
    kind: 'jwt',
    attach(ctx) {
      context = ctx;
    },
    async authorize(headers) {
      let current = renewal ? await renewal : tokens;
      if (!current || expiring(current)) current = await renew(current);
      headers.set('authorization', `Bearer ${current.token}`);
      return current.token;
    },
    async recover(used) {
      if (renewal) await renewal;
      if (tokens && tokens.token !== used) return true; // someone renewed it meanwhile
      await renew(tokens);
      return true;
    },
    async logout() {
      const current = tokens;
      tokens = undefined;
      if (current) await call('/logout', undefined, current.token);
    },
    async revoke() {
      const current = tokens;
      tokens = undefined;
      if (current?.refresh) await call('/revoke', { refresh_token: current.refresh });
      else if (current) await call('/revoke', undefined, current.token);
    },
  };
  return withSafeDescription(strategy, username);
}
