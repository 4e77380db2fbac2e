import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  AbortError,
  AuthenticationError,
  type AuthStrategy,
  basicAuth,
  bearerToken,
  createProviderClient,
  HostBillApiError,
  InvalidResponseError,
  jwtAuth,
  NetworkError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  type TrafficEvent,
} from '../src/index.js';
import { fakeJwt, json, startFakeServer } from '@hostbill-api/test-support';

/** The few paths these tests call; provider packages use their generated `paths`. */
interface TestPaths {
  '/details': { get: { responses: { 200: { content: { 'application/json': { client: { id: string } } } } } } };
  '/server/{server_id}': {
    get: {
      parameters: { path: { server_id: number } };
      responses: { 200: { content: { 'application/json': { ram_used: number } } } };
    };
  };
  '/service/{id}/label': {
    post: {
      parameters: { path: { id: number } };
      requestBody: { content: { 'application/json': { label: string } } };
      responses: { 200: { content: { 'application/json': { success: boolean } } } };
    };
  };
}

const PASSWORD = 'pa55-w0rd-secret';
const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: Parameters<typeof startFakeServer>[0]) {
  const server = await startFakeServer(handler);
  servers.push(server);
  return server;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

describe('JWT auth', () => {
  it('logs in lazily, once, and reuses the token', async () => {
    let issued = 0;
    const server = await serve((req, res) => {
      if (req.path === '/login') return json(res, 200, { token: fakeJwt(nowSeconds() + 3600, `t${++issued}`), refresh: 'r1' });
      if (req.headers.authorization?.startsWith('Bearer ')) return json(res, 200, { client: { id: '26' } });
      return json(res, 401, { error: ['unauthorized'] });
    });
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, auth: jwtAuth({ username: 'api@example.com', password: PASSWORD }) });
    expect(server.count('/login')).toBe(0); // nothing happens before the first call
    const first = await client.GET('/details');
    await client.GET('/details');
    expect(first.data?.client.id).toBe('26');
    expect(server.count('/login')).toBe(1);
    expect(server.requests.find((r) => r.path === '/login')!.json).toEqual({ username: 'api@example.com', password: PASSWORD });
  });

  it('sends a login again once when the connection closed before any answer (a stale keep-alive socket)', async () => {
    let logins = 0;
    const server = await serve((req, res) => {
      if (req.path === '/login') {
        if (++logins === 1) return void res.socket?.destroy();
        return json(res, 200, { token: fakeJwt(nowSeconds() + 3600, 't'), refresh: 'r1' });
      }
      return json(res, 200, { success: true });
    });
    // a POST of the user's is never retried, so only the login's own second try can save this call
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, auth: jwtAuth({ username: 'api@example.com', password: PASSWORD }) });
    const { data } = await client.POST('/service/{id}/label', { params: { path: { id: 1 } }, body: { label: 'web' } });
    expect(data?.success).toBe(true);
    expect(server.count('/login')).toBe(2);
    expect(server.count('/service/1/label')).toBe(1);
  });

  it('100 concurrent requests with an expired token cause exactly one refresh', async () => {
    let current = fakeJwt(nowSeconds() - 10, 'expired');
    const server = await serve((req, res) => {
      if (req.path === '/login') return json(res, 200, { token: current, refresh: 'refresh-1' });
      if (req.path === '/token') {
        current = fakeJwt(nowSeconds() + 3600, 'fresh');
        setTimeout(() => json(res, 200, { token: current, refresh: 'refresh-2' }), 20);
        return;
      }
      if (req.headers.authorization === `Bearer ${current}`) return json(res, 200, { client: { id: '26' } });
      return json(res, 401, { error: ['token_expired'] });
    });
    const auth = jwtAuth({ username: 'u', password: PASSWORD });
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, auth });
    await client.GET('/details'); // logs in and holds an already-expired token
    const results = await Promise.all(Array.from({ length: 100 }, () => client.GET('/details')));
    expect(results.every((r) => r.data?.client.id === '26')).toBe(true);
    expect(server.count('/token')).toBe(1);
    expect(server.requests.find((r) => r.path === '/token')!.json).toEqual({ refresh_token: 'refresh-1' });
  });

  it('refreshes once after a 401 and replays; a 401 after the refresh surfaces AuthenticationError without looping', async () => {
    const server = await serve((req, res) => {
      if (req.path === '/login') return json(res, 200, { token: fakeJwt(nowSeconds() + 3600, 'a'), refresh: 'r' });
      if (req.path === '/token') return json(res, 200, { token: fakeJwt(nowSeconds() + 3600, 'b'), refresh: 'r2' });
      return json(res, 401, { error: ['invalid_token'] });
    });
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, auth: jwtAuth({ username: 'u', password: PASSWORD }), throwOnError: true });
    const error = await client.GET('/details').catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
    expect(error.messages).toEqual(['invalid_token']);
    expect(server.count('/details')).toBe(2); // the call and one replay
    expect(server.count('/token')).toBe(1);
  });

  it('a stored session is used without a login, and every renewal and the logout are reported (a token cache)', async () => {
    const stored = fakeJwt(nowSeconds() + 3600, 'stored');
    let current = stored;
    const server = await serve((req, res) => {
      if (req.path === '/token') {
        current = fakeJwt(nowSeconds() + 3600, 'renewed');
        return json(res, 200, { token: current, refresh: 'refresh-2' });
      }
      if (req.path === '/logout') return json(res, 200, { success: true });
      if (req.headers.authorization === `Bearer ${current}`) return json(res, 200, { client: { id: '26' } });
      return json(res, 401, { error: ['invalid_token'] });
    });
    const seen: unknown[] = [];
    const auth = jwtAuth({ username: 'u', password: PASSWORD, session: { token: stored, refresh: 'refresh-1' }, onSession: (s) => seen.push(s) });
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, auth });
    expect((await client.GET('/details')).data?.client.id).toBe('26');
    expect(server.count('/login')).toBe(0);
    expect(seen).toEqual([]);
    current = 'revoked-by-server'; // the stored token is refused: refreshed with the stored refresh token, then replayed
    expect((await client.GET('/details')).data?.client.id).toBe('26');
    expect(server.requests.find((r) => r.path === '/token')!.json).toEqual({ refresh_token: 'refresh-1' });
    expect(seen).toEqual([{ token: current, refresh: 'refresh-2' }]);
    await auth.logout();
    expect(seen.at(-1)).toBeUndefined();
    expect(seen).toHaveLength(2);
  });

  it('an expired stored session is renewed before the first call; a throwing onSession does not fail it; a stored token with a line break is refused', async () => {
    const server = await serve((req, res) => {
      if (req.path === '/login') return json(res, 200, { token: fakeJwt(nowSeconds() + 3600, 'new') });
      return json(res, 200, { client: { id: '1' } });
    });
    const auth = jwtAuth({ username: 'u', password: PASSWORD, session: { token: fakeJwt(nowSeconds() - 10, 'old') }, onSession: () => { throw new Error('disk full'); } });
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, auth });
    expect((await client.GET('/details')).data?.client.id).toBe('1');
    expect(server.count('/login')).toBe(1); // no refresh token stored: a new login
    expect(() => jwtAuth({ username: 'u', password: PASSWORD, session: { token: 'a\r\nX-Evil: 1' } })).toThrow(/stored session token/);
  });

  it('falls back to a new login when the refresh token is refused', async () => {
    let logins = 0;
    const server = await serve((req, res) => {
      if (req.path === '/login') return json(res, 200, { token: fakeJwt(nowSeconds() + (++logins === 1 ? -5 : 3600), `l${logins}`), refresh: 'r' });
      if (req.path === '/token') return json(res, 401, { error: ['refresh_expired'] });
      return json(res, 200, { client: { id: '1' } });
    });
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, auth: jwtAuth({ username: 'u', password: PASSWORD }) });
    await client.GET('/details');
    await client.GET('/details');
    expect(logins).toBe(2);
  });

  // one rule for both strategies; what differs is which request the server refused (jwtAuth: its login)
  it.each([
    ['jwtAuth', () => jwtAuth({ username: 'u', password: PASSWORD }), 'POST /login', ['/login']],
    ['basicAuth', () => basicAuth({ username: 'u', password: PASSWORD }), 'GET /details', ['/details']],
  ] as const)('wrong credentials with %s: the refusal is { error } by default and an AuthenticationError with throwOnError', async (_name, auth, refused, paths) => {
    const server = await serve((_req, res) => json(res, 401, { error: ['invalid_credentials'] }));
    const plain = createProviderClient<TestPaths>({ baseUrl: server.url, auth: auth() });
    const { error, response } = await plain.GET('/details');
    expect(error).toEqual({ error: ['invalid_credentials'] });
    expect(response.status).toBe(401);
    expect(server.requests.map((r) => r.path)).toEqual(paths); // refused once: no replay, no second login
    const throwing = createProviderClient<TestPaths>({ baseUrl: server.url, auth: auth(), throwOnError: true });
    const thrown = await throwing.GET('/details').catch((e) => e);
    expect(thrown).toBeInstanceOf(AuthenticationError);
    expect(thrown.message).toBe(`${refused} failed with HTTP 401: invalid_credentials`);
  });

  it('one jwtAuth cannot serve two deployments: the second client is refused', async () => {
    const auth = jwtAuth({ username: 'u', password: PASSWORD });
    createProviderClient<TestPaths>({ baseUrl: 'http://127.0.0.1:9/a', auth });
    createProviderClient<TestPaths>({ baseUrl: 'http://127.0.0.1:9/a/', auth }); // the same deployment is fine
    expect(() => createProviderClient<TestPaths>({ baseUrl: 'http://127.0.0.1:9/b', auth })).toThrow(/already belongs to http:\/\/127\.0\.0\.1:9\/a/);
  });

  it('a recover() that gives up yields the 401 answer, not a read of a cancelled body', async () => {
    const server = await serve((_req, res) => json(res, 401, { error: ['nope'] }));
    const givesUp: AuthStrategy = {
      kind: 'bearer',
      bind: () => ({
        authorize: async (headers) => {
          headers.authorization = 'Bearer t';
          return 't';
        },
        recover: async () => false,
        secrets: () => [],
      }),
    };
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, auth: givesUp, throwOnError: true });
    const error = await client.GET('/details').catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.messages).toEqual(['nope']);
  });

  it('logout and revoke call the API and forget the token', async () => {
    const server = await serve((req, res) => {
      if (req.path === '/login') return json(res, 200, { token: fakeJwt(nowSeconds() + 3600, 'x'), refresh: 'rr' });
      return json(res, 200, req.path === '/details' ? { client: { id: '1' } } : { status: true });
    });
    const auth = jwtAuth({ username: 'u', password: PASSWORD });
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, auth });
    await client.GET('/details');
    await auth.logout();
    await client.GET('/details');
    await auth.revoke();
    expect(server.count('/logout')).toBe(1);
    expect(server.count('/login')).toBe(2);
    expect(server.requests.find((r) => r.path === '/revoke')!.json).toEqual({ refresh_token: 'rr' });
  });
});

describe('basic and bearer auth', () => {
  it('basicAuth sends base64(user:password), UTF-8 safe', async () => {
    const server = await serve((_req, res) => json(res, 200, { client: { id: '1' } }));
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, auth: basicAuth({ username: 'api@example.com', password: 'pässwörd' }) });
    await client.GET('/details');
    expect(server.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('api@example.com:pässwörd').toString('base64')}`);
  });

  it('bearerToken sends the token the user holds', async () => {
    const server = await serve((_req, res) => json(res, 200, { client: { id: '1' } }));
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, auth: bearerToken('tok-123') });
    await client.GET('/details');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer tok-123');
  });
});

describe('retries and timeouts', () => {
  it('retries a 429 after the Retry-After the server asked for', async () => {
    let calls = 0;
    const server = await serve((_req, res) => (++calls === 1 ? json(res, 429, { error: ['slow_down'] }, { 'retry-after': '0.3' }) : json(res, 200, { client: { id: '1' } })));
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, retry: { baseDelayMs: 1 } });
    const started = Date.now();
    const { data } = await client.GET('/details');
    expect(data?.client.id).toBe('1');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(calls).toBe(2);
  });

  it('never retries a POST by default, and does when the user opts in', async () => {
    const server = await serve((_req, res) => json(res, 503, { error: ['maintenance'] }));
    const once = createProviderClient<TestPaths>({ baseUrl: server.url, retry: { baseDelayMs: 1 } });
    const { error, response } = await once.POST('/service/{id}/label', { params: { path: { id: 1 } }, body: { label: 'x' } });
    expect(response.status).toBe(503);
    expect(error).toEqual({ error: ['maintenance'] });
    expect(server.count('/service/1/label')).toBe(1);
    const retrying = createProviderClient<TestPaths>({ baseUrl: server.url, retry: { baseDelayMs: 1, retryNonIdempotent: true } });
    await retrying.POST('/service/{id}/label', { params: { path: { id: 1 } }, body: { label: 'x' } });
    expect(server.count('/service/1/label')).toBe(1 + 3);
  });

  it('retries GETs on 5xx up to the limit, then returns (or throws) the last answer', async () => {
    const server = await serve((_req, res) => json(res, 502, { error: ['bad_gateway'] }));
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, retry: { retries: 2, baseDelayMs: 1 }, throwOnError: true });
    const error = await client.GET('/details').catch((e) => e);
    expect(error).toBeInstanceOf(HostBillApiError);
    expect(error.status).toBe(502);
    expect(server.count('/details')).toBe(3);
  });

  it('a connection reset is a NetworkError after the retries', async () => {
    const server = await serve((_req, res) => {
      res.socket?.destroy();
    });
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, retry: { retries: 1, baseDelayMs: 1 } });
    const error = await client.GET('/details').catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toMatch(/^GET \/details failed before an answer arrived/);
    expect(server.count('/details')).toBe(2);
  });

  it('a stalled answer is a TimeoutError after timeoutMs', async () => {
    const server = await serve(() => {
      /* never answers */
    });
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, timeoutMs: 100, retry: false });
    const error = await client.GET('/details').catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("the caller's AbortSignal wins, is not retried, and is an AbortError naming the operation", async () => {
    const server = await serve(() => {});
    const client = createProviderClient<TestPaths>({ baseUrl: server.url });
    const controller = new AbortController();
    const pending = client.GET('/details', { signal: controller.signal }).catch((e) => e);
    await server.received('/details'); // abort once the server holds the request: no race with the clock
    controller.abort(new Error('user cancelled'));
    const error = await pending;
    expect(error).toBeInstanceOf(AbortError);
    expect(error).toBeInstanceOf(HostBillApiError);
    expect(error.message).toBe('GET /details was aborted: user cancelled');
    expect(error.operation).toBe('GET /details');
    expect(server.count('/details')).toBe(1);
  });

  it('per-call timeoutMs overrides the client default and fires', async () => {
    const server = await serve(() => {});
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, timeoutMs: 600_000, retry: false });
    const error = await client.GET('/details', { timeoutMs: 100 }).catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toMatch(/^GET \/details timed out after/);
  });

  it('per-call retry: false sends once where the client would retry', async () => {
    const server = await serve((_req, res) => json(res, 503, { error: ['busy'] }));
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, retry: { retries: 3, baseDelayMs: 1 } });
    const { response } = await client.GET('/details', { retry: false });
    expect(response.status).toBe(503);
    expect(server.count('/details')).toBe(1);
    await client.GET('/details');
    expect(server.count('/details')).toBe(1 + 4);
  });

  it('per-call throwOnError and headers', async () => {
    const server = await serve((_req, res) => json(res, 404, { error: ['gone'] }));
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, headers: { 'x-client': 'a' } });
    await expect(client.GET('/details', { throwOnError: true })).rejects.toBeInstanceOf(NotFoundError);
    await client.GET('/details', { headers: { 'x-call': 'b' } });
    expect(server.requests.at(-1)!.headers['x-call']).toBe('b');
    expect(server.requests.at(-1)!.headers['x-client']).toBe('a');
  });

  it('errors carry the response headers and the request id; a 429 above the budget fails fast with retryAfterMs', async () => {
    const server = await serve((_req, res) => json(res, 429, { error: ['slow_down'] }, { 'retry-after': '3600', 'x-request-id': 'req-42' }));
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, throwOnError: true });
    const error = await client.GET('/details').catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(error.headers['retry-after']).toBe('3600');
    expect(error.requestId).toBe('req-42');
    expect(server.count('/details')).toBe(1); // never slept an hour, never retried
  });

  it('a refused connection names its cause', async () => {
    const server = await serve(() => {});
    const url = server.url;
    await server.close();
    const client = createProviderClient<TestPaths>({ baseUrl: url, retry: false });
    const error = await client.GET('/details').catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.message).toBe(`GET /details failed before an answer arrived: ECONNREFUSED ${url.replace('http://', '')}`);
  });

  it('keeps the response url', async () => {
    const server = await serve((_req, res) => json(res, 200, { client: { id: '1' } }));
    const client = createProviderClient<TestPaths>({ baseUrl: server.url });
    const { response } = await client.GET('/details');
    expect(response.url).toBe(`${server.url}/details`);
  });
});

describe('answers that are not what they should be', () => {
  it('an HTML page with status 200 is { error: text } by default and an InvalidResponseError with throwOnError', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Maintenance</body></html>');
    });
    const plain = createProviderClient<TestPaths>({ baseUrl: server.url, retry: false });
    const answer = await plain.GET('/details');
    expect(answer.error).toBe('<html><body>Maintenance</body></html>');
    expect(answer.data).toBeUndefined();
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, retry: false, throwOnError: true });
    const error = await client.GET('/details').catch((e) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.body).toBe('<html><body>Maintenance</body></html>');
    expect(error.message).toMatch(/^GET \/details: response is not valid JSON \(HTTP 200\)/);
  });

  it('an empty 200 and truncated JSON are InvalidResponseErrors, never a SyntaxError', async () => {
    let n = 0;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(++n === 1 ? '' : '{"client": {"id": "2');
    });
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, retry: false, throwOnError: true });
    await expect(client.GET('/details')).rejects.toBeInstanceOf(InvalidResponseError);
    await expect(client.GET('/details')).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it('an HTML 502 page returns as the error text, or throws a typed error with throwOnError', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<h1>502 Bad Gateway</h1>');
    });
    const plain = createProviderClient<TestPaths>({ baseUrl: server.url, retry: false });
    const { error, response } = await plain.GET('/details');
    expect(response.status).toBe(502);
    expect(error).toBe('<h1>502 Bad Gateway</h1>');
    const throwing = createProviderClient<TestPaths>({ baseUrl: server.url, retry: false, throwOnError: true });
    const thrown = await throwing.GET('/details').catch((e) => e);
    expect(thrown).toBeInstanceOf(HostBillApiError);
    expect(thrown.body).toBe('<h1>502 Bad Gateway</h1>');
  });

  it('errors name the operation and carry HostBill\'s messages', async () => {
    const server = await serve((_req, res) => json(res, 404, { error: ['server_not_found'] }));
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, throwOnError: true });
    const error = await client.GET('/server/{server_id}', { params: { path: { server_id: 7 } } }).catch((e) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toBe('GET /server/{server_id} failed with HTTP 404: server_not_found');
    expect(error.operation).toBe('GET /server/{server_id}');
  });
});

describe('secrets', () => {
  it('no password or token appears in any error, log event or inspected object', async () => {
    const token = fakeJwt(nowSeconds() + 3600, 'secret-token-value');
    const server = await serve((req, res) => {
      if (req.path === '/login') return json(res, 200, { token, refresh: 'refresh-secret-value' });
      if (req.path === '/details') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(`{"token": "${token}", "password": "${PASSWORD}", "client": {`); // truncated, secret-laden
      }
      return json(res, 500, { error: ['boom'], token, password: PASSWORD });
    });
    const events: TrafficEvent[] = [];
    const auth = jwtAuth({ username: 'u', password: PASSWORD });
    const client = createProviderClient<TestPaths>({ baseUrl: server.url, auth, logger: (e) => events.push(e), retry: { retries: 1, baseDelayMs: 1 }, throwOnError: true });
    const errors = [
      await client.GET('/details').catch((e) => e),
      await client.GET('/server/{server_id}', { params: { path: { server_id: 1 } } }).catch((e) => e),
    ];
    expect(errors[0]).toBeInstanceOf(InvalidResponseError);
    expect(errors[1]).toBeInstanceOf(HostBillApiError);
    const everything = [
      ...errors.flatMap((e) => [e.message, String(e), JSON.stringify(e), inspect(e, { depth: 5 }), e.stack ?? '']),
      JSON.stringify(events),
      inspect(auth, { depth: 5 }),
      String(auth),
      JSON.stringify(auth),
      inspect(client, { depth: 3 }),
    ].join('\n');
    expect(events.some((e) => e.headers?.authorization === '[redacted]')).toBe(true);
    for (const secret of [PASSWORD, token, 'secret-token-value', 'refresh-secret-value']) expect(everything).not.toContain(secret);
  });
});
