import { defineProviderClient } from '@hostbill-api/runtime';
import type { components, operations, paths } from './generated/schema.js';

/** From the spec's `servers`; override with `baseUrl`. */
export const BASE_URL = 'https://cloud.htmoni.com/api';

/** A typed client for the HT Moni API; see ProviderClientOptions for auth, retries and timeouts. */
export const createHtMoniClient = defineProviderClient<paths>({ baseUrl: BASE_URL });

export type { components, operations, paths };
/** Every named schema of the spec. */
export type Schemas = components["schemas"];
/** HostBill's `{ "error": [...] }` body. */
export type ApiErrorBody = Schemas['Error'];
export type Service = NonNullable<Schemas['ServiceDetailsResponse']['service']>;
export type Invoice = NonNullable<Schemas['GetInvoiceDetailsResponse']['invoice']>;
export type Ticket = NonNullable<Schemas['GetTicketDetailsResponse']['ticket']>;
export type TicketSummary = NonNullable<Schemas['GetTicketsResponse']['tickets']>[number];
export type Balance = Schemas['GetBalanceResponse'];

/** Auth strategies, errors, waitForTask and the rest of the runtime, so one import is enough. */
export * from '@hostbill-api/runtime';
