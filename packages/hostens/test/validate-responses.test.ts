import { afterEach, describe, expect, it } from 'vitest';
import { documentedExample, json, readSpec, startFakeServer, type FakeServer } from '@hostbill-api/test-support';
import { basicAuth, createHostensClient, defineResponseValidators, isResponseValidationError, type ResponseDrift, type ResponseValidateFunction, ResponseValidationError } from '../src/index.js';
import { validators } from '../src/validators.js';

const example = documentedExample('hostens', '/server/{server_id}') as Record<string, unknown>;
/** A personal value the drifted answer carries: no drift, warning or error may show it. */
const PERSONAL = 'jane.doe@example.org';
// the four drifts of the task: an extra field, a missing required one, a number for a string, a null
const drifted = (() => {
  const { ip: _ip, ...rest } = example;
  return { ...rest, nickname: PERSONAL, domain: 4242, label: null };
})();
const EXPECTED: ResponseDrift[] = [
  { operation: 'GET /server/{server_id}', pointer: '/ip', kind: 'missing', expected: 'present', seen: 'absent' },
  { operation: 'GET /server/{server_id}', pointer: '/nickname', kind: 'extra', expected: 'absent', seen: 'string' },
  { operation: 'GET /server/{server_id}', pointer: '/domain', kind: 'type', expected: 'string', seen: 'integer' },
  { operation: 'GET /server/{server_id}', pointer: '/label', kind: 'type', expected: 'string', seen: 'null' },
];
const sorted = (drifts: ResponseDrift[]) => [...drifts].sort((a, b) => a.pointer.localeCompare(b.pointer));

let server: FakeServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function driftingServer() {
  server = await startFakeServer((_req, res) => json(res, 200, drifted));
  return server;
}
const auth = basicAuth({ username: 'api@example.com', password: 'secret' });
const call = (client: ReturnType<typeof createHostensClient>) => client.GET('/server/{server_id}', { params: { path: { server_id: 113 } } });

describe('validateResponses against a local server answering drifted shapes (127.0.0.1)', () => {
  it('warn: exactly one warning per (operation, pointer, kind), however often the answer comes, and never the value', async () => {
    const { url } = await driftingServer();
    const warnings: ResponseDrift[] = [];
    const client = createHostensClient({ baseUrl: url, auth, validateResponses: 'warn', validators, onResponseDrift: (d) => warnings.push(d) });
    for (let i = 0; i < 3; i++) expect((await call(client)).data).toEqual(drifted);
    expect(server!.requests).toHaveLength(3);
    expect(sorted(warnings)).toEqual(sorted(EXPECTED));
    expect(JSON.stringify(warnings)).not.toContain(PERSONAL);
  });

  it('throw: a ResponseValidationError with every drift, and no body', async () => {
    const { url } = await driftingServer();
    const client = createHostensClient({ baseUrl: url, auth, validateResponses: 'throw', validators: () => import('../src/validators.js') });
    const error = await call(client).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(isResponseValidationError(error)).toBe(true);
    const failure = error as ResponseValidationError;
    expect(sorted(failure.drifts)).toEqual(sorted(EXPECTED));
    expect(failure.operation).toBe('GET /server/{server_id}');
    expect(failure.body).toBeUndefined();
    expect(`${failure.message} ${JSON.stringify(failure)}`).not.toContain(PERSONAL);
    expect(failure.message).toContain('/domain: expected string, seen integer (type)');
  });

  it('off (the default) validates nothing, and a per-call option overrides the client', async () => {
    const { url } = await driftingServer();
    let checked = 0;
    const counted = (validate: ResponseValidateFunction): ResponseValidateFunction => {
      const wrapped: ResponseValidateFunction = (data) => {
        checked++;
        const ok = validate(data);
        wrapped.errors = validate.errors;
        return ok;
      };
      return wrapped;
    };
    const counting = defineResponseValidators(Object.fromEntries(Object.entries(validators.operations).map(([key, validate]) => [key, counted(validate)])));
    const quiet = createHostensClient({ baseUrl: url, auth, validators: counting });
    expect((await call(quiet)).data).toEqual(drifted);
    expect(checked).toBe(0);
    await expect(quiet.GET('/server/{server_id}', { params: { path: { server_id: 1 } }, validateResponses: 'throw' })).rejects.toBeInstanceOf(ResponseValidationError);
    expect(checked).toBe(1);
    const strict = createHostensClient({ baseUrl: url, auth, validateResponses: 'throw', validators });
    expect((await strict.GET('/server/{server_id}', { params: { path: { server_id: 1 } }, validateResponses: 'off' })).data).toEqual(drifted);
  });

  it('the documented answers pass: no drift for a vendor example', async () => {
    const spec = readSpec('hostens');
    let checked = 0;
    for (const [path, item] of Object.entries(spec.paths as Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { example?: unknown }> }> }>>)) {
      for (const [method, operation] of Object.entries(item)) {
        const example = operation.responses?.['200']?.content?.['application/json']?.example;
        const validate = validators.operations[`${method.toUpperCase()} ${path}`];
        if (example === undefined || !validate) continue;
        checked++;
        expect(validate(example), `${method} ${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('a client asked to validate without validators says how to pass them', () => {
    expect(() => createHostensClient({ validateResponses: 'warn' })).toThrow(/validators: \(\) => import\('@hostbill-api\/<provider>\/validators'\)/);
    expect(() => createHostensClient({ validateResponses: 'loud' as never, validators })).toThrow(/validateResponses must be 'off', 'warn' or 'throw', not "loud"/);
  });
});
