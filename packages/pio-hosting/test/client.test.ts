import { describe, expect, it } from 'vitest';
import { documentedExample, readSpec, recordingFetch } from '@hostbill-api/test-support';
import { createPioHostingClient, basicAuth, type paths, BASE_URL } from '../src/index.js';

const example = documentedExample('pio-hosting', '/invoice/{id}');
const BASE = BASE_URL;

describe('createPioHostingClient', () => {
  it('defaults to the API address in the spec', () => {
    expect(BASE_URL).toBe(readSpec('pio-hosting').servers[0].url);
  });

  it('makes typed calls through the runtime: auth header, path, and the documented answer', async () => {
    const { fetch, requests: seen } = recordingFetch(example);
    const client = createPioHostingClient({ auth: basicAuth({ username: 'api@example.com', password: 'secret' }), fetch });
    const { data } = await client.GET('/invoice/{id}', { params: { path: { id: '308976' } } });
    expect(data).toEqual(example);
    expect(new URL(seen[0]!.url).href).toBe(`${BASE}/invoice/308976`);
    expect(seen[0]!.headers.get('authorization')).toMatch(/^Basic /);
    const typed: paths['/invoice/{id}']['get']['responses'][200]['content']['application/json'] | undefined = data;
    expect(typed).toBeDefined();
  });
});
