import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export type Handler = (request: FakeRequest, response: ServerResponse) => unknown;

/** A stateful HTTP server on 127.0.0.1 for unit tests; records every request it gets. */
export async function startFakeServer(handler: Handler) {
  const requests: FakeRequest[] = [];
  const waiters: Array<{ path: string | undefined; resolve: (request: FakeRequest) => void }> = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* keep the text */
    }
    const request = { method: req.method!, path: req.url!, headers: req.headers, body };
    requests.push(request);
    for (const waiter of waiters.splice(0)) {
      if (waiter.path === undefined || waiter.path === request.path) waiter.resolve(request);
      else waiters.push(waiter);
    }
    await handler(request, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    count: (path: string) => requests.filter((r) => r.path === path).length,
    /** resolves when the server has received the next request (for `path`, when given): tests wait on this, not on a clock */
    received: (path?: string) => new Promise<FakeRequest>((resolve) => waiters.push({ path, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A JWT-shaped token whose payload carries `exp` (seconds); the signature is not checked here. */
export function fakeJwt(expSeconds: number, id: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part({ exp: expSeconds, jti: id })}.sig-${id}`;
}
