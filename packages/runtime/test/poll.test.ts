import { describe, expect, it } from 'vitest';
import { poll, PollTimeoutError } from '../src/poll.js';

const fast = { intervalMs: 1, maxIntervalMs: 2, random: () => 1 };

describe('poll', () => {
  it('resolves with the first value that is done, reporting progress before it', async () => {
    let n = 0;
    const progress: number[] = [];
    const value = await poll(async () => ++n, (v) => v === 3, { ...fast, onProgress: (v) => progress.push(v) });
    expect(value).toBe(3);
    expect(progress).toEqual([1, 2]);
  });

  it('survives two 503s in a row when they are transient', async () => {
    let n = 0;
    const check = async () => {
      n++;
      if (n <= 2) throw Object.assign(new Error('503'), { status: 503 });
      return 'done';
    };
    await expect(poll(check, (v) => v === 'done', { ...fast, isTransient: (e) => (e as { status?: number }).status === 503 })).resolves.toBe('done');
    expect(n).toBe(3);
  });

  it('throws a non-transient error at once', async () => {
    await expect(poll(async () => Promise.reject(new Error('404')), () => true, fast)).rejects.toThrow('404');
  });

  it('times out with a typed error carrying the last value', async () => {
    // 1 s of 1-2 ms intervals: many checks even on a machine too busy to keep a 20 ms promise
    const error = await poll(async () => 'running', (v) => v === 'done', { ...fast, timeoutMs: 1000 }).catch((e) => e);
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect(error.lastValue).toBe('running');
    expect(error.attempts).toBeGreaterThan(1);
  });

  it('aborts with the signal\'s reason', async () => {
    const controller = new AbortController();
    const pending = poll(async () => 'running', () => false, { intervalMs: 10_000, maxIntervalMs: 10_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('cancelled')), 5);
    await expect(pending).rejects.toThrow('cancelled');
  });
});
