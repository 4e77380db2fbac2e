import { AuthenticationError, HostBillApiError, NotFoundError } from '@hostbill-api/runtime';
import { describe, expect, inject, it } from 'vitest';
import { contractOperations, sampleFor } from '../src/operations.js';
import { clientFor, PROVIDERS, readSpec } from '../src/providers.js';

for (const { name: provider, specFile } of PROVIDERS) {
  const spec = readSpec(specFile);
  const operations = contractOperations(spec);
  const secured = operations.find((op) => op.method === 'get' && spec.paths[op.path].get.security === undefined)!;
  // a body field whose schema is a number or integer, to send a string in its place
  const typed = operations.find((op) => {
    const schema = spec.paths[op.path][op.method].requestBody?.content['application/json'].schema;
    return Object.values(schema?.properties ?? {}).some((p) => ['integer', 'number'].includes((p as { type?: string }).type ?? ''));
  })!;

  describe(`contract, negative: ${provider}`, () => {
    const url = () => inject('mocks')[provider]!;

    it(`missing credentials -> 401 -> AuthenticationError (${secured.method.toUpperCase()} ${secured.path})`, async () => {
      const client = await clientFor(provider, url(), { auth: undefined, throwOnError: true });
      const error = await client.request(secured.method, secured.path, { params: secured.params }).catch((e) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect(error.status).toBe(401);
      expect(error.operation).toBe(`GET ${secured.path}`);
    });

    it(`a body field of the wrong type is refused by request validation -> typed error (${typed.method.toUpperCase()} ${typed.path})`, async () => {
      const schema = spec.paths[typed.path][typed.method].requestBody.content['application/json'].schema;
      const [field] = Object.entries(schema.properties).find(([, p]) => ['integer', 'number'].includes((p as { type: string }).type))!;
      const body = { ...(sampleFor(spec, schema) as object), [field]: 'not-a-number' };
      const client = await clientFor(provider, url(), { throwOnError: true });
      const error = await client.request(typed.method, typed.path, { params: typed.params, body }).catch((e) => e);
      expect(error).toBeInstanceOf(HostBillApiError);
      // the specs document 400 for bad input, so Prism answers its validation failure with 400 (else 422)
      expect([400, 422]).toContain(error.status);
    });

    it('an unknown path -> 404 -> NotFoundError', async () => {
      const client = await clientFor(provider, url(), { throwOnError: true });
      const error = await client.request('get', '/no/such/endpoint', {}).catch((e) => e);
      expect(error).toBeInstanceOf(NotFoundError);
    });
  });
}
