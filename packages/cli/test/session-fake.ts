import { fakeJwt, json, nowSeconds, startFakeServer } from '@hostbill-api/test-support';

export const USER = 'operator@example.com';
export const PASSWORD = 'fake-server-password-9f3';

/**
 * A HostBill deployment in one process, with state: POST /login gives a token whose `exp` has
 * already passed (so the next run must refresh it), POST /token swaps the refresh token for a valid
 * one, only that one opens the API. Tasks: 77995 is pending `pendingPolls` times then completed;
 * 88888 never finishes; 55555 finishes once the test calls `release()`.
 */
export async function startHostBill(pendingPolls = 3) {
  const expired = fakeJwt(nowSeconds() - 600, 'expired-access');
  const fresh = fakeJwt(nowSeconds() + 3600, 'fresh-access');
  const refresh = ['refresh-secret-1', 'refresh-secret-2'];
  let released = false;
  let rebootPolls = 0;
  const polls = new Map<string, number>();
  const pending = { name: 'server_reboot', activated: '2026-12-02T10:25:24+00:00', assigned: '', completed: '', results: '' };
  const completed = { ...pending, assigned: '2026-12-02T10:25:30+00:00', completed: '2026-12-02T10:26:01+00:00', results: 'VM rebooted successfully' };
  const server = await startFakeServer((req, res) => {
    const body = (req.json ?? {}) as Record<string, string>;
    if (req.method === 'POST' && req.path === '/login') {
      if (body.username !== USER || body.password !== PASSWORD) return json(res, 401, { error: ['invalid credentials'] });
      return json(res, 200, { token: expired, refresh: refresh[0] });
    }
    if (req.method === 'POST' && req.path === '/token') {
      if (body.refresh_token !== refresh[0]) return json(res, 401, { error: ['invalid refresh token'] });
      return json(res, 200, { token: fresh, refresh: refresh[1] });
    }
    if (req.method === 'POST' && req.path === '/revoke') return json(res, 200, { success: true });
    if (req.headers.authorization !== `Bearer ${fresh}`) return json(res, 401, { error: ['token expired or invalid'] });
    if (req.method === 'POST' && req.path === '/server/113/reboot') {
      rebootPolls = 0; // each reboot starts the task again: pending pendingPolls times, then completed
      return json(res, 200, { task_id: 77995 });
    }
    const task = /^\/server\/113\/task\/(\d+)$/.exec(req.path)?.[1];
    if (req.method === 'GET' && task) {
      polls.set(task, (polls.get(task) ?? 0) + 1);
      if (task === '77995') rebootPolls += 1;
      const done = task === '77995' ? rebootPolls > pendingPolls : task === '55555' ? released : false;
      return json(res, 200, done ? completed : pending);
    }
    return json(res, 404, { error: ['not found'] });
  });
  return {
    ...server,
    /** every value that must never show in output or listings */
    secrets: [PASSWORD, expired, fresh, ...refresh],
    expired,
    fresh,
    refresh,
    polls: (task: string) => polls.get(task) ?? 0,
    release: () => (released = true),
  };
}
