import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** the raw body */
  body: string;
  /** the body parsed as JSON; undefined when empty or not JSON */
  json: unknown;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

export type Handler = (request: SeenRequest, response: ServerResponse) => unknown;

/**
 * A stateful HTTP server on 127.0.0.1 for tests: records every request (body as text, and as JSON
 * when it parses), lets a test wait for one (`received`) instead of racing a clock, and on close
 * destroys every socket, stalled ones included.
 */
export async function startFakeServer(handler: Handler) {
  const requests: SeenRequest[] = [];
  const waiters: Array<{ path: string | undefined; resolve: () => void }> = [];
  const timers = new Set<ReturnType<typeof setInterval>>();
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const request = { method: req.method!, path: req.url!, headers: req.headers, body: text, json: parseJson(text) };
    requests.push(request);
    for (const waiter of waiters.splice(0)) {
      if (waiter.path === undefined || waiter.path === request.path) waiter.resolve();
      else waiters.push(waiter);
    }
    await handler(request, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    count: (path?: string) => requests.filter((r) => path === undefined || r.path === path).length,
    received: (path?: string) => new Promise<void>((resolve) => waiters.push({ path, resolve })),
    /** sends one byte per `everyMs` and never ends: a body that drips forever */
    drip(res: ServerResponse, headers: Record<string, string>, everyMs = 200) {
      res.writeHead(200, headers);
      const timer = setInterval(() => res.write('-'), everyMs);
      timers.add(timer);
      res.on('close', () => clearInterval(timer));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeServer = Awaited<ReturnType<typeof startFakeServer>>;

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A JWT-shaped token whose payload carries `exp` (seconds). */
export function fakeJwt(expSeconds: number, id: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ exp: expSeconds, jti: id })}.sig-${id}`;
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** How long a promise took to settle, and how. */
export async function settleTimed<T>(work: Promise<T>): Promise<{ ms: number; value?: T; error?: any }> {
  const started = performance.now();
  try {
    const value = await work;
    return { ms: performance.now() - started, value };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}
