import { createHostBillClient } from '@hostbill-api/hostbill';
import { createHostensClient } from '@hostbill-api/hostens';
import { createHtMoniClient } from '@hostbill-api/htmoni';
import { createPioHostingClient } from '@hostbill-api/pio-hosting';
import { basicAuth, jwtAuth, type ProviderClientOptions } from '@hostbill-api/runtime';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SPECS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'specs');

/** A client whose calls are made generically (method and path as data), for spec-driven tests. */
export interface GenericClient {
  request(method: string, path: string, init: object): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

/** Each provider: its factory and how it really authenticates (JWT providers log in against the mock). */
export const PROVIDERS: Record<string, { create: (options: ProviderClientOptions & { baseUrl: string }) => unknown; auth: () => ProviderClientOptions['auth'] }> = {
  'pio-hosting': { create: createPioHostingClient, auth: () => jwtAuth({ username: 'api@example.com', password: 'secret' }) },
  htmoni: { create: createHtMoniClient, auth: () => basicAuth({ username: 'api@example.com', password: 'secret' }) },
  hostens: { create: createHostensClient, auth: () => basicAuth({ username: 'api@example.com', password: 'secret' }) },
  hostbill: { create: createHostBillClient, auth: () => jwtAuth({ username: 'api@example.com', password: 'secret' }) },
};

export function specFile(provider: string): string {
  return join(SPECS_DIR, provider, 'openapi.json');
}

/** The spec is JSON read at run time; its shape is what the pipeline validated. */
export type Spec = Record<string, any>;

export function readSpec(file: string): Spec {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function clientFor(provider: string, baseUrl: string, options: Partial<ProviderClientOptions> = {}): GenericClient {
  const { create, auth } = PROVIDERS[provider]!;
  return create({ baseUrl, auth: auth(), retry: false, ...options }) as GenericClient;
}
