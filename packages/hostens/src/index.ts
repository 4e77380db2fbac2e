import { defineProviderClient } from '@hostbill-api/runtime';
import type { components, operations, paths } from './generated/schema.js';

/** From the spec's `servers`; override with `baseUrl`. */
export const BASE_URL = 'https://billing.hostens.com/api';

/** A typed client for the Hostens API; see ProviderClientOptions for auth, retries and timeouts. */
export const createHostensClient = defineProviderClient<paths>({ baseUrl: BASE_URL });

export type { components, operations, paths };
/** Every named schema of the spec. */
export type Schemas = components["schemas"];
/** HostBill's `{ "error": [...] }` body. */
export type ApiErrorBody = Schemas['Error'];
export type Server = Schemas['GetServerResponse'];
export type ServerSummary = Schemas['ListServerResponse'][number];
export type Task = Schemas['GetServerTaskResponse'];
export type Service = NonNullable<Schemas['GetServiceResponse']['service']>;
export type Invoice = NonNullable<Schemas['GetInvoiceResponse']['invoice']>;
export type Domain = NonNullable<Schemas['GetDomainResponse']['details']>;
export type Certificate = NonNullable<Schemas['GetCertificateResponse']['service']>;
export type DnsZone = Schemas['GetServiceDnsResponse'];
export type InitScript = Schemas['GetScriptsResponse'];

/** Auth strategies, errors, waitForTask and the rest of the runtime, so one import is enough. */
export * from '@hostbill-api/runtime';
