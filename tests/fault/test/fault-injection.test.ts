import { HostBillApiError } from '@hostbill-api/runtime';
import { loadProvider, providers, type ProviderModule } from '@hostbill-api/test-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultServer } from './fault-server.js';

const CALLS = 5000;
const CONCURRENCY = 100;
// generous enough that a busy 2-core CI machine (every suite runs at once) does not time out good answers;
// a good answer that still misses it ends as a TimeoutError, which is an allowed outcome
const TIMEOUT_MS = 2000;
/**
 * When a call counts as hung: 10x the most it may take (every attempt timing out, plus back-off), so a
 * loaded machine's slow event loop never turns a slow call into a "hang".
 */
const CALL_BUDGET_MS = 10 * (TIMEOUT_MS * 3 + 2 * 50);
const SERVICE = { service: { id: '1', name: 'Example VPS', status: 'Active', billingcycle: 'Monthly', total: '9.99' } };

interface LooseClient {
  request(method: string, path: string, init: object): Promise<{ data?: unknown; response: Response }>;
}
/** Every provider in specs/, each package imported by name (here, so it resolves against this suite's dependencies). */
const MODULES = new Map<string, ProviderModule>();
for (const provider of providers()) MODULES.set(provider.name, await loadProvider(provider, (specifier) => import(specifier)));

let unhandled = 0;
const onUnhandled = () => unhandled++;
beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  server = await startFaultServer({ seed: 1, body: SERVICE, okShare: 0.55, stallMs: TIMEOUT_MS * 3 });
  // warm-up: module loading, JIT and the fetch implementation's pools are not leaks
  for (const provider of MODULES.keys()) await drive(provider, 1, { calls: 500 });
}); // hookTimeout: vitest.config.ts
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await server.close();
});

/** The heap once collections stop freeing anything (at most 10 rounds): lingering sockets are not leaks. */
async function settledHeap(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc (vitest.config.ts sets it)');
  let previous = Infinity;
  for (let round = 0; round < 10; round++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    gc();
    const now = process.memoryUsage().heapUsed;
    if (previous - now < 64 * 1024) return now;
    previous = now;
  }
  return previous;
}

let server: Awaited<ReturnType<typeof startFaultServer>>;

async function drive(provider: string, seed: number, { calls = CALLS, retryNonIdempotent = false } = {}) {
  server.reseed(seed);
  const module = MODULES.get(provider)!;
  // Basic for every provider: this suite tests the transport under faults; a login would only add calls
  const client = module.createClient({
    baseUrl: server.url,
    auth: module.basicAuth({ username: 'u', password: 'p' }),
    timeoutMs: TIMEOUT_MS,
    retry: { baseDelayMs: 2, maxDelayMs: 50, retryNonIdempotent }, // default number of retries (2)
    throwOnError: true,
  }) as LooseClient;
  const outcomes: Record<string, number> = {};
  const posts: string[] = [];
  let next = 0;
  const one = async (index: number) => {
    const id = `${provider}-${seed}-${index}`;
    const post = index % 5 === 0;
    if (post) posts.push(id);
    const call = post
      ? client.request('post', '/service/{id}/label', { params: { path: { id: 1 } }, body: { label: 'x' }, headers: { 'x-call-id': id } })
      : client.request('get', '/service/{id}', { params: { path: { id: 1 } }, headers: { 'x-call-id': id } });
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), CALL_BUDGET_MS)));
    const outcome = await Promise.race([
      call.then(
        ({ data }) => (JSON.stringify(data) === JSON.stringify(SERVICE) ? 'right data' : 'WRONG DATA'),
        (error) => (error instanceof HostBillApiError ? error.name : `UNTYPED ${error?.name}: ${error?.message}`),
      ),
      hang,
    ]);
    clearTimeout(timer);
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  };
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < calls) {
        const index = next++;
        // GC rounds while calls are in flight: Node 20's fetch used to lose a timed-out call's abort
        // once its Request was collected (nodejs/undici#4068); the hang guard would catch it here
        if (index % 250 === 0) (globalThis as { gc?: () => void }).gc?.();
        await one(index);
      }
    }),
  );
  server.endStalled();
  const duplicatePosts = posts.filter((id) => (server.perCall.get(id) ?? 0) > 1).length;
  return { outcomes, faults: { ...server.faults }, duplicatePosts };
}

describe('fault injection: every call ends as the right data or a typed error', () => {
  for (const [index, provider] of [...MODULES.keys()].entries()) {
    it(`${provider}: ${CALLS} calls against a hostile server`, async () => {
      const heapBefore = await settledHeap();
      const timersBefore = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
      const { outcomes, faults, duplicatePosts } = await drive(provider, 1000 + index);
      console.log(`fault: ${provider} outcomes ${JSON.stringify(outcomes)} injected ${JSON.stringify(faults)}`);
      const total = Object.values(outcomes).reduce((a, b) => a + b, 0);
      expect(total).toBe(CALLS);
      const unexpected = Object.keys(outcomes).filter((k) => k === 'hang' || k === 'WRONG DATA' || k.startsWith('UNTYPED'));
      expect(unexpected, JSON.stringify(outcomes)).toEqual([]);
      expect(outcomes['right data']).toBeGreaterThan(CALLS / 4);
      expect(duplicatePosts).toBe(0);
      expect(unhandled).toBe(0);
      const heapAfter = await settledHeap();
      expect(heapAfter, `heap ${heapBefore} -> ${heapAfter}`).toBeLessThanOrEqual(heapBefore * 1.1 + 512 * 1024);
      expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBeLessThanOrEqual(timersBefore);
    });
  }

  it('the duplicate-POST check can fail: with retryNonIdempotent, POSTs are sent again', async () => {
    const { duplicatePosts } = await drive('hostens', 7, { calls: 1000, retryNonIdempotent: true });
    expect(duplicatePosts).toBeGreaterThan(0);
  });
});
