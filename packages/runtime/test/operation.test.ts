import { afterEach, describe, expect, it } from 'vitest';
import { createProviderClient, defineOperation, NotFoundError } from '../src/index.js';
import { json, startFakeServer } from '@hostbill-api/test-support';

interface TestPaths {
  '/service/{id}/label': {
    post: {
      parameters: { path: { id: number }; query?: { lang?: string } };
      requestBody: { content: { 'application/json': { label: string } } };
      responses: { 200: { content: { 'application/json': { success: boolean } } }; 404: { content: { 'application/json': { error: string[] } } } };
    };
  };
}

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const labelService = defineOperation<TestPaths, 'post', '/service/{id}/label'>('post', '/service/{id}/label');

describe('defineOperation', () => {
  it('makes the call the client method makes: method, path, query, body and options', async () => {
    const server = await startFakeServer((req, res) => (req.path.startsWith('/service/7/label?') ? json(res, 200, { success: true }) : json(res, 404, { error: ['no such service'] })));
    servers.push(server);
    const client = createProviderClient<TestPaths>({ baseUrl: server.url });
    const { data } = await labelService(client, { params: { path: { id: 7 }, query: { lang: 'en' } }, body: { label: 'web' }, headers: { 'x-trace': 'a1' } });
    expect(data).toEqual({ success: true });
    const seen = server.requests[0]!;
    expect([seen.method, seen.path]).toEqual(['POST', '/service/7/label?lang=en']);
    expect(seen.json).toEqual({ label: 'web' });
    expect(seen.headers['x-trace']).toBe('a1');
    expect([labelService.method, labelService.path]).toEqual(['post', '/service/{id}/label']);
  });

  it('follows the failure rule of the client: { error } by default, a typed throw with throwOnError', async () => {
    const server = await startFakeServer((_req, res) => json(res, 404, { error: ['no such service'] }));
    servers.push(server);
    const client = createProviderClient<TestPaths>({ baseUrl: server.url });
    const failed = await labelService(client, { params: { path: { id: 8 } }, body: { label: 'x' } });
    expect(failed.error).toEqual({ error: ['no such service'] });
    await expect(labelService(client, { params: { path: { id: 8 } }, body: { label: 'x' }, throwOnError: true })).rejects.toBeInstanceOf(NotFoundError);
  });
});
