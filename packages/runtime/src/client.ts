import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import type { AuthStrategy } from './auth/types.js';
import { createApiFetch, OPERATION_HEADER } from './fetch.js';
import type { Logger } from './log.js';
import type { RetryOptions } from './retry.js';

export interface ProviderClientOptions {
  /** `basicAuth(...)`, `jwtAuth(...)` or `bearerToken(...)`; omit for the few open endpoints */
  auth?: AuthStrategy;
  /** defaults to the provider's API URL from its spec */
  baseUrl?: string;
  /** a custom fetch (tests, proxies, other runtimes) */
  fetch?: typeof fetch;
  /** default: 2 retries of idempotent calls on 408/429/5xx and network errors; `false` for none */
  retry?: RetryOptions | false;
  /** per attempt; default 60 000 ms */
  timeoutMs?: number;
  /** throw typed errors (HostBillApiError and subclasses) instead of returning `{ error }` */
  throwOnError?: boolean;
  /** receives every request, response, retry and error with secrets masked; see consoleLogger() */
  logger?: Logger;
  /** extra headers for every request */
  headers?: ClientOptions['headers'];
}

/** Tags each request with its operation (`GET /server/{server_id}`) so errors can name it. */
const nameOperation: Middleware = {
  onRequest({ request, schemaPath }) {
    request.headers.set(OPERATION_HEADER, `${request.method} ${schemaPath}`);
    return request;
  },
};

/**
 * openapi-fetch client typed by a provider's `paths`, with our fetch underneath (auth, retries,
 * timeouts, checked JSON) and middleware for what only decorates requests.
 */
export function createProviderClient<Paths extends {}>(options: ProviderClientOptions & { baseUrl: string }): Client<Paths, 'application/json'> {
  const plainFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  options.auth?.attach({ baseUrl: options.baseUrl, fetch: plainFetch });
  const client = createClient<Paths, 'application/json'>({
    baseUrl: options.baseUrl,
    headers: options.headers,
    fetch: createApiFetch({ ...options, fetch: plainFetch }),
  });
  client.use(nameOperation);
  return client;
}

type ClientFactory<Paths extends {}, Options> = (options: Options) => Client<Paths, 'application/json'>;

/**
 * What a provider package exports: a factory with the provider's base URL filled in. Without a
 * default (the generic HostBill spec), `baseUrl` is required of the user.
 */
export function defineProviderClient<Paths extends {}>(defaults: { baseUrl: string }): ClientFactory<Paths, ProviderClientOptions>;
export function defineProviderClient<Paths extends {}>(defaults?: { baseUrl?: undefined }): ClientFactory<Paths, ProviderClientOptions & { baseUrl: string }>;
export function defineProviderClient<Paths extends {}>(defaults: { baseUrl?: string } = {}): ClientFactory<Paths, ProviderClientOptions & { baseUrl: string }> {
  return (options) => {
    const baseUrl = options.baseUrl ?? defaults.baseUrl;
    if (!baseUrl) throw new TypeError('baseUrl is required: the address of the HostBill client area API, e.g. https://billing.example.com/api');
    return createProviderClient<Paths>({ ...options, baseUrl });
  };
}
