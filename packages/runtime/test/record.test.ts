// recordResponses: what reaches the file from a server that answers with secrets and personal data.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { fakeJwt, json, startFakeServer, type FakeServer } from '@hostbill-api/test-support';
import { basicAuth, createProviderClient, jwtAuth } from '../src/index.js';
import { recordResponses, redactBody } from '../src/record.js';

const PASSWORD = 'Hunter2-correct-horse';
const TOKEN = fakeJwt(Math.floor(Date.now() / 1000) + 3600, 'session-77');
/** Shapes of secrets and personal data; none may survive a recording, in any position. */
const CORPUS = {
  jwt: TOKEN,
  basic: `Basic ${Buffer.from(`api@example.com:${PASSWORD}`).toString('base64')}`,
  password: PASSWORD,
  email: 'jane.doe@example.org',
  ipv4: '203.0.113.77',
  ipv6: '2001:db8::8a2e:370:7334',
  card: '4111 1111 1111 1111',
  cardNumber: 4111111111111111,
  firstname: 'Jane',
  lastname: 'Doe',
  phone: '+44 20 7946 0958',
  address: '221B Baker Street',
  note: 'call me after 5, my pin is 4242',
};
const VALUES = Object.values(CORPUS).map(String).concat(Buffer.from(`api@example.com:${PASSWORD}`).toString('base64'), 'Baker', '4242');

const answer = {
  client: { id: 26, firstname: CORPUS.firstname, lastname: CORPUS.lastname, email: CORPUS.email, phonenumber: CORPUS.phone, address1: CORPUS.address },
  session: { token: CORPUS.jwt, echo: CORPUS.basic, you_sent: CORPUS.password },
  servers: [
    { ip: CORPUS.ipv4, ipv6: CORPUS.ipv6, status: 'Active', ram: 2048, load: 0.25, backups: true, note: null, notes: CORPUS.note },
    { ip: CORPUS.ipv4, ipv6: CORPUS.ipv6, status: 'Active', ram: 1024, load: 1.5, backups: false, note: null, notes: '' },
  ],
  cards: { [CORPUS.email]: { card: CORPUS.card, number: CORPUS.cardNumber } },
  billingcycle: 'Monthly',
};

const scratch = mkdtempSync(join(tmpdir(), 'record-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const lines = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

describe('recordResponses, against a local server that answers with the privacy corpus (127.0.0.1)', () => {
  it('keeps structure, keys, number kinds, booleans, nulls and enum-like values; no value of the corpus survives', async () => {
    server = await startFakeServer((req, res) => (req.path === '/login' ? json(res, 200, { token: TOKEN, refresh: 'r-secret-refresh' }) : json(res, 200, answer)));
    const file = join(scratch, 'jwt.jsonl');
    const client = createProviderClient<{}>({ baseUrl: server.url, auth: jwtAuth({ username: 'api@example.com', password: PASSWORD }), recordResponses: recordResponses({ path: file }), provider: 'acme' } as never);
    await (client as unknown as { GET(path: string): Promise<unknown> }).GET('/details');
    const text = readFileSync(file, 'utf8');
    for (const value of VALUES) expect(text, `"${value}" survived`).not.toContain(value);
    expect(text).not.toMatch(/authorization/i);
    const [line] = lines(file);
    expect(line).toMatchObject({ provider: 'acme', operation: 'GET /details', status: 200, contentType: 'application/json' });
    expect(line!.body).toEqual({
      client: { id: 0, firstname: '<text>', lastname: '<text>', email: '<email>', phonenumber: '<digits>', address1: '<text>' },
      session: { token: '<jwt>', echo: '<credential>', you_sent: '<text>' },
      servers: [
        { ip: '<ipv4>', ipv6: '<ipv6>', status: 'Active', ram: 0, load: 0.5, backups: true, note: null, notes: '<text>' },
        { ip: '<ipv4>', ipv6: '<ipv6>', status: 'Active', ram: 0, load: 0.5, backups: false, note: null, notes: '' },
      ],
      cards: { '<email>': { card: '<digits>', number: 0 } },
      billingcycle: 'Monthly',
    });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
  }, 60_000);

  it('basicAuth: the password the client holds never survives, even as an enum-shaped value', async () => {
    const password = 'Swordfish';
    server = await startFakeServer((_req, res) => json(res, 200, { status: password, again: password, nested: [{ type: password }] }));
    const file = join(scratch, 'basic.jsonl');
    const client = createProviderClient<{}>({ baseUrl: server.url, auth: basicAuth({ username: 'u@example.com', password }), recordResponses: recordResponses({ path: file }) });
    await (client as unknown as { GET(path: string): Promise<unknown> }).GET('/x');
    expect(readFileSync(file, 'utf8')).not.toContain(password);
  }, 60_000);

  it('stops at its size cap with one clear message; earlier lines stay whole', async () => {
    server = await startFakeServer((_req, res) => json(res, 200, { status: 'Active', items: Array.from({ length: 20 }, () => ({ status: 'Active' })) }));
    const file = join(scratch, 'capped.jsonl');
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const client = createProviderClient<{}>({ baseUrl: server.url, recordResponses: recordResponses({ path: file, maxBytes: 1500 }) }) as unknown as { GET(path: string): Promise<unknown> };
      for (let i = 0; i < 10; i++) await client.GET('/x');
    } finally {
      console.warn = original;
    }
    const recorded = lines(file);
    expect(recorded.length).toBeGreaterThan(0);
    expect(recorded.length).toBeLessThan(10);
    expect(readFileSync(file).byteLength).toBeLessThanOrEqual(1500);
    expect(warnings).toEqual([`[hostbill-api] recordResponses: ${file} reached its cap of 1500 bytes (recordResponses.maxBytes); later answers are not recorded`]);
  }, 60_000);

  it('a recording path that is not a string is refused when the recording is made', () => {
    expect(() => recordResponses({} as never)).toThrow(/recordResponses.path must be the file to write/);
  });

  it('the options object of earlier versions is refused with the way to write it now', () => {
    expect(() => createProviderClient<{}>({ baseUrl: 'https://x.test', recordResponses: { path: 'a.jsonl' } as never })).toThrow(
      "recordResponses takes recordResponses({ path }) from '@hostbill-api/<provider>/record'",
    );
  });
});

describe('redactBody', () => {
  it('keeps a value repeated in the body, but not a unique one under a neutral key', () => {
    expect(redactBody({ a: 'Pending', b: 'Pending', c: 'Solo' })).toEqual({ a: 'Pending', b: 'Pending', c: '<text>' });
  });
});
