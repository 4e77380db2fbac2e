import { authFor, loadProvider, providers, type Provider, type ProviderModule } from '@hostbill-api/test-support';
import { readFileSync } from 'node:fs';
import type { ProviderClientOptions } from '@hostbill-api/runtime';

export type { Spec } from './sample.js';
import type { Spec } from './sample.js';

/**
 * A client whose calls are made generically (method and path as data): for the negative and broken-spec
 * cases, whose requests are wrong on purpose. The contract run itself calls through src/generated/calls.ts.
 */
export interface GenericClient {
  request(method: string, path: string, init: object): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

/** Every provider in specs/ (tests/support derives the list; none is named here). */
export const PROVIDERS: Provider[] = providers();

export function providerNamed(name: string): Provider {
  const found = PROVIDERS.find((p) => p.name === name);
  if (!found) throw new Error(`no provider "${name}" in specs/ (known: ${PROVIDERS.map((p) => p.name).join(', ')})`);
  return found;
}

export function specFile(provider: string): string {
  return providerNamed(provider).specFile;
}

export function readSpec(file: string): Spec {
  return JSON.parse(readFileSync(file, 'utf8'));
}

const modules = new Map<string, Promise<ProviderModule>>();

/**
 * A client of the provider's package, made by its shared `createClient`, authenticating as its
 * provider.json prefers (`bearer`: a JWT login against the mock; `basic`: the pair on each call).
 */
export async function clientFor(provider: string, baseUrl: string, options: Partial<ProviderClientOptions> = {}): Promise<GenericClient> {
  const entry = providerNamed(provider);
  let module = modules.get(provider);
  // imported here, in the suite, so the name resolves against this suite's dependencies
  if (!module) modules.set(provider, (module = loadProvider(entry, (specifier) => import(specifier))));
  const loaded = await module;
  return loaded.createClient({ baseUrl, auth: authFor(loaded, entry.auth), retry: false, ...options }) as GenericClient;
}
