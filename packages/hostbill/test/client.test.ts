import { describe, expect, it } from 'vitest';
import { documentedExample, recordingFetch } from '@hostbill-api/test-support';
import { createHostBillClient, basicAuth, type paths } from '../src/index.js';

const example = documentedExample('hostbill', '/service/{id}');
const BASE = 'https://billing.example.com/api';

describe('createHostBillClient', () => {
  it('requires a baseUrl: a generic deployment has no default address', () => {
    expect(() => createHostBillClient({} as never)).toThrow(/baseUrl is required/);
  });

  it('makes typed calls through the runtime: auth header, path, and the documented answer', async () => {
    const { fetch, requests: seen } = recordingFetch(example);
    const client = createHostBillClient({ baseUrl: BASE, auth: basicAuth({ username: 'api@example.com', password: 'secret' }), fetch });
    const { data } = await client.GET('/service/{id}', { params: { path: { id: 5 } } });
    expect(data).toEqual(example);
    expect(new URL(seen[0]!.url).href).toBe(`${BASE}/service/5`);
    expect(seen[0]!.headers.get('authorization')).toMatch(/^Basic /);
    const typed: paths['/service/{id}']['get']['responses'][200]['content']['application/json'] | undefined = data;
    expect(typed).toBeDefined();
  });
});
