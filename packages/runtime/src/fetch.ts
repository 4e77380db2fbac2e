import type { AuthStrategy } from './auth/types.js';
import { describeRequest, errorForStatus, HostBillApiError, InvalidResponseError, NetworkError, TimeoutError, type RequestDescription } from './errors.js';
import { trafficEvent, type Logger, type TrafficEvent } from './log.js';
import { backoffDelay, isRetryableStatus, mayRetryMethod, parseRetryAfter, RETRY_DEFAULTS, sleep, type RetryOptions } from './retry.js';
import { redactText } from './redact.js';
import { linkSignals } from './signal.js';

/** The header our openapi-fetch middleware uses to tell the fetch which operation a request is. */
export const OPERATION_HEADER = 'x-hostbill-api-operation';

export interface ApiFetchOptions {
  fetch?: typeof fetch;
  auth?: AuthStrategy;
  /** `false` turns retries off */
  retry?: RetryOptions | false;
  /** per attempt, including reading the body; default 60 000 */
  timeoutMs?: number;
  /** throw typed errors for non-2xx answers instead of returning them */
  throwOnError?: boolean;
  logger?: Logger;
}

/**
 * The fetch handed to openapi-fetch. Middleware cannot replay a request, so everything that may
 * send one twice lives here: auth refresh-and-replay, retries with back-off and Retry-After, the
 * per-attempt timeout, and the check that a 2xx JSON answer really is JSON.
 */
export function createApiFetch(options: ApiFetchOptions = {}): typeof fetch {
  const baseFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const retry = options.retry === false ? { ...RETRY_DEFAULTS, retries: 0 } : { ...RETRY_DEFAULTS, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 60_000;
  const logger = options.logger;
  // events are only built (URL parsed, headers masked) when someone listens: the hot path stays lean
  const log = (build: () => TrafficEvent) => logger?.(build());

  return async function apiFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const original = input instanceof Request && init === undefined ? input : new Request(input, init);
    const headers = new Headers(original.headers);
    const operation = headers.get(OPERATION_HEADER) ?? undefined;
    headers.delete(OPERATION_HEADER);
    const method = original.method.toUpperCase();
    const body = method === 'GET' || method === 'HEAD' ? undefined : await original.arrayBuffer();
    const described: RequestDescription = { method, url: original.url, operation };
    const retryable = mayRetryMethod(method, retry);
    let replayed = false;

    for (let attempt = 0; ; attempt++) {
      const linked = linkSignals(timeoutMs, original.signal);
      const started = Date.now();
      try {
        const attemptHeaders = new Headers(headers);
        const credential = options.auth ? await options.auth.authorize(attemptHeaders, linked.signal) : undefined;
        const request = new Request(original.url, { method, headers: attemptHeaders, body, signal: linked.signal, redirect: original.redirect });
        log(() => trafficEvent({ type: 'request', method, url: original.url, attempt, headers: attemptHeaders }));
        const response = await baseFetch(request);

        if (response.status === 401 && options.auth?.recover && !replayed) {
          replayed = true; // one refresh-and-replay per call, so a bad credential can never loop
          await response.body?.cancel();
          if (await options.auth.recover(credential, linked.signal)) {
            attempt--;
            continue;
          }
        }
        if (isRetryableStatus(response.status) && retryable && attempt < retry.retries) {
          const delayMs = backoffDelay(attempt, retry, parseRetryAfter(response.headers.get('retry-after')));
          await response.body?.cancel();
          log(() => trafficEvent({ type: 'retry', method, url: original.url, attempt, status: response.status, delayMs }));
          linked.dispose();
          await sleep(delayMs, original.signal);
          continue;
        }
        const checked = await readChecked(response, described);
        log(() => trafficEvent({ type: 'response', method, url: original.url, attempt, status: response.status, durationMs: Date.now() - started, body: checked.json }));
        if (!response.ok && options.throwOnError) throw errorForStatus(response.status, described, checked.json ?? checked.text);
        return checked.response;
      } catch (error) {
        const failure = classify(error, linked.timedOut(), original.signal, described);
        const again = retryable && attempt < retry.retries && (failure instanceof NetworkError || failure instanceof TimeoutError || failure instanceof InvalidResponseError);
        log(() => trafficEvent({ type: again ? 'retry' : 'error', method, url: original.url, attempt, message: failure instanceof Error ? failure.message : String(failure) }));
        if (!again) throw failure;
        linked.dispose();
        await sleep(backoffDelay(attempt, retry), original.signal);
      } finally {
        linked.dispose();
      }
    }
  };
}

/** Our own errors pass through; the caller's abort stays the caller's; the rest become typed errors. */
function classify(error: unknown, timedOut: boolean, callerSignal: AbortSignal, request: RequestDescription): unknown {
  if (error instanceof HostBillApiError) return error;
  if (callerSignal.aborted) return callerSignal.reason ?? error;
  const what = describeRequest(request);
  if (timedOut) return new TimeoutError(`${what} timed out`, { request, cause: error });
  return new NetworkError(`${what} failed before an answer arrived: ${(error as Error)?.message ?? String(error)}`, { request, cause: error });
}

const JSON_TYPE = /\bjson\b/i;

/**
 * Reads the body once. A 2xx that claims JSON (or says nothing, or is an HTML page) must parse,
 * else an InvalidResponseError carrying the raw text: never a SyntaxError deep inside a client.
 */
async function readChecked(response: Response, request: RequestDescription): Promise<{ response: Response; json?: unknown; text?: string }> {
  const type = response.headers.get('content-type') ?? '';
  const expectsJson = JSON_TYPE.test(type) || type === '' || /html/i.test(type);
  if (response.status === 204 || request.method === 'HEAD' || (!expectsJson && response.ok)) return { response };
  const text = await response.text();
  const rebuilt = new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
  if (text === '') {
    if (response.ok) throw new InvalidResponseError(`${describeRequest(request)}: empty response body where JSON was expected`, { request, status: response.status, body: text });
    return { response: rebuilt, text };
  }
  try {
    return { response: rebuilt, json: JSON.parse(text), text };
  } catch {
    if (!response.ok) return { response: rebuilt, text };
    const masked = redactText(text);
    const preview = masked.length > 200 ? `${masked.slice(0, 200)}…` : masked;
    throw new InvalidResponseError(`${describeRequest(request)}: response is not valid JSON (HTTP ${response.status}): ${preview}`, {
      request,
      status: response.status,
      body: text,
    });
  }
}
