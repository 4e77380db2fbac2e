// Attacks on the runtime (issue 10, items 1-10), each against a hostile server on 127.0.0.1.
// Bounds are generous (10x what the call should take) so a loaded 2-core machine cannot flake
// them; the measured times are printed for the record.
import { inspect } from 'node:util';
import {
  AbortError,
  AuthenticationError,
  basicAuth,
  bearerToken,
  createProviderClient,
  InvalidRequestError,
  InvalidResponseError,
  jwtAuth,
  NetworkError,
  PollTimeoutError,
  RateLimitError,
  TimeoutError,
  defineTaskWaiter,
  type TrafficEvent,
} from '@hostbill-api/runtime';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeJwt, json, nowSeconds, settleTimed, startFakeServer, type Handler } from '@hostbill-api/test-support';

interface Paths {
  '/details': { get: { responses: { 200: { content: { 'application/json': { ok: boolean } } } } } };
  '/certificate/{id}/crt': { get: { parameters: { path: { id: number } }; responses: { 200: { content: { 'text/plain': string } } } } };
  '/dns/{zone_id}/records/{id}': {
    delete: { parameters: { path: { zone_id: number; id: string } }; responses: { 200: { content: { 'application/json': { ok: boolean } } } } };
  };
  '/service/{id}/label': {
    post: { parameters: { path: { id: number } }; requestBody: { content: { 'application/json': { label: string } } }; responses: { 200: { content: { 'application/json': { ok: boolean } } } } };
  };
  '/server/{server_id}/task/{task_id}': {
    get: { parameters: { path: { server_id: number; task_id: number } }; responses: { 200: { content: { 'application/json': { completed?: string; results?: string } } } } };
  };
}

const PASSWORD = 'correct-horse-battery-staple';
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function serve(handler: Handler) {
  const server = await startFakeServer(handler);
  servers.push(server);
  return server;
}
/**
 * Aborts the call with `reason` now, and checks it settles as an AbortError within 1 s of abort()
 * (10x what it should take); prints the measured time for ATTACKS.md.
 */
async function abortAndTime(attack: string, controller: AbortController, reason: string, pending: Promise<{ ms: number; error?: any }>) {
  const aborted = performance.now();
  controller.abort(new Error(reason));
  const result = await pending;
  const after = performance.now() - aborted;
  console.log(`attack ${attack} settled ${after.toFixed(1)} ms after abort()`);
  expect(result.error).toBeInstanceOf(AbortError);
  expect(result.error.message).toContain(reason);
  expect(after).toBeLessThan(1000);
  return result;
}
const waitForTask = defineTaskWaiter<Paths, '/server/{server_id}/task/{task_id}'>('/server/{server_id}/task/{task_id}', { doneWhen: 'completed' });
const gc = () => (globalThis as { gc?: () => void }).gc?.();
const never = () => {};

describe('1. timeouts survive garbage collection', () => {
  it('30 rounds of 20 hung calls (timeoutMs 200, caller abort at 1 s) with gc() between: every call settles as a TimeoutError', async () => {
    expect(typeof (globalThis as { gc?: unknown }).gc).toBe('function');
    const server = await serve(never);
    const client = createProviderClient<Paths>({ baseUrl: server.url, timeoutMs: 200, retry: false });
    let slowest = 0;
    for (let round = 0; round < 30; round++) {
      const caller = new AbortController();
      const late = setTimeout(() => caller.abort(new Error('caller gave up')), 1000);
      const calls = Array.from({ length: 20 }, () => settleTimed(client.GET('/details', { signal: caller.signal })));
      gc();
      await new Promise((resolve) => setTimeout(resolve, 50));
      gc();
      const results = await Promise.all(calls);
      clearTimeout(late);
      for (const result of results) {
        // the property is that every call settles; on a starved machine the caller's 1 s abort may win
        expect([TimeoutError, AbortError].some((E) => result.error instanceof E)).toBe(true);
        slowest = Math.max(slowest, result.ms);
      }
    }
    console.log(`attack 1: 600 hung calls, slowest settled after ${Math.round(slowest)} ms (timeoutMs 200)`);
    expect(slowest).toBeLessThan(5000);
  });

  it('the same for auth calls: a hung /login with gc() between rounds still times out', async () => {
    const server = await serve(never);
    let slowest = 0;
    for (let round = 0; round < 10; round++) {
      const client = createProviderClient<Paths>({ baseUrl: server.url, timeoutMs: 200, retry: false, auth: jwtAuth({ username: 'u', password: PASSWORD }) });
      const calls = Array.from({ length: 10 }, () => settleTimed(client.GET('/details')));
      gc();
      const results = await Promise.all(calls);
      for (const result of results) {
        expect(result.error).toBeInstanceOf(TimeoutError);
        slowest = Math.max(slowest, result.ms);
      }
    }
    console.log(`attack 1b: 100 calls behind a hung /login, slowest ${Math.round(slowest)} ms`);
    expect(slowest).toBeLessThan(5000);
  });
});

describe('2. auth calls obey timeouts and aborts', () => {
  it('a hung /token: 100 calls with timeoutMs 1000 all settle, and the client recovers once /token answers', async () => {
    let hang = true;
    const server = await serve((req, res) => {
      if (req.path === '/login') return json(res, 200, { token: fakeJwt(nowSeconds() - 10, 'old'), refresh: 'r' });
      if (req.path === '/token') return hang ? undefined : json(res, 200, { token: fakeJwt(nowSeconds() + 3600, 'new'), refresh: 'r2' });
      return json(res, 200, { ok: true });
    });
    // the client's 1 s also bounds each /token attempt; set-up and recovery calls get a generous deadline of their own
    const client = createProviderClient<Paths>({ baseUrl: server.url, timeoutMs: 1000, retry: false, auth: jwtAuth({ username: 'u', password: PASSWORD }) });
    await client.GET('/details', { timeoutMs: 30_000 }); // logs in, holds an expired token
    const results = await Promise.all(Array.from({ length: 100 }, () => settleTimed(client.GET('/details'))));
    const slowest = Math.max(...results.map((r) => r.ms));
    console.log(`attack 2: 100 calls behind a hung /token settled, slowest ${Math.round(slowest)} ms`);
    expect(results.every((r) => r.error instanceof TimeoutError)).toBe(true);
    expect(slowest).toBeLessThan(10_000);
    hang = false;
    expect((await client.GET('/details', { timeoutMs: 30_000 })).data).toEqual({ ok: true });
  });

  it('a slow /login with timeoutMs 500 settles near 500 ms, not when the server gets round to it', async () => {
    const server = await serve((req, res) => {
      if (req.path === '/login') setTimeout(() => json(res, 200, { token: 'late' }), 6000).unref();
      else json(res, 200, { ok: true });
    });
    const client = createProviderClient<Paths>({ baseUrl: server.url, timeoutMs: 500, retry: false, auth: jwtAuth({ username: 'u', password: PASSWORD }) });
    const result = await settleTimed(client.GET('/details'));
    console.log(`attack 2b: slow /login settled after ${Math.round(result.ms)} ms`);
    expect(result.error).toBeInstanceOf(TimeoutError);
    expect(result.ms).toBeLessThan(5000);
  });

  it("the caller's abort during a hung login ends the call at once as an AbortError", async () => {
    const server = await serve(never);
    const client = createProviderClient<Paths>({ baseUrl: server.url, auth: jwtAuth({ username: 'u', password: PASSWORD }) });
    const controller = new AbortController();
    const pending = settleTimed(client.GET('/details', { signal: controller.signal }));
    await server.received('/login');
    await abortAndTime('2c: abort during login', controller, 'user cancelled', pending);
  });
});

describe('2d. aborts land anywhere', () => {
  it("the caller's abort during a hung refresh ends the call at once", async () => {
    const server = await serve((req, res) => {
      if (req.path === '/login') return json(res, 200, { token: fakeJwt(nowSeconds() - 10, 'old'), refresh: 'r' });
      if (req.path === '/token') return; // hangs
      json(res, 200, { ok: true });
    });
    const client = createProviderClient<Paths>({ baseUrl: server.url, auth: jwtAuth({ username: 'u', password: PASSWORD }) });
    await client.GET('/details'); // logs in, holds an expired token
    const controller = new AbortController();
    const pending = settleTimed(client.GET('/details', { signal: controller.signal }));
    await server.received('/token');
    await abortAndTime('2d: abort during a hung refresh', controller, 'user cancelled', pending);
  });

  it("the caller's abort during a retry's back-off sleep ends the call at once", async () => {
    const server = await serve((_req, res) => json(res, 503, { error: ['busy'] }));
    let sleeping!: () => void;
    const asleep = new Promise<void>((resolve) => (sleeping = resolve));
    // the client logs `retry` just before it starts the back-off sleep (10-20 s here)
    const logger = (event: TrafficEvent) => event.type === 'retry' && sleeping();
    const client = createProviderClient<Paths>({ baseUrl: server.url, logger, retry: { retries: 3, baseDelayMs: 20_000, maxDelayMs: 60_000 } });
    const controller = new AbortController();
    const pending = settleTimed(client.GET('/details', { signal: controller.signal }));
    await asleep;
    await abortAndTime('2e: abort during a back-off sleep', controller, 'user cancelled', pending);
    expect(server.count()).toBe(1);
  });
});

describe('3. credentials never follow a redirect', () => {
  it('a 307 from /login to another server: the password never reaches it, and the call fails as an AuthenticationError', async () => {
    const thief = await serve((_req, res) => json(res, 200, { token: fakeJwt(nowSeconds() + 3600, 'foreign') }));
    const server = await serve((req, res) => {
      if (req.path === '/login') {
        res.writeHead(307, { location: `${thief.url}/login` });
        return res.end();
      }
      json(res, 200, { ok: true });
    });
    for (const status of [307, 308]) {
      void status;
      const client = createProviderClient<Paths>({ baseUrl: server.url, throwOnError: true, auth: jwtAuth({ username: 'u', password: PASSWORD }) });
      const error = await client.GET('/details').catch((e) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error.message).toMatch(/redirect/);
    }
    expect(thief.count()).toBe(0);
    expect(server.count('/details')).toBe(0);
  });
});

describe('3b. ordinary calls that are redirected elsewhere', () => {
  it('a 302 of a GET to another origin does not carry the Authorization header there', async () => {
    const other = await serve((_req, res) => json(res, 200, { ok: true }));
    const server = await serve((_req, res) => {
      res.writeHead(302, { location: `${other.url.replace('127.0.0.1', 'localhost')}/details` });
      res.end();
    });
    const client = createProviderClient<Paths>({ baseUrl: server.url, auth: basicAuth({ username: 'u', password: PASSWORD }) });
    await client.GET('/details');
    expect(server.requests[0]!.headers.authorization).toMatch(/^Basic /);
    expect(other.count()).toBe(1);
    expect(other.requests[0]!.headers.authorization).toBeUndefined();
  });
});

describe('4. the timeout covers the body', () => {
  it('a PEM that drips one byte every 200 ms is cut off at timeoutMs', async () => {
    const server = await serve((_req, res) => server.drip(res, { 'content-type': 'application/x-pem-file' }));
    const client = createProviderClient<Paths>({ baseUrl: server.url, timeoutMs: 500, retry: false });
    const result = await settleTimed(client.GET('/certificate/{id}/crt', { params: { path: { id: 1 } } }));
    console.log(`attack 4: dripping body cut off after ${Math.round(result.ms)} ms`);
    expect(result.error).toBeInstanceOf(TimeoutError);
    expect(result.ms).toBeLessThan(5000);
  });

  it('a JSON body that drips is cut off too', async () => {
    const server = await serve((_req, res) => server.drip(res, { 'content-type': 'application/json' }));
    const client = createProviderClient<Paths>({ baseUrl: server.url, timeoutMs: 500, retry: false });
    const result = await settleTimed(client.GET('/details'));
    expect(result.error).toBeInstanceOf(TimeoutError);
    expect(result.ms).toBeLessThan(5000);
  });
});

describe('5. polling can be interrupted anywhere', () => {
  it('an abort during a slow task check settles at once', async () => {
    const server = await serve(never);
    const client = createProviderClient<Paths>({ baseUrl: server.url });
    const controller = new AbortController();
    const pending = settleTimed(waitForTask(client, { server_id: 1, task_id: 2 }, { signal: controller.signal, initialDelayMs: 0 }));
    await server.received();
    await abortAndTime('5: abort during a task check', controller, 'stop waiting', pending);
  });

  it("waitForTask's timeoutMs holds even while a check hangs", async () => {
    const server = await serve(never);
    const client = createProviderClient<Paths>({ baseUrl: server.url });
    const result = await settleTimed(waitForTask(client, { server_id: 1, task_id: 2 }, { timeoutMs: 500, initialDelayMs: 0 }));
    console.log(`attack 5b: waitForTask timeoutMs 500 settled after ${Math.round(result.ms)} ms`);
    expect(result.error).toBeInstanceOf(PollTimeoutError);
    expect(result.ms).toBeLessThan(5000);
  });

  it('an abort during the back-off sleep settles at once', async () => {
    const server = await serve((_req, res) => json(res, 200, { completed: '' }));
    const client = createProviderClient<Paths>({ baseUrl: server.url });
    const controller = new AbortController();
    let sleeping!: () => void;
    const asleep = new Promise<void>((resolve) => (sleeping = resolve));
    // onProgress sees the unfinished task just before the poller starts its back-off sleep (30-60 s here)
    const pending = settleTimed(waitForTask(client, { server_id: 1, task_id: 2 }, { signal: controller.signal, intervalMs: 60_000, initialDelayMs: 0, onProgress: () => sleeping() }));
    await asleep;
    await abortAndTime('5c: abort during the back-off sleep', controller, 'stop', pending);
  });
});

describe('6. one deadline for the whole call', () => {
  it('totalTimeoutMs bounds every attempt and every wait together', async () => {
    const server = await serve(never);
    const client = createProviderClient<Paths>({ baseUrl: server.url, timeoutMs: 300, totalTimeoutMs: 700, retry: { retries: 10, baseDelayMs: 10 } });
    const result = await settleTimed(client.GET('/details'));
    console.log(`attack 6: 10 retries inside totalTimeoutMs 700 settled after ${Math.round(result.ms)} ms, ${server.count()} attempts`);
    expect(result.error).toBeInstanceOf(TimeoutError);
    // the last attempt's own timer and the budget coincide; a starved machine may report either
    expect(result.error.message).toMatch(/total budget|timed out after 300 ms/);
    expect(result.ms).toBeLessThan(7000);
  });

  it('a Retry-After above the budget fails fast with RateLimitError.retryAfterMs instead of sleeping', async () => {
    const server = await serve((_req, res) => json(res, 429, { error: ['slow_down'] }, { 'retry-after': '30' }));
    const client = createProviderClient<Paths>({ baseUrl: server.url, throwOnError: true, retry: { maxDelayMs: 10_000 } });
    const result = await settleTimed(client.GET('/details'));
    expect(result.error).toBeInstanceOf(RateLimitError);
    expect(result.error.retryAfterMs).toBe(30_000);
    expect(server.count()).toBe(1);
    expect(result.ms).toBeLessThan(5000);
  });

  it('defaults: a call that never gets an answer ends at 120 s, retries included (fake timers)', async () => {
    vi.useFakeTimers();
    try {
      const client = createProviderClient<Paths>({ baseUrl: 'http://127.0.0.1:9', fetch: () => new Promise<Response>(() => {}) });
      let outcome: unknown;
      void client.GET('/details').then(
        (value) => (outcome = value),
        (error) => (outcome = error),
      );
      await vi.advanceTimersByTimeAsync(119_000);
      expect(outcome).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1_500);
      expect(outcome).toBeInstanceOf(TimeoutError);
      expect((outcome as Error).message).toMatch(/total budget of 120000 ms/);
      expect((outcome as TimeoutError).budget).toBe('total'); // so no caller further out retries it
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('7. session state', () => {
  it('logout() while a refresh is in flight wins: the next call logs in again', async () => {
    let release: (() => void) | undefined;
    const server = await serve((req, res) => {
      if (req.path === '/login') return json(res, 200, { token: fakeJwt(nowSeconds() - 10, `l${server.count('/login')}`), refresh: 'r' });
      if (req.path === '/token') {
        release = () => json(res, 200, { token: fakeJwt(nowSeconds() + 3600, 'refreshed'), refresh: 'r2' });
        return;
      }
      if (req.path === '/logout') return json(res, 200, { status: true });
      json(res, 200, { ok: true });
    });
    const auth = jwtAuth({ username: 'u', password: PASSWORD });
    const client = createProviderClient<Paths>({ baseUrl: server.url, auth });
    await client.GET('/details'); // login 1, expired token
    const inFlight = client.GET('/details'); // starts a refresh
    await server.received('/token');
    await auth.logout();
    release!();
    await inFlight;
    await client.GET('/details');
    expect(server.count('/login')).toBe(2);
  });

  it('a clock ahead of the server: 50 calls cost at most one refresh, then the server decides', async () => {
    const server = await serve((req, res) => {
      if (req.path === '/login' || req.path === '/token') return json(res, 200, { token: fakeJwt(nowSeconds() + 30, `t${server.count()}`), refresh: 'r' });
      json(res, 200, { ok: true });
    });
    // our clock says it is 10 minutes later than the server thinks
    const client = createProviderClient<Paths>({ baseUrl: server.url, auth: jwtAuth({ username: 'u', password: PASSWORD, now: () => Date.now() + 600_000 }) });
    for (let i = 0; i < 50; i++) await client.GET('/details');
    expect(server.count('/login') + server.count('/token')).toBeLessThanOrEqual(2);
  });
});

describe('8. what servers echo stays masked', () => {
  it('an echoing server: no error message, body, log line or inspect output contains a secret', async () => {
    const token = fakeJwt(nowSeconds() + 3600, 'tok-secret-value');
    const server = await serve((req, res) => {
      if (req.path === '/login') return json(res, 200, { token, refresh: 'refresh-secret-value' });
      // echoes what it got, in a free-text error message and in odd field names
      json(res, 400, { error: [`bad request from ${req.headers.authorization} with ${req.body}`], echo: { auth: req.headers.authorization, client_secret: PASSWORD, note: PASSWORD } });
    });
    const events: TrafficEvent[] = [];
    const basicEncoded = Buffer.from(`u:${PASSWORD}`).toString('base64');
    const secrets = [PASSWORD, token, 'tok-secret-value', 'refresh-secret-value', basicEncoded];
    for (const auth of [jwtAuth({ username: 'u', password: PASSWORD }), basicAuth({ username: 'u', password: PASSWORD })]) {
      const client = createProviderClient<Paths>({ baseUrl: server.url, auth, logger: (e) => events.push(e) });
      const plain = await client.POST('/service/{id}/label', { params: { path: { id: 1 } }, body: { label: PASSWORD } });
      const thrown = await client.POST('/service/{id}/label', { params: { path: { id: 1 } }, body: { label: PASSWORD }, throwOnError: true }).catch((e) => e);
      const everything = [
        JSON.stringify(plain.error),
        thrown.message,
        String(thrown),
        JSON.stringify(thrown),
        inspect(thrown, { depth: 8 }),
        thrown.stack ?? '',
        JSON.stringify(events),
        inspect(client, { depth: 4 }),
        inspect(auth, { depth: 4 }),
      ].join('\n');
      for (const secret of secrets) expect(everything).not.toContain(secret);
    }
  });

  it('credentials in baseUrl are refused without being echoed', () => {
    let message = '';
    try {
      createProviderClient<Paths>({ baseUrl: `https://u:${PASSWORD}@billing.example.com/api` });
    } catch (error) {
      message = `${(error as Error).message} ${inspect(error)}`;
    }
    expect(message).toMatch(/may not contain a user name or password/);
    expect(message).not.toContain(PASSWORD);
  });
});

describe('9. bad inputs fail clearly, once', () => {
  it('a token with CR/LF or NUL is refused before any request', async () => {
    const server = await serve((_req, res) => json(res, 200, { ok: true }));
    expect(() => bearerToken('abc\r\nx-injected: 1')).toThrow(/line break or NUL/);
    const client = createProviderClient<Paths>({ baseUrl: server.url, auth: bearerToken(() => 'abc\u0000def') });
    const error = await client.GET('/details').catch((e) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toMatch(/line break or NUL/);
    expect(server.count()).toBe(0);
  });

  it('a path parameter ".." or "." is refused; "/" is encoded into its segment', async () => {
    const server = await serve((_req, res) => json(res, 200, { ok: true }));
    const client = createProviderClient<Paths>({ baseUrl: server.url });
    for (const id of ['..', '.', '']) {
      const error = await client.DELETE('/dns/{zone_id}/records/{id}', { params: { path: { zone_id: 5, id } } }).catch((e) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.message).toMatch(/path parameter "id"/);
    }
    expect(server.count()).toBe(0);
    await client.DELETE('/dns/{zone_id}/records/{id}', { params: { path: { zone_id: 5, id: '../../zones/5' } } });
    expect(server.requests[0]!.path).toBe('/dns/5/records/..%2F..%2Fzones%2F5');
  });

  it('":" in a Basic username is refused with a clear error', () => {
    expect(() => basicAuth({ username: 'a:b', password: 'p' })).toThrow(/may not contain ":"/);
  });

  it('a logger that throws never breaks a call; a token function that throws is no NetworkError', async () => {
    const server = await serve((_req, res) => json(res, 200, { ok: true }));
    const logged = createProviderClient<Paths>({ baseUrl: server.url, logger: () => { throw new Error('logger down'); } });
    expect((await logged.GET('/details')).data).toEqual({ ok: true });
    const failing = createProviderClient<Paths>({ baseUrl: server.url, auth: bearerToken(() => { throw new Error('vault unreachable'); }) });
    const error = await failing.GET('/details').catch((e) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error).not.toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/vault unreachable/);
    expect(server.count()).toBe(1); // only the logged call
  });

  it('a 307 on a POST with a body replays the body to the new location', async () => {
    const server = await serve((req, res) => {
      if (req.path === '/service/1/label') {
        res.writeHead(307, { location: '/moved' });
        return res.end();
      }
      json(res, 200, { ok: true });
    });
    const client = createProviderClient<Paths>({ baseUrl: server.url });
    const { data } = await client.POST('/service/{id}/label', { params: { path: { id: 1 } }, body: { label: 'x' } });
    expect(data).toEqual({ ok: true });
    expect(server.requests.at(-1)).toMatchObject({ path: '/moved', body: '{"label":"x"}' });
  });
});

describe('10. big bodies', () => {
  it('a 20 MB JSON answer is parsed exactly once', async () => {
    const big = JSON.stringify({ ok: true, items: Array.from({ length: 200_000 }, (_, i) => ({ id: i, name: `item-${i}-${'x'.repeat(60)}` })) });
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(big);
    });
    const client = createProviderClient<Paths>({ baseUrl: server.url });
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const { data } = await client.GET('/details');
      expect(data?.ok).toBe(true);
      expect(parse.mock.calls.filter(([text]) => typeof text === 'string' && text.length >= big.length).length).toBe(1);
    } finally {
      parse.mockRestore();
    }
  });

  it('maxResponseBytes refuses a bigger body with a clear error, declared or streamed', async () => {
    const server = await serve((req, res) => {
      if (req.path === '/details') return json(res, 200, { ok: true, pad: 'x'.repeat(10_000) });
      res.writeHead(200, { 'content-type': 'text/plain' }); // no content-length: streamed
      res.write('x'.repeat(6000));
      res.end('x'.repeat(6000));
    });
    const client = createProviderClient<Paths>({ baseUrl: server.url, maxResponseBytes: 5000, retry: false, throwOnError: true });
    const declared = await client.GET('/details').catch((e) => e);
    expect(declared).toBeInstanceOf(InvalidResponseError);
    expect(declared.message).toMatch(/maxResponseBytes \(5000\)/);
    const streamed = await client.GET('/certificate/{id}/crt', { params: { path: { id: 1 } } }).catch((e) => e);
    expect(streamed).toBeInstanceOf(InvalidResponseError);
  });
});
