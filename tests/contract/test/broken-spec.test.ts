import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPrism, type PrismMock } from '../src/prism.js';
import { clientFor, readSpec, specFile } from '../src/providers.js';
import { contractOperations } from '../src/operations.js';
import { responseValidator } from '../src/response-contract.js';

describe('the contract check can fail', () => {
  let mock: PrismMock | undefined;
  afterAll(async () => mock?.stop());

  it('a response field whose documented type changed is named with its operation', async () => {
    const spec = readSpec(specFile('hostens'));
    // break a copy on purpose: the schema now says ram_used is a string, the example still has a number
    const answer = spec.paths['/server/{server_id}'].get.responses['200'].content['application/json'].schema.$ref.split('/').pop();
    spec.components.schemas[answer].properties.ram_used = { type: 'string' };
    const file = join(mkdtempSync(join(tmpdir(), 'broken-spec-')), 'openapi.json');
    writeFileSync(file, JSON.stringify(spec));
    mock = await startPrism(file);
    const op = contractOperations(spec).find((o) => o.method === 'get' && o.path === '/server/{server_id}')!;
    const { data, response } = await (await clientFor('hostens', mock.url)).request(op.method, op.path, { params: op.params });
    expect(response.status).toBe(200);
    expect(responseValidator(spec)('GET /server/{server_id}', op.responseSchema, data)).toEqual(['GET /server/{server_id}: /ram_used must be string']);
  });
});
