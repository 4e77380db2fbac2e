import type { AuthContext, BoundAuth } from './auth/types.js';
import { safeLogger } from './log.js';
import { NetworkError } from './errors.js';
import { createRedactor } from './redact.js';
import { assertHeaderSafe, buildPath, buildUrl, checkHeaders, mergeHeaders, serializeBody } from './request.js';
import { resolveRetry } from './retry.js';
import { send, type PreparedCall, type Transport } from './transport.js';
import type { Recorder } from './record.js';
import { checkedMode, type ResponseChecker, type ResponseValidatorsInput } from './validate.js';
import type { HostBillClient, ProviderClientFactory, ProviderClientOptions, RequestOptions, ResponseRecording } from './types.js';

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_TOTAL_TIMEOUT_MS = 120_000;
const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const;
/** RequestOptions handled here; anything else in an init goes to fetch as it is. */
const OWN_KEYS = new Set(['params', 'body', 'headers', 'signal', 'timeoutMs', 'totalTimeoutMs', 'retry', 'throwOnError', 'maxResponseBytes', 'parseAs', 'validateResponses']);

type LooseInit = RequestOptions & { params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> }; body?: unknown };

/**
 * A typed client over a provider's `paths`. Calls take openapi-fetch's shape and answer
 * `{ data }` or `{ error }` (or throw, with `throwOnError`); network failures, timeouts, aborts
 * and requests that cannot be sent always throw.
 */
export function createProviderClient<Paths extends {}>(options: ProviderClientOptions & { baseUrl: string; provider?: string }): HostBillClient<Paths, boolean> {
  const baseUrl = checkedBaseUrl(options.baseUrl);
  const fetchImpl = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  let bound: BoundAuth | undefined;
  const redactor = createRedactor(() => bound?.secrets() ?? []);
  const transport: Transport = { fetch: fetchImpl, redactor, log: safeLogger(options.logger, redactor) };
  const clientRetry = resolveRetry(options.retry);
  const clientHeaders = mergeHeaders({}, options.headers);
  for (const [name, value] of Object.entries(clientHeaders)) assertHeaderSafe(name + value, `headers: "${name}"`);
  const defaults = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    totalTimeoutMs: options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS,
    throwOnError: options.throwOnError ?? false,
    validateResponses: checkedMode(options.validateResponses, 'validateResponses'),
  };
  if (defaults.validateResponses !== 'off' && !options.validators) {
    throw new TypeError("validateResponses needs the provider's validators: validators: () => import('@hostbill-api/<provider>/validators')");
  }
  let checker: Promise<ResponseChecker> | undefined;
  const record: Recorder | undefined = options.recordResponses ? openRecording(options.recordResponses, () => [...(bound?.secrets() ?? [])]) : undefined;

  const authContext: AuthContext = {
    baseUrl,
    async post(path, body, { bearer, signal } = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (bearer) headers.authorization = `Bearer ${bearer}`;
      const attempt = async () => {
        const outcome = await send(
          {
            request: { method: 'POST', url: `${baseUrl}${path}`, operation: `POST ${path}` },
            headers,
            body: body === undefined ? undefined : JSON.stringify(body),
            init: undefined,
            parseAs: 'json',
            signal,
            retry: resolveRetry(false),
            timeoutMs: defaults.timeoutMs,
            totalTimeoutMs: defaults.totalTimeoutMs,
            maxResponseBytes: options.maxResponseBytes,
            auth: undefined,
            credentials: true,
          },
          transport,
        );
        if (!outcome.ok) throw outcome.failure;
        return outcome.data ?? {};
      };
      try {
        return await attempt();
      } catch (error) {
        // A login or refresh sent on a keep-alive socket the server had just closed never got an
        // answer; one more try is safe (it only issues a token), where a POST of the user's is not.
        if (!(error instanceof NetworkError) || signal?.aborted) throw error;
        return attempt();
      }
    },
  };
  bound = options.auth?.bind(authContext);

  const call = async (method: string, path: string, init: LooseInit = {}) => {
    const upper = method.toUpperCase();
    const operation = `${upper} ${path}`;
    const params = init.params;
    const url = buildUrl(baseUrl, buildPath(path, params?.path, operation, `${baseUrl}${path}`), params?.query);
    const headers = params?.header || init.headers ? mergeHeaders(mergeHeaders({ ...clientHeaders }, params?.header as Record<string, string>), init.headers) : { ...clientHeaders };
    if (params?.header || init.headers) checkHeaders(headers, operation, url);
    const prepared: PreparedCall = {
      request: { method: upper, url, operation },
      headers,
      body: serializeBody(init.body, headers),
      init: passThrough(init),
      parseAs: init.parseAs ?? 'auto',
      signal: init.signal,
      retry: init.retry === undefined ? clientRetry : resolveRetry(init.retry, clientRetry),
      timeoutMs: init.timeoutMs ?? defaults.timeoutMs,
      totalTimeoutMs: init.totalTimeoutMs ?? defaults.totalTimeoutMs,
      maxResponseBytes: init.maxResponseBytes ?? options.maxResponseBytes,
      auth: bound,
    };
    const outcome = await send(prepared, transport);
    if (record) {
      const body = outcome.ok ? outcome.data : outcome.error;
      await record({
        provider: options.provider,
        operation,
        status: outcome.response.status,
        contentType: outcome.response.headers.get('content-type') ?? undefined,
        body: body === undefined ? undefined : (outcome.ok ? outcome.json : typeof body === 'object') ? body : '<text>',
      });
    }
    if (outcome.ok) {
      const mode = init.validateResponses === undefined ? defaults.validateResponses : checkedMode(init.validateResponses, `${operation}: validateResponses`);
      if (mode !== 'off' && outcome.json && outcome.response.status === 200) {
        (await (checker ??= loadChecker(options.validators, options.onResponseDrift))).check(mode, prepared.request, outcome.data);
      }
      return { data: outcome.data, response: outcome.response };
    }
    if (init.throwOnError ?? defaults.throwOnError) throw outcome.failure;
    return { error: outcome.error, response: outcome.response };
  };

  const client: Record<string, unknown> = { baseUrl, request: (method: string, path: string, init?: LooseInit) => call(method, path, init) };
  for (const method of METHODS) client[method] = (path: string, init?: LooseInit) => call(method, path, init);
  return client as unknown as HostBillClient<Paths, boolean>;
}

function openRecording(recording: ResponseRecording, secrets: () => readonly string[]): Recorder {
  // the options object of earlier versions (`{ path }`) is refused with the way to write it now
  if (typeof recording?.open !== 'function') {
    throw new TypeError("recordResponses takes recordResponses({ path }) from '@hostbill-api/<provider>/record' (or '@hostbill-api/runtime/record')");
  }
  return recording.open(secrets);
}

/** The validators are loaded on the first validated call, once per client (a dynamic import stays out of the default bundle). */
async function loadChecker(input: ResponseValidatorsInput | undefined, onDrift: ProviderClientOptions['onResponseDrift']): Promise<ResponseChecker> {
  if (!input) throw new TypeError("validateResponses needs the provider's validators: validators: () => import('@hostbill-api/<provider>/validators')");
  const loaded = typeof input === 'function' ? await input() : input;
  const validators = 'validators' in loaded ? loaded.validators : loaded;
  if (typeof validators?.checker !== 'function') throw new TypeError("validators must be what @hostbill-api/<provider>/validators exports (its module, or its `validators`)");
  return validators.checker(onDrift);
}

/** No trailing slash; never credentials (fetch would refuse them anyway, quoting the URL in its error). */
function checkedBaseUrl(raw: string): string {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new TypeError('baseUrl must be an absolute URL, e.g. https://billing.example.com/api');
  }
  if (parsed.username || parsed.password) throw new TypeError('baseUrl may not contain a user name or password: pass them as auth (basicAuth or jwtAuth)');
  return raw.replace(/\/+$/, '');
}

/** RequestInit fields the user set (cache, credentials, ...), or undefined when none: the common case costs nothing. */
function passThrough(init: LooseInit): RequestInit | undefined {
  let extra: Record<string, unknown> | undefined;
  for (const key in init) {
    if (OWN_KEYS.has(key)) continue;
    (extra ??= {})[key] = (init as Record<string, unknown>)[key];
  }
  return extra as RequestInit | undefined;
}

/**
 * What a provider package exports: a factory with the provider's base URL filled in. Without a
 * default (the generic HostBill spec), `baseUrl` is required of the user.
 */
export function defineProviderClient<Paths extends {}>(defaults: { baseUrl: string; provider?: string }): ProviderClientFactory<Paths, 'optional'>;
export function defineProviderClient<Paths extends {}>(defaults?: { baseUrl?: undefined; provider?: string }): ProviderClientFactory<Paths, 'required'>;
export function defineProviderClient<Paths extends {}>(defaults: { baseUrl?: string; provider?: string } = {}): unknown {
  return (options: ProviderClientOptions = {}) => {
    const baseUrl = options.baseUrl ?? defaults.baseUrl;
    if (!baseUrl) throw new TypeError('baseUrl is required: the address of the HostBill client area API, e.g. https://billing.example.com/api');
    return createProviderClient<Paths>({ ...options, baseUrl, provider: defaults.provider });
  };
}
