import { describe, expect, it } from 'vitest';
import { documentedExample, readSpec, recordingFetch } from '@hostbill-api/test-support';
import { createHtMoniClient, basicAuth, type paths, BASE_URL } from '../src/index.js';

const example = documentedExample('htmoni', '/service/{id}');
const BASE = BASE_URL;

describe('createHtMoniClient', () => {
  it('defaults to the API address in the spec', () => {
    expect(BASE_URL).toBe(readSpec('htmoni').servers[0].url);
  });

  it('makes typed calls through the runtime: auth header, path, and the documented answer', async () => {
    const { fetch, requests: seen } = recordingFetch(example);
    const client = createHtMoniClient({ auth: basicAuth({ username: 'api@example.com', password: 'secret' }), fetch });
    const { data } = await client.GET('/service/{id}', { params: { path: { id: 5 } } });
    expect(data).toEqual(example);
    expect(new URL(seen[0]!.url).href).toBe(`${BASE}/service/5`);
    expect(seen[0]!.headers.get('authorization')).toMatch(/^Basic /);
    const typed: paths['/service/{id}']['get']['responses'][200]['content']['application/json'] | undefined = data;
    expect(typed).toBeDefined();
  });
});
