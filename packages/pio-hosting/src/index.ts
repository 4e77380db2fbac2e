import { defineProviderClient } from '@hostbill-api/runtime';
import type { components, operations, paths } from './generated/schema.js';

/** From the spec's `servers`; override with `baseUrl`. */
export const BASE_URL = 'https://cp.pio.hosting/api';

/** A typed client for the PIO Hosting GmbH API; see ProviderClientOptions for auth, retries and timeouts. */
export const createPioHostingClient = defineProviderClient<paths>({ baseUrl: BASE_URL });

export type { components, operations, paths };
/** Every named schema of the spec. */
export type Schemas = components["schemas"];
/** HostBill's `{ "error": [...] }` body. */
export type ApiErrorBody = Schemas['Error'];
export type Service = NonNullable<Schemas['ServiceDetailsResponse']['service']>;
export type ServiceSummary = NonNullable<Schemas['ServiceResponse']['services']>[number];
export type Invoice = NonNullable<Schemas['GetInvoiceDetailsResponse']['invoice']>;
export type InvoiceSummary = NonNullable<Schemas['GetInvoicesResponse']['invoices']>[number];
export type Balance = Schemas['GetBalanceResponse'];

/** Auth strategies, errors, waitForTask and the rest of the runtime, so one import is enough. */
export * from '@hostbill-api/runtime';
