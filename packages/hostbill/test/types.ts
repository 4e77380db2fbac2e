// Type tests, checked by `tsc -p test/tsconfig.json` (pnpm lint): a wrong type here fails the build.
import { expectTypeOf } from 'vitest';
import { createHostBillClient, jwtAuth, type Server } from '../src/index.js';

const client = createHostBillClient({ baseUrl: 'https://billing.example.com/api', auth: jwtAuth({ username: 'u', password: 'p' }) });
// @ts-expect-error the generic client has no default address
createHostBillClient({});

export async function typeChecks() {
  const { data } = await client.GET('/server/{server_id}', { params: { path: { server_id: 1 } } });
  // a Server as every provider's server records show it: the list's records omit ram_used and os
  expectTypeOf(data!.ram_used).toEqualTypeOf<number | undefined>();
  expectTypeOf<Server['os']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<Server['domain']>().toEqualTypeOf<string>();

  await client.POST('/service/{id}/vms/{vmid}/rescue', { params: { path: { id: 1, vmid: 'vm-1' } } });
  await client.GET('/service/{id}/dns/{zone_id}', { params: { path: { id: 1, zone_id: 2 } } });
}

export async function wrongBodies() {
  // @ts-expect-error a body field of the wrong type
  await client.POST('/service/{id}/label', { params: { path: { id: 1 } }, body: { label: 42 } });
}
