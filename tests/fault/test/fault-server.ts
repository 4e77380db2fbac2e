import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'ok' | 'reset' | 'stall' | 'truncated' | 'html502' | 'rate429' | 'unavailable503';
export const FAULTS: Fault[] = ['ok', 'reset', 'stall', 'truncated', 'html502', 'rate429', 'unavailable503'];

/** mulberry32: a tiny seeded generator, so every run injects the same faults in the same order. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A server on 127.0.0.1 that, per request and by seeded choice, answers right, resets the
 * connection, stalls past the client's timeout, sends truncated JSON, an HTML 502, a 429 with
 * Retry-After, or a 503. It counts requests per call id (`x-call-id`) to catch duplicate POSTs.
 * One server serves a whole run (`reseed` starts a new deterministic sequence), so the client's
 * connection pool sees one origin, as it would in production.
 */
export async function startFaultServer(options: { seed: number; body: unknown; okShare: number; stallMs: number }) {
  let random = seeded(options.seed);
  const text = JSON.stringify(options.body);
  const perCall = new Map<string, number>();
  const faults: Record<Fault, number> = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<Fault, number>;
  const stalled = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    req.resume();
    const id = String(req.headers['x-call-id']);
    perCall.set(id, (perCall.get(id) ?? 0) + 1);
    const roll = random();
    const fault: Fault = roll < options.okShare ? 'ok' : FAULTS[1 + Math.floor(((roll - options.okShare) / (1 - options.okShare)) * (FAULTS.length - 1))]!;
    faults[fault]++;
    switch (fault) {
      case 'ok':
        res.writeHead(200, { 'content-type': 'application/json' }).end(text);
        break;
      case 'reset':
        res.socket?.destroy();
        break;
      case 'stall':
        stalled.add(res);
        setTimeout(() => {
          stalled.delete(res);
          if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(text);
        }, options.stallMs).unref();
        break;
      case 'truncated':
        res.writeHead(200, { 'content-type': 'application/json' }).end(text.slice(0, Math.floor(text.length / 2)));
        break;
      case 'html502':
        res.writeHead(502, { 'content-type': 'text/html' }).end('<html><body><h1>502 Bad Gateway</h1></body></html>');
        break;
      case 'rate429':
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '0.01' }).end('{"error":["too_many_requests"]}');
        break;
      case 'unavailable503':
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":["maintenance"]}');
        break;
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    reseed(seed: number) {
      random = seeded(seed);
      perCall.clear();
      for (const f of FAULTS) faults[f] = 0;
    },
    /**
     * Ends every stalled answer: the client gave up on them long ago, and a heap measured while
     * they linger (up to stallMs) counts the server's leftovers as the client's.
     */
    endStalled() {
      for (const res of stalled) res.socket?.destroy();
      stalled.clear();
    },
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    perCall,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
