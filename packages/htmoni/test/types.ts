// Type tests, checked by `tsc -p test/tsconfig.json` (pnpm lint): a wrong type here fails the build.
import { expectTypeOf } from 'vitest';
import { basicAuth, createHtMoniClient, type GetTicketResponse } from '../src/index.js';
import * as provider from '../src/index.js';

const client = createHtMoniClient({ auth: basicAuth({ username: 'api@example.com', password: 'secret' }) });

export async function typeChecks() {
  const { data } = await client.GET('/tickets/{number}', { params: { path: { number: 736633 } } });
  expectTypeOf(data!.ticket.subject).toEqualTypeOf<string>();
  expectTypeOf<NonNullable<GetTicketResponse['ticket']>['status']>().toEqualTypeOf<string>();

  await client.POST('/tickets', { body: { dept_id: 1, subject: 'Help', body: 'Text' } });
  // @ts-expect-error the department is a number
  await client.POST('/tickets', { body: { dept_id: 'sales' } });
}

export function noTaskEndpoint() {
  // @ts-expect-error this spec has no task endpoint, so the package exports no waitForTask
  return provider.waitForTask;
}
