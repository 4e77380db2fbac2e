// Dual-package hazard: a CJS dependency and an ESM app each load their own copy of the runtime.
// `instanceof` fails across the copies; the branded guards must not.
import { createRequire } from 'node:module';
import * as esm from '@hostbill-api/runtime';
import { describe, expect, it } from 'vitest';

const cjs = createRequire(import.meta.url)('@hostbill-api/runtime') as typeof esm;

describe('errors across the ESM and CJS builds in one process', () => {
  it('two copies really are loaded (the test would prove nothing otherwise)', () => {
    expect(cjs.HostBillApiError).not.toBe(esm.HostBillApiError);
  });

  it('an error thrown by the CJS client is recognised by the ESM guards, class by class', async () => {
    const client = cjs.createProviderClient<{ '/x/{id}': { get: { parameters: { path: { id: string } }; responses: {} } } }>({ baseUrl: 'http://127.0.0.1:9' });
    const error = await client.GET('/x/{id}', { params: { path: { id: '..' } } }).catch((e: unknown) => e);
    expect(error instanceof esm.HostBillApiError).toBe(false); // the hazard itself
    expect(esm.isHostBillApiError(error)).toBe(true);
    expect(esm.isInvalidRequestError(error)).toBe(true);
    expect(esm.isNetworkError(error)).toBe(false);
  });

  it('guards reject look-alikes that are not our errors', () => {
    const fake = Object.assign(new Error('x'), { name: 'HostBillApiError', status: 500 });
    expect(esm.isHostBillApiError(fake)).toBe(false);
    expect(esm.isHostBillApiError(undefined)).toBe(false);
  });
});
