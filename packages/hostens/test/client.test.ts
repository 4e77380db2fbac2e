import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHostensClient, basicAuth, type paths, BASE_URL } from '../src/index.js';

const spec = JSON.parse(readFileSync(new URL('../../../specs/hostens/openapi.json', import.meta.url), 'utf8'));
const example = spec.paths['/server/{server_id}'].get.responses['200'].content['application/json'].example;
const BASE = BASE_URL;

describe('createHostensClient', () => {
  it('defaults to the API address in the spec', () => {
    expect(BASE_URL).toBe(spec.servers[0].url);
  });

  it('makes typed calls through the runtime: auth header, path, and the documented answer', async () => {
    const seen: Request[] = [];
    const fetch = async (request: Request) => {
      seen.push(request);
      return new Response(JSON.stringify(example), { headers: { 'content-type': 'application/json' } });
    };
    const client = createHostensClient({ auth: basicAuth({ username: 'api@example.com', password: 'secret' }), fetch: fetch as typeof globalThis.fetch });
    const { data } = await client.GET('/server/{server_id}', { params: { path: { server_id: 113 } } });
    expect(data).toEqual(example);
    expect(new URL(seen[0]!.url).href).toBe(`${BASE}/server/113`);
    expect(seen[0]!.headers.get('authorization')).toMatch(/^Basic /);
    const typed: paths['/server/{server_id}']['get']['responses'][200]['content']['application/json'] | undefined = data;
    expect(typed).toBeDefined();
  });
});
