import { afterEach, describe, expect, it } from 'vitest';
import { documentedExample, json, readSpec, recordingFetch, startFakeServer, type FakeServer } from '@hostbill-api/test-support';
import { createHostensClient, basicAuth, type paths, BASE_URL, waitForTask, PollTimeoutError } from '../src/index.js';

const example = documentedExample('hostens', '/server/{server_id}');
const BASE = BASE_URL;

describe('createHostensClient', () => {
  it('defaults to the API address in the spec', () => {
    expect(BASE_URL).toBe(readSpec('hostens').servers[0].url);
  });

  it('makes typed calls through the runtime: auth header, path, and the documented answer', async () => {
    const { fetch, requests: seen } = recordingFetch(example);
    const client = createHostensClient({ auth: basicAuth({ username: 'api@example.com', password: 'secret' }), fetch });
    const { data } = await client.GET('/server/{server_id}', { params: { path: { server_id: 113 } } });
    expect(data).toEqual(example);
    expect(new URL(seen[0]!.url).href).toBe(`${BASE}/server/113`);
    expect(seen[0]!.headers.get('authorization')).toMatch(/^Basic /);
    const typed: paths['/server/{server_id}']['get']['responses'][200]['content']['application/json'] | undefined = data;
    expect(typed).toBeDefined();
  });
});

describe('waitForTask (generated from the spec\'s task endpoint)', () => {
  const task = documentedExample('hostens', '/server/{server_id}/task/{task_id}') as Record<string, unknown>;
  const running = { ...task, completed: '', results: '' };
  let server: FakeServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('polls GET /server/{server_id}/task/{task_id} on a local server until `completed` is set, and resolves with the task', async () => {
    const answers = [running, running, task];
    server = await startFakeServer((_req, res) => json(res, 200, answers[Math.min(server!.requests.length - 1, answers.length - 1)]));
    const client = createHostensClient({ baseUrl: server.url, auth: basicAuth({ username: 'api@example.com', password: 'secret' }), retry: false });
    const seen: unknown[] = [];
    const done = await waitForTask(client, { server_id: 113, task_id: 77995 }, { intervalMs: 1, maxIntervalMs: 5, onProgress: (t) => seen.push(t) });
    expect(done).toEqual(task);
    expect(seen).toEqual([running, running]);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(Array(3).fill('GET /server/113/task/77995'));
    expect(server.requests[0]!.headers.authorization).toMatch(/^Basic /);
  });

  it('gives up with PollTimeoutError carrying the last state when the task never completes', async () => {
    server = await startFakeServer((_req, res) => json(res, 200, running));
    const client = createHostensClient({ baseUrl: server.url, retry: false });
    // the first check answers in a few ms; 2 s (far above 10x that) leaves a loaded machine time to see one answer
    const error = await waitForTask(client, { server_id: 1, task_id: 2 }, { initialDelayMs: 0, intervalMs: 1, maxIntervalMs: 5, timeoutMs: 2000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PollTimeoutError);
    expect((error as PollTimeoutError).lastValue).toEqual(running);
    expect((error as Error).message).toContain('waitForTask GET /server/{server_id}/task/{task_id}');
  });
});
