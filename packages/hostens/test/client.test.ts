import { describe, expect, it } from 'vitest';
import { documentedExample, readSpec, recordingFetch } from '@hostbill-api/test-support';
import { createHostensClient, basicAuth, type paths, BASE_URL } from '../src/index.js';

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
