import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  authorization?: string;
  /** the JSON body the server answered with: a fresh nonce, so the client cannot have made it up */
  answered: { nonce: string };
}

export interface FakeApi {
  url: string;
  seen: SeenRequest[];
  /** serve a static file (the browser page and its bundle) from the API's own origin: no CORS */
  serve(path: string, type: string, body: string): void;
  close(): Promise<void>;
}

/** A local API on 127.0.0.1 (free port) that records every request and answers each with JSON. */
export async function startFakeApi(): Promise<FakeApi> {
  const seen: SeenRequest[] = [];
  const files = new Map<string, { type: string; body: string }>();
  const server = createServer((req, res) => {
    req.resume();
    const file = files.get(req.url ?? '');
    if (file && req.method === 'GET') {
      res.writeHead(200, { 'content-type': file.type, connection: 'close' }).end(file.body);
      return;
    }
    const answered = { nonce: randomUUID() };
    seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, answered });
    // connection: close, so no keep-alive socket holds a probe process open after its one call
    res.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end(JSON.stringify(answered));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    serve: (path, type, body) => void files.set(path, { type, body }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
