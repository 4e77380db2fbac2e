/** What an auth strategy may use: the API's base URL and the plain (unwrapped) fetch. */
export interface AuthContext {
  baseUrl: string;
  fetch: typeof fetch;
}

/**
 * An auth strategy decorates each request and may recover from a 401 once (refresh, then replay).
 * Strategies keep credentials in closures, never in properties, so no `inspect`/`toJSON` shows them.
 */
export interface AuthStrategy {
  readonly kind: 'basic' | 'bearer' | 'jwt';
  /** called once by the client that uses this strategy */
  attach(context: AuthContext): void;
  /** sets the Authorization header; returns an opaque marker of the credential used */
  authorize(headers: Headers, signal?: AbortSignal): Promise<string | undefined>;
  /** after a 401 for a request made with `used`: true when replaying may now succeed */
  recover?(used: string | undefined, signal?: AbortSignal): Promise<boolean>;
}

/**
 * Gives a strategy a safe face for `String()`, `JSON.stringify` and `util.inspect`: its kind and
 * user name, never what its closures hold.
 */
export function withSafeDescription<T extends AuthStrategy>(strategy: T, username?: string): T {
  const describe = () => (username === undefined ? `[${strategy.kind} auth]` : `[${strategy.kind} auth for ${username}]`);
  return Object.assign(strategy, { toString: describe, toJSON: describe, [Symbol.for('nodejs.util.inspect.custom')]: describe });
}
