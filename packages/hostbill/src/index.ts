import { defineProviderClient } from '@hostbill-api/runtime';
import type { components, operations, paths } from './generated/schema.js';

/** A typed client for any HostBill deployment's client-area API: `baseUrl` is required. */
export const createHostBillClient = defineProviderClient<paths>();

export type { components, operations, paths };
/** Every named schema of the spec. */
export type Schemas = components["schemas"];
/** HostBill's `{ "error": [...] }` body. */
export type ApiErrorBody = Schemas['Error'];
export type Server = Schemas['GetServerResponse'];
export type Task = Schemas['GetServerTaskResponse'];
export type Service = NonNullable<Schemas['ServiceDetailsResponse']['service']>;
export type Invoice = NonNullable<Schemas['GetInvoiceDetailsResponse']['invoice']>;
export type Domain = NonNullable<Schemas['GetDomainResponse']['details']>;
export type Certificate = NonNullable<Schemas['GetCertificateResponse']['service']>;
export type Ticket = NonNullable<Schemas['GetTicketDetailsResponse']['ticket']>;
export type DnsZone = Schemas['GetServiceDnsResponse'];

/** Auth strategies, errors, waitForTask and the rest of the runtime, so one import is enough. */
export * from '@hostbill-api/runtime';
