import { afterEach, describe, expect, it } from 'vitest';
import { createProviderClient, defineTaskWaiter, isTransientError, PollTimeoutError } from '../src/index.js';
import { isTransientStatus } from '../src/retry.js';
import { json, startFakeServer } from '@hostbill-api/test-support';

interface TaskPaths {
  '/server/{server_id}/task/{task_id}': {
    get: {
      parameters: { path: { server_id: number; task_id: number } };
      responses: { 200: { content: { 'application/json': { name?: string; completed?: string; results?: string } } } };
    };
  };
}

const waitForTask = defineTaskWaiter<TaskPaths, '/server/{server_id}/task/{task_id}'>('/server/{server_id}/task/{task_id}', { doneWhen: 'completed' });

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function taskServer(answers: Array<[number, object]>) {
  let n = 0;
  const server = await startFakeServer((_req, res) => {
    const [status, body] = answers[Math.min(n++, answers.length - 1)]!;
    json(res, status, body);
  });
  servers.push(server);
  return { server, client: createProviderClient<TaskPaths>({ baseUrl: server.url, retry: false }) };
}

const fast = { intervalMs: 1, maxIntervalMs: 5 };
const running = { name: 'server_reboot', activated: '2018-05-31T10:25:24+00:00', assigned: '', completed: '', results: '' };
const done = { ...running, completed: '2018-05-31T10:27:24+00:00', results: 'VM rebooted successfully' };

describe('defineTaskWaiter', () => {
  it('polls until the task is completed and resolves with the finished task', async () => {
    const { server, client } = await taskServer([[200, running], [200, running], [200, done]]);
    const progress: string[] = [];
    const task = await waitForTask(client, { server_id: 113, task_id: 77995 }, { ...fast, onProgress: (t) => progress.push(t.name ?? '') });
    expect(task).toEqual(done);
    expect(server.requests.map((r) => r.path)).toEqual(Array(3).fill('/server/113/task/77995'));
    expect(progress).toHaveLength(2);
  });

  it('survives two 503s in a row', async () => {
    const { client } = await taskServer([[503, { error: ['busy'] }], [503, { error: ['busy'] }], [200, done]]);
    await expect(waitForTask(client, { server_id: 1, task_id: 2 }, fast)).resolves.toEqual(done);
  });

  it('fails at once on a 404', async () => {
    const { client } = await taskServer([[404, { error: ['task_not_found'] }]]);
    await expect(waitForTask(client, { server_id: 1, task_id: 2 }, fast)).rejects.toThrow('GET /server/{server_id}/task/{task_id} failed with HTTP 404: task_not_found');
  });

  it('times out with a typed error', async () => {
    const { client } = await taskServer([[200, running]]);
    await expect(waitForTask(client, { server_id: 1, task_id: 2 }, { ...fast, timeoutMs: 50 })).rejects.toBeInstanceOf(PollTimeoutError);
  });

  it('honours an AbortSignal', async () => {
    const { client } = await taskServer([[200, running]]);
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop waiting')), 20);
    await expect(waitForTask(client, { server_id: 1, task_id: 2 }, { intervalMs: 1000, signal: controller.signal })).rejects.toThrow('stop waiting');
  });
});

describe('one rule for "transient", shared by retries and polling', () => {
  it('the same statuses are retried by a call and survived by a poll; the same are final for both', async () => {
    for (const [status, transient] of [[503, true], [429, true], [408, true], [501, false], [505, false], [404, false], [400, false]] as const) {
      expect(isTransientStatus(status)).toBe(transient);
      // a call with one retry: sent twice when transient, once when not
      const { server: callServer } = await taskServer([[status, { error: ['x'] }], [200, done]]);
      const caller = createProviderClient<TaskPaths>({ baseUrl: callServer.url, retry: { retries: 1, baseDelayMs: 1 } });
      await caller.GET('/server/{server_id}/task/{task_id}', { params: { path: { server_id: 1, task_id: 2 } } });
      expect(callServer.requests.length, `call, HTTP ${status}`).toBe(transient ? 2 : 1);
      // a poll over a client that never retries: survives the status when transient, fails when not
      const { client } = await taskServer([[status, { error: ['x'] }], [200, done]]);
      const outcome = await waitForTask(client, { server_id: 1, task_id: 2 }, fast).then(() => 'done', (e: unknown) => isTransientError(e));
      expect(outcome, `poll, HTTP ${status}`).toBe(transient ? 'done' : false);
    }
  });
});
