/** What a client gives the auth strategy it uses. */
export interface AuthContext {
  /** the client's API base URL: tokens belong to this deployment only */
  baseUrl: string;
  /**
   * POSTs to an auth endpoint of this API (`/login`, `/token`, ...) with the client's timeouts and
   * redaction, no auth of its own, and never following a redirect (credentials stay where they are
   * sent). Resolves with the parsed JSON; an error answer rejects with a typed error.
   */
  post(path: string, body: object | undefined, options?: { bearer?: string; signal?: AbortSignal }): Promise<unknown>;
}

/** A strategy bound to one client: decorates requests, may recover from a 401 once. */
export interface BoundAuth {
  /** sets `authorization`; returns an opaque marker of the credential used */
  authorize(headers: Record<string, string>, signal: AbortSignal): Promise<string | undefined>;
  /** after a 401 for a request made with `used`: true when replaying may now succeed */
  recover?(used: string | undefined, signal: AbortSignal): Promise<boolean>;
  /** the secret values it holds now, so errors and logs can mask them wherever they are echoed */
  secrets(): Iterable<string>;
}

/**
 * An auth strategy: `basicAuth`, `bearerToken` or `jwtAuth`. Strategies keep credentials in
 * closures, never in properties, so no `inspect`/`toJSON` shows them.
 */
export interface AuthStrategy {
  readonly kind: 'basic' | 'bearer' | 'jwt';
  /** called by each client that uses this strategy */
  bind(context: AuthContext): BoundAuth;
}

/**
 * Gives a strategy a safe face for `String()`, `JSON.stringify` and `util.inspect`: its kind and
 * user name, never what its closures hold.
 */
export function withSafeDescription<T extends AuthStrategy>(strategy: T, username?: string): T {
  const describe = () => (username === undefined ? `[${strategy.kind} auth]` : `[${strategy.kind} auth for ${username}]`);
  return Object.assign(strategy, { toString: describe, toJSON: describe, [Symbol.for('nodejs.util.inspect.custom')]: describe });
}
