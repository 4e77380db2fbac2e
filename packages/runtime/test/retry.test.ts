import { describe, expect, it } from 'vitest';
import { backoffDelay, isTransientStatus, mayRetryMethod, parseRetryAfter, sleep } from '../src/retry.js';

describe('retry policy', () => {
  it('retries 408, 429 and 5xx, not other 4xx', () => {
    expect([408, 429, 500, 502, 503, 504].every(isTransientStatus)).toBe(true);
    expect([400, 401, 404, 422, 501].some(isTransientStatus)).toBe(false);
  });

  it('never retries POST unless the user opts in', () => {
    expect(mayRetryMethod('get')).toBe(true);
    expect(mayRetryMethod('post')).toBe(false);
    expect(mayRetryMethod('post', { retryNonIdempotent: true })).toBe(true);
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('3')).toBe(3000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });

  it('backs off exponentially with jitter, capped, and lets Retry-After ask for longer', () => {
    expect(backoffDelay(0, { baseDelayMs: 100 }, undefined, () => 0)).toBe(50);
    expect(backoffDelay(2, { baseDelayMs: 100 }, undefined, () => 1)).toBe(400);
    expect(backoffDelay(10, { baseDelayMs: 100, maxDelayMs: 1000 }, undefined, () => 1)).toBe(1000);
    expect(backoffDelay(0, { baseDelayMs: 100 }, 2500, () => 1)).toBe(2500);
  });

  it('sleep honours an AbortSignal', async () => {
    const controller = new AbortController();
    const pending = sleep(10_000, controller.signal);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });
});
