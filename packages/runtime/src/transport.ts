import type { BoundAuth } from './auth/types.js';
import { BodyTooLargeError, readBody, type ParseAs, type ReadBody } from './body.js';
import { linkSignals, type LinkedSignal } from './deadline.js';
import {
  AbortError,
  AuthenticationError,
  describeRequest,
  errorForStatus,
  HostBillApiError,
  InvalidRequestError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
  type RequestDescription,
} from './errors.js';
import type { TrafficEvent } from './log.js';
import type { Redactor } from './redact.js';
import { backoffDelay, isTransientError, isTransientStatus, mayRetryMethod, parseRetryAfter, sleep, type ResolvedRetry } from './retry.js';

/** What one client fixes for all its calls. */
export interface Transport {
  fetch: typeof fetch;
  redactor: Redactor;
  log: ((build: () => TrafficEvent & { headers?: Record<string, string> }) => void) | undefined;
}

/** One call, resolved: URL built, headers merged, options settled. */
export interface PreparedCall {
  request: RequestDescription;
  headers: Record<string, string>;
  body: BodyInit | undefined;
  /** RequestInit fields passed through (cache, credentials, ...) */
  init: RequestInit | undefined;
  parseAs: ParseAs;
  signal: AbortSignal | undefined;
  retry: ResolvedRetry;
  timeoutMs: number;
  totalTimeoutMs: number;
  maxResponseBytes: number | undefined;
  auth: BoundAuth | undefined;
  /** the body holds credentials: a redirect is refused, never followed */
  credentials?: boolean;
}

export type Outcome = { ok: true; data: unknown; response: Response; json?: boolean } | { ok: false; error: unknown; response: Response; failure: HostBillApiError };

/** The HTTP answer behind an error, kept off the error object so no `inspect` prints a Response. */
const ANSWERS = new WeakMap<HostBillApiError, { response: Response; body: unknown }>();

export function answerOf(error: unknown): { response: Response; body: unknown } | undefined {
  return error instanceof HostBillApiError ? ANSWERS.get(error) : undefined;
}

/**
 * Sends a call: auth, the attempt loop with retries and back-off inside one total budget, a
 * deadline on every attempt that holds whatever fetch does, the body read once. Resolves with
 * the answer (`ok` or not); rejects only when there is no usable answer: network, timeout,
 * abort, or a request that could not be sent.
 */
export async function send(call: PreparedCall, transport: Transport): Promise<Outcome> {
  const { request, retry } = call;
  const deadline = Date.now() + call.totalTimeoutMs;
  const replayable = !(typeof ReadableStream !== 'undefined' && call.body instanceof ReadableStream);
  const retryable = replayable && mayRetryMethod(request.method, retry);
  let replayed = false;

  for (let attempt = 0; ; attempt++) {
    const remaining = deadline - Date.now();
    const lastChance = remaining <= call.timeoutMs;
    const linked = linkSignals(Math.min(call.timeoutMs, remaining), call.signal);
    const started = transport.log ? Date.now() : 0;
    try {
      const headers = call.auth ? { ...call.headers } : call.headers;
      const used = call.auth ? await authorize(call.auth, headers, linked.signal, request, transport) : undefined;
      transport.log?.(() => ({ type: 'request', method: request.method, url: request.url, attempt, headers }));
      const init: RequestInit = { ...call.init, method: request.method, headers, body: call.body, signal: linked.signal };
      if (call.credentials) init.redirect = 'manual';
      const response = await linked.race(transport.fetch(request.url, init));

      if (call.credentials && isRedirect(response)) {
        await discard(response);
        throw new AuthenticationError(`${describeRequest(request)} answered with a redirect (HTTP ${response.status}); credentials are never sent on to another address`, {
          request,
          status: response.status,
          headers: response.headers,
          redactor: transport.redactor,
        });
      }
      if (response.status === 401 && call.auth?.recover && !replayed && replayable) {
        replayed = true; // one refresh-and-replay per call, so a bad credential can never loop
        if (await linked.race(call.auth.recover(used, linked.signal))) {
          await discard(response);
          attempt--;
          continue;
        }
      }
      if (isTransientStatus(response.status) && retryable && attempt < retry.retries) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
        const delayMs = backoffDelay(attempt, retry, retryAfterMs);
        // a wait longer than allowed ends the call now, with the answer (a 429 says how long)
        if (delayMs <= retry.maxDelayMs && Date.now() + delayMs < deadline) {
          await discard(response);
          transport.log?.(() => ({ type: 'retry', method: request.method, url: request.url, attempt, status: response.status, delayMs }));
          linked.dispose();
          await pause(delayMs, call, request, transport);
          continue;
        }
      }
      const read = await linked.race(readBody(response, request.method, call.parseAs, call.maxResponseBytes));
      const outcome = toOutcome(response, read, request, transport);
      transport.log?.(() => ({ type: 'response', method: request.method, url: request.url, attempt, status: response.status, durationMs: Date.now() - started, body: read.kind === 'json' ? read.value : undefined }));
      if (!outcome.ok && outcome.failure instanceof InvalidResponseError && response.ok) throw outcome.failure;
      return outcome;
    } catch (error) {
      const failure = classify(error, linked, call, lastChance, transport);
      const delayMs = backoffDelay(attempt, retry);
      const again = retryable && attempt < retry.retries && isTransientError(failure) && !(failure instanceof AbortError) && !isFinalTimeout(failure, lastChance) && Date.now() + delayMs < deadline;
      transport.log?.(() => ({ type: again ? 'retry' : 'error', method: request.method, url: request.url, attempt, message: failure.message, ...(again ? { delayMs } : {}) }));
      if (!again) {
        const answer = ANSWERS.get(failure);
        if (answer) return { ok: false, error: answer.body, response: answer.response, failure };
        throw failure;
      }
      linked.dispose();
      await pause(delayMs, call, request, transport);
    } finally {
      linked.dispose();
    }
  }
}

function isFinalTimeout(failure: HostBillApiError, lastChance: boolean): boolean {
  return failure instanceof TimeoutError && (lastChance || failure.budget === 'total');
}

/** The wait between attempts; the caller's abort ends it at once as an AbortError. */
async function pause(ms: number, call: PreparedCall, request: RequestDescription, transport: Transport): Promise<void> {
  try {
    await sleep(ms, call.signal);
  } catch (reason) {
    throw abortError(request, reason, transport);
  }
}

/** The strategy's own failures (a token function that throws, a token with a line break) are not network errors. */
async function authorize(auth: BoundAuth, headers: Record<string, string>, signal: AbortSignal, request: RequestDescription, transport: Transport): Promise<string | undefined> {
  try {
    return await auth.authorize(headers, signal);
  } catch (error) {
    if (error instanceof HostBillApiError || signal.aborted) throw error;
    throw new InvalidRequestError(`${describeRequest(request)}: could not authorize the request: ${(error as Error)?.message ?? String(error)}; nothing was sent`, {
      request,
      cause: error,
      redactor: transport.redactor,
    });
  }
}

function toOutcome(response: Response, read: ReadBody, request: RequestDescription, transport: Transport): Outcome {
  const { redactor } = transport;
  if (response.ok) {
    if (read.kind === 'json') return { ok: true, data: read.value, response, json: true };
    if (read.kind === 'other') return { ok: true, data: read.value, response };
    if (read.kind === 'empty') return { ok: true, data: undefined, response };
    if (!read.expectedJson) return { ok: true, data: read.text, response };
    const masked = redactor.text(read.text);
    const preview = masked.length > 200 ? `${masked.slice(0, 200)}…` : masked;
    const what = read.text === '' ? 'empty response body where JSON was expected' : `response is not valid JSON (HTTP ${response.status}): ${preview}`;
    const failure = new InvalidResponseError(`${describeRequest(request, redactor)}: ${what}`, { request, status: response.status, body: read.text, headers: response.headers, redactor });
    return remember(failure, response, redactor.text(read.text));
  }
  const body = read.kind === 'json' ? read.value : read.kind === 'text' ? read.text : undefined;
  const retryAfterMs = response.status === 429 || response.status === 503 ? parseRetryAfter(response.headers.get('retry-after')) : undefined;
  const failure = errorForStatus(response.status, { request, body, headers: response.headers, redactor, retryAfterMs });
  return remember(failure, response, redactor.value(body));
}

function remember(failure: HostBillApiError, response: Response, body: unknown): Outcome {
  ANSWERS.set(failure, { response, body });
  return { ok: false, error: body, response, failure };
}

/** Everything thrown inside an attempt becomes one of our typed errors. */
function classify(error: unknown, linked: LinkedSignal, call: PreparedCall, lastChance: boolean, transport: Transport): HostBillApiError {
  const { request } = call;
  if (call.signal?.aborted) return abortError(request, call.signal.reason, transport);
  if (linked.timedOut()) {
    const limit = lastChance ? `its total budget of ${call.totalTimeoutMs} ms` : `${call.timeoutMs} ms`;
    return new TimeoutError(`${describeRequest(request)} timed out after ${limit}`, { request, cause: error, redactor: transport.redactor, budget: lastChance ? 'total' : 'attempt' });
  }
  if (error instanceof HostBillApiError) return error;
  if (error instanceof BodyTooLargeError) return new InvalidResponseError(`${describeRequest(request)}: ${error.message}`, { request, redactor: transport.redactor });
  const { code, detail } = networkCause(error);
  return new NetworkError(`${describeRequest(request)} failed before an answer arrived: ${detail}`, { request, cause: error, code, redactor: transport.redactor });
}

function abortError(request: RequestDescription, reason: unknown, transport: Transport): AbortError {
  const why = reason instanceof Error ? reason.message : reason === undefined ? '' : String(reason);
  return new AbortError(`${describeRequest(request)} was aborted${why ? `: ${why}` : ''}`, { request, cause: reason, redactor: transport.redactor });
}

/** `ECONNREFUSED 127.0.0.1:9` from undici's `fetch failed` and its nested causes. */
function networkCause(error: unknown): { code: string | undefined; detail: string } {
  let node = error as { cause?: unknown; code?: unknown; address?: unknown; port?: unknown; errors?: unknown[]; message?: unknown } | undefined;
  for (let depth = 0; node && depth < 5; depth++) {
    const candidate = Array.isArray(node.errors) && node.errors.length ? (node.errors[0] as typeof node) : node;
    if (candidate && typeof candidate.code === 'string') {
      const where = typeof candidate.address === 'string' ? ` ${candidate.address}${candidate.port === undefined ? '' : `:${candidate.port}`}` : '';
      // undici's own codes (UND_ERR_SOCKET) say little alone; the message says what happened
      const said = candidate.code.startsWith('UND_') && typeof candidate.message === 'string' ? ` (${candidate.message})` : '';
      return { code: candidate.code, detail: `${candidate.code}${where}${said}` };
    }
    if (!node.cause) break;
    node = node.cause as typeof node;
  }
  const message = (node as { message?: unknown } | undefined)?.message ?? (error as Error)?.message;
  return { code: undefined, detail: typeof message === 'string' ? message : String(error) };
}

function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400 && response.status !== 304);
}

async function discard(response: Response): Promise<void> {
  if (!response.bodyUsed) await response.body?.cancel().catch(() => {});
}
