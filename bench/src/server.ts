/**
 * The benchmark's API server, run in its own process so the client's numbers are the client's:
 * `GET /service/{id}` answers the vendor's example; `POST /login` a long-lived token;
 * `GET /server/{id}/task/{task}` a task that completes at a seeded random time within 5 s.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const spec = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'specs', 'hostbill', 'openapi.json'), 'utf8'));
const service = JSON.stringify(spec.paths['/service/{id}'].get.responses['200'].content['application/json'].example);
const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = `${part({ alg: 'none' })}.${part({ exp: Math.floor(Date.now() / 1000) + 86_400 })}.sig`;

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const doneAt = new Map<string, number>();
const taskRequests = { count: 0 };

const server = createServer((req, res) => {
  const url = req.url ?? '';
  req.resume();
  if (url === '/login') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token, refresh: 'r' }));
  } else if (url.startsWith('/service/')) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(service);
  } else if (url.includes('/task/')) {
    taskRequests.count++;
    const started = doneAt.get(url) ?? (doneAt.set(url, Date.now() + random() * 5000), doneAt.get(url)!);
    const completed = Date.now() >= started ? new Date(started).toISOString() : '';
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name: 'server_reboot', completed, results: completed ? 'ok' : '' }));
  } else if (url === '/__stats') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ taskRequests: taskRequests.count, doneAt: [...doneAt.values()] }));
  } else {
    res.writeHead(404).end();
  }
});
server.keepAliveTimeout = 10_000;
server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
process.on('disconnect', () => process.exit(0));
