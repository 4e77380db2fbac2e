import { linkSignals, settleWithin } from './deadline.js';
import { AbortError } from './errors.js';
import { backoffDelay, sleep } from './retry.js';

export interface PollOptions<T> {
  /** first wait between attempts in ms; grows exponentially with jitter up to maxIntervalMs. Default 1000 */
  intervalMs?: number;
  /** longest wait between attempts; default 10 000 */
  maxIntervalMs?: number;
  /** wait before the first check: a number, or `'spread'` for a random share of intervalMs (default 0) */
  initialDelayMs?: number | 'spread';
  /** give up after this long in total, checks included; default 300 000 (5 min) */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** called with every value that was not done yet */
  onProgress?: (value: T, attempt: number) => void;
  /** errors worth another attempt instead of failing the wait (network blips, 503s); default: none */
  isTransient?: (error: unknown) => boolean;
  /** names what is awaited, in errors */
  operation?: string;
  /** injectable for tests */
  random?: () => number;
}

/** The wait outlived its `timeoutMs`; `lastValue` is what the last successful check returned. */
export class PollTimeoutError<T = unknown> extends Error {
  override name = 'PollTimeoutError';
  constructor(
    message: string,
    readonly lastValue: T | undefined,
    readonly attempts: number,
  ) {
    super(message);
  }
}

/**
 * Calls `check` until `isDone(value)`; between calls waits with exponential back-off and jitter (so
 * a thousand waiters never hit the API in lock-step). Each check gets a signal that carries both the
 * caller's abort and the overall deadline, and is abandoned the moment either fires, wherever it is.
 */
export async function poll<T>(check: (signal: AbortSignal) => Promise<T>, isDone: (value: T) => boolean, options: PollOptions<T> = {}): Promise<T> {
  const { intervalMs = 1000, maxIntervalMs = 10_000, initialDelayMs = 0, timeoutMs = 300_000, signal, onProgress, isTransient = () => false, random = Math.random } = options;
  const what = options.operation ?? 'poll';
  const linked = linkSignals(timeoutMs, signal);
  let lastValue: T | undefined;
  let attempts = 0;
  const stopped = (error: unknown): unknown => {
    if (linked.timedOut()) return new PollTimeoutError(`${what}: still not done after ${timeoutMs} ms (${attempts} checks)`, lastValue, attempts);
    if (signal?.aborted) {
      if (error instanceof AbortError) return error;
      const reason = signal.reason instanceof Error ? `: ${signal.reason.message}` : '';
      return new AbortError(`${what} was aborted${reason}`, { request: { method: 'GET', url: '', operation: what }, cause: signal.reason });
    }
    return error;
  };
  try {
    const first = initialDelayMs === 'spread' ? random() * intervalMs : initialDelayMs;
    if (first > 0) await sleep(first, linked.signal);
    for (let attempt = 0; ; attempt++) {
      try {
        attempts++;
        const value = await settleWithin(check(linked.signal), linked.signal);
        if (isDone(value)) return value;
        lastValue = value;
        onProgress?.(value, attempt);
      } catch (error) {
        if (linked.signal.aborted || !isTransient(error)) throw error;
      }
      await sleep(backoffDelay(attempt, { baseDelayMs: intervalMs, maxDelayMs: maxIntervalMs }, undefined, random), linked.signal);
    }
  } catch (error) {
    throw stopped(error);
  } finally {
    linked.dispose();
  }
}
