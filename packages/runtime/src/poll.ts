import { backoffDelay, sleep } from './retry.js';

export interface PollOptions<T> {
  /** first wait between attempts in ms; grows exponentially with jitter up to maxIntervalMs. Default 1000 */
  intervalMs?: number;
  /** longest wait between attempts; default 10 000 */
  maxIntervalMs?: number;
  /** give up after this long in total; default 300 000 (5 min) */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** called with every value that was not done yet */
  onProgress?: (value: T, attempt: number) => void;
  /** errors worth another attempt instead of failing the wait (network blips, 503s); default: none */
  isTransient?: (error: unknown) => boolean;
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
 * a thousand waiters never hit the API in lock-step). Transient errors are retried, others thrown;
 * an abort rejects at once with the signal's reason.
 */
export async function poll<T>(check: () => Promise<T>, isDone: (value: T) => boolean, options: PollOptions<T> = {}): Promise<T> {
  const { intervalMs = 1000, maxIntervalMs = 10_000, timeoutMs = 300_000, signal, onProgress, isTransient = () => false, random } = options;
  const deadline = Date.now() + timeoutMs;
  let lastValue: T | undefined;
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    try {
      const value = await check();
      if (isDone(value)) return value;
      lastValue = value;
      onProgress?.(value, attempt);
    } catch (error) {
      if (signal?.aborted || !isTransient(error)) throw error;
    }
    const wait = backoffDelay(attempt, { baseDelayMs: intervalMs, maxDelayMs: maxIntervalMs }, undefined, random);
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new PollTimeoutError(`still not done after ${timeoutMs} ms (${attempt + 1} checks)`, lastValue, attempt + 1);
    await sleep(Math.min(wait, remaining), signal);
  }
}
