// What a user writes after `npm install`: resolved through each package's exports map to its dist types.
// These are fixtures of particular providers' APIs; every provider in specs/ is also checked by
// src/generated/all-providers.ts, which `pnpm test` writes from specs/ first (src/write-all-providers.ts).
import { basicAuth, createHostensClient, waitForTask, type Server, NotFoundError } from '@hostbill-api/hostens';
import { createHostBillClient, jwtAuth } from '@hostbill-api/hostbill';
import { createHtMoniClient, type GetTicketResponse } from '@hostbill-api/htmoni';
import { createPioHostingClient, type GetInvoiceResponse } from '@hostbill-api/pio-hosting';

type Ticket = NonNullable<GetTicketResponse['ticket']>;
type Invoice = NonNullable<GetInvoiceResponse['invoice']>;

const hostens = createHostensClient({ auth: basicAuth({ username: 'u', password: 'p' }), throwOnError: true });
const generic = createHostBillClient({ baseUrl: 'https://billing.example.com/api', auth: jwtAuth({ username: 'u', password: 'p' }) });
const htmoni = createHtMoniClient({});
const pio = createPioHostingClient({ retry: false });

export async function rebootAndWait(serverId: number): Promise<string> {
  const { data } = await hostens.POST('/server/{server_id}/reboot', { params: { path: { server_id: serverId } } });
  const task = await waitForTask(hostens, { server_id: serverId, task_id: data!.task_id });
  return task.results;
}

export async function ramUsage(serverId: number): Promise<number> {
  try {
    const { data } = await hostens.GET('/server/{server_id}', { params: { path: { server_id: serverId } } });
    const server: Server = data!;
    // a Server record may lack the usage figures (the server list's records omit them)
    return (server.ram_used ?? 0) / (server.ram_limit ?? 1);
  } catch (error) {
    if (error instanceof NotFoundError) return 0;
    throw error;
  }
}

export async function misc(): Promise<[string, string, unknown]> {
  const invoice = await pio.GET('/invoice/{id}', { params: { path: { id: '1' } } });
  const status: Invoice['status'] = invoice.data!.invoice.status;
  const ticket = await htmoni.GET('/tickets/{number}', { params: { path: { number: 1 } } });
  const subject: Ticket['subject'] = ticket.data!.ticket.subject;
  const vms = await generic.GET('/service/{id}/vms', { params: { path: { id: 1 } } });
  return [status, subject, vms.data];
}
