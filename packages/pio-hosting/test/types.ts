// Type tests, checked by `tsc -p test/tsconfig.json` (pnpm lint): a wrong type here fails the build.
import { expectTypeOf } from 'vitest';
import { createPioHostingClient, jwtAuth, type GetInvoiceResponse } from '../src/index.js';
import * as provider from '../src/index.js';

const client = createPioHostingClient({ auth: jwtAuth({ username: 'api@example.com', password: 'secret' }) });

export async function typeChecks() {
  const { data } = await client.GET('/invoice/{id}', { params: { path: { id: '308976' } } });
  // the Invoice entity: the list shows `total` as "12.50", the detail as 12.5; only the detail has items
  expectTypeOf(data!.invoice.total).toEqualTypeOf<string | number>();
  expectTypeOf(data!.invoice.items![0]!.description).toEqualTypeOf<string>();
  expectTypeOf<NonNullable<GetInvoiceResponse['invoice']>['status']>().toEqualTypeOf<string>();

  const balance = await client.GET('/balance');
  expectTypeOf(balance.data!.details.acc_balance).toEqualTypeOf<string>();

  await client.POST('/service/{id}/label', { params: { path: { id: 1 } }, body: { label: 'web-1' } });
  // @ts-expect-error the label is a string
  await client.POST('/service/{id}/label', { params: { path: { id: 1 } }, body: { label: 42 } });
}

export function noTaskEndpoint() {
  // @ts-expect-error this spec has no task endpoint, so the package exports no waitForTask
  return provider.waitForTask;
}
