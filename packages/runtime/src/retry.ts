/** Retry policy: which failures are worth another try, and how long to wait before it. */
export interface RetryOptions {
  /** further attempts after the first; default 2 */
  retries?: number;
  /** first back-off delay in ms; default 500 */
  baseDelayMs?: number;
  /** longest single wait in ms, Retry-After included; default 30 000 */
  maxDelayMs?: number;
  /** POST/PATCH are not idempotent: retried only when the user says so */
  retryNonIdempotent?: boolean;
}

export const RETRY_DEFAULTS = { retries: 2, baseDelayMs: 500, maxDelayMs: 30_000, retryNonIdempotent: false } as const;

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status) || (status >= 500 && status !== 501 && status !== 505);
}

export function mayRetryMethod(method: string, options: RetryOptions = {}): boolean {
  return IDEMPOTENT.has(method.toUpperCase()) || (options.retryNonIdempotent ?? RETRY_DEFAULTS.retryNonIdempotent);
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
 * Exponential back-off with full jitter (attempt 0 waits up to base, then 2x, 4x ...), capped; a
 * server's Retry-After wins over our schedule when it asks for longer.
 */
export function backoffDelay(attempt: number, options: RetryOptions = {}, retryAfterMs?: number, random = Math.random): number {
  const base = options.baseDelayMs ?? RETRY_DEFAULTS.baseDelayMs;
  const max = options.maxDelayMs ?? RETRY_DEFAULTS.maxDelayMs;
  const exponential = Math.min(max, base * 2 ** attempt);
  const jittered = exponential / 2 + random() * (exponential / 2);
  return Math.min(max, Math.max(jittered, retryAfterMs ?? 0));
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
