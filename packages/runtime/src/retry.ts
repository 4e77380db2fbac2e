import { HostBillApiError, InvalidResponseError, NetworkError, RateLimitError, TimeoutError } from './errors.js';

/** Retry policy: which failures are worth another try, and how long to wait before it. */
export interface RetryOptions {
  /** further attempts after the first; default 2 */
  retries?: number;
  /** first back-off delay in ms; default 500 */
  baseDelayMs?: number;
  /** longest single wait in ms; a `Retry-After` asking for longer ends the call at once. Default 30 000 */
  maxDelayMs?: number;
  /** POST/PATCH are not idempotent: retried only when the user says so */
  retryNonIdempotent?: boolean;
}

export type ResolvedRetry = Required<RetryOptions>;

export const RETRY_DEFAULTS: ResolvedRetry = { retries: 2, baseDelayMs: 500, maxDelayMs: 30_000, retryNonIdempotent: false };
const NO_RETRY: ResolvedRetry = { ...RETRY_DEFAULTS, retries: 0 };

export function resolveRetry(options: RetryOptions | false | undefined, base: ResolvedRetry = RETRY_DEFAULTS): ResolvedRetry {
  if (options === false) return NO_RETRY;
  return options === undefined ? base : { ...base, ...options };
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export function mayRetryMethod(method: string, options: RetryOptions = {}): boolean {
  return IDEMPOTENT.has(method.toUpperCase()) || (options.retryNonIdempotent ?? RETRY_DEFAULTS.retryNonIdempotent);
}

/**
 * THE rule for "try again later" (used by retries and by polling): timeouts, rate limits and
 * server errors, except 501/505 which say "never". Nothing else decides transience.
 */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

/** The same rule for errors: no answer at all, a garbled answer, or a transient status. */
export function isTransientError(error: unknown): boolean {
  if (error instanceof NetworkError || error instanceof TimeoutError || error instanceof RateLimitError || error instanceof InvalidResponseError) return true;
  return error instanceof HostBillApiError && error.status !== undefined && isTransientStatus(error.status);
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Exponential back-off with "equal jitter": half of base·2^attempt fixed, half random, capped at
 * maxDelayMs. The fixed half keeps waits from collapsing to zero; the random half keeps a thousand
 * clients from retrying in lock-step. A server's Retry-After wins when it asks for longer.
 */
export function backoffDelay(attempt: number, options: RetryOptions = {}, retryAfterMs?: number, random = Math.random): number {
  const base = options.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs;
  const max = options.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs;
  const exponential = Math.min(max, base * 2 ** attempt);
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
