/**
 * Per-call overhead of `GET /service/{id}` against a local server: raw fetch (the floor), a bare
 * openapi-fetch client, axios, and our client with no auth, basicAuth and jwtAuth (cached token),
 * and basicAuth with `validateResponses: 'warn'` (the vendor's example answer, checked every call).
 */
import { createHostBillClient, basicAuth, jwtAuth, type paths } from '@hostbill-api/hostbill';
import { validators } from '@hostbill-api/hostbill/validators';
import axios from 'axios';
import createClient from 'openapi-fetch';
import { startServer, summarize } from './lib.js';

export interface OverheadRow {
  variant: string;
  mode: 'sequential' | 'concurrent-32';
  calls: number;
  medianMs: number;
  p95Ms: number;
  callsPerSecond: number;
}

type Call = () => Promise<unknown>;

async function timed(call: Call, calls: number, concurrency: number): Promise<{ samples: number[]; seconds: number }> {
  const samples: number[] = new Array(calls);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < calls) {
        const index = next++;
        const t = performance.now();
        await call();
        samples[index] = performance.now() - t;
      }
    }),
  );
  return { samples, seconds: (performance.now() - started) / 1000 };
}

export async function measureOverhead(calls: number): Promise<OverheadRow[]> {
  const server = await startServer();
  try {
    const url = server.url;
    const bare = createClient<paths>({ baseUrl: url });
    const plain = createHostBillClient({ baseUrl: url });
    const basic = createHostBillClient({ baseUrl: url, auth: basicAuth({ username: 'u', password: 'p' }) });
    const jwt = createHostBillClient({ baseUrl: url, auth: jwtAuth({ username: 'u', password: 'p' }) });
    const validated = createHostBillClient({ baseUrl: url, auth: basicAuth({ username: 'u', password: 'p' }), validateResponses: 'warn', validators });
    const path = { params: { path: { id: 1 } } };
    const variants: Array<[string, Call]> = [
      ['raw fetch', async () => (await fetch(`${url}/service/1`)).json()],
      ['bare openapi-fetch', () => bare.GET('/service/{id}', path)],
      ['axios', () => axios.get(`${url}/service/1`)],
      ['ours, no auth', () => plain.GET('/service/{id}', path)],
      ['ours, basicAuth', () => basic.GET('/service/{id}', path)],
      ['ours, jwtAuth (cached token)', () => jwt.GET('/service/{id}', path)],
      ['ours, basicAuth, validateResponses: warn', () => validated.GET('/service/{id}', path)],
    ];
    const rows: OverheadRow[] = [];
    const ROUNDS = 10;
    for (const [mode, concurrency] of [['sequential', 1], ['concurrent-32', 32]] as const) {
      for (const [, call] of variants) await timed(call, Math.min(1000, calls), concurrency); // warm-up: JIT, pools, JWT login
      // round-robin rounds, so a noisy moment on this shared machine hits every variant alike
      const samples = variants.map(() => [] as number[]);
      const seconds = variants.map(() => 0);
      for (let round = 0; round < ROUNDS; round++) {
        for (const [index, [, call]] of variants.entries()) {
          const result = await timed(call, Math.ceil(calls / ROUNDS), concurrency);
          samples[index]!.push(...result.samples);
          seconds[index]! += result.seconds;
        }
      }
      variants.forEach(([variant], index) => {
        const { median, p95 } = summarize(samples[index]!);
        rows.push({ variant, mode, calls: samples[index]!.length, medianMs: median, p95Ms: p95, callsPerSecond: samples[index]!.length / seconds[index]! });
      });
    }
    return rows;
  } finally {
    server.stop();
  }
}
