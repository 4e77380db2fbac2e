import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { startFakeServer, type FakeServer } from '@hostbill-api/test-support';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The built site on 127.0.0.1 (a free port), as a user's static host would serve it; GET only, inside `root` only. */
export function serveSite(root: string): Promise<FakeServer> {
  return startFakeServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.path, 'http://x').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (request.method !== 'GET' || !file.startsWith(root + sep)) return void response.writeHead(404).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
}
