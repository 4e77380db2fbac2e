import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const SCOPE = '@hostbill-api/';

export interface ProviderModule {
  createClient(options: Record<string, unknown>): { request(method: string, path: string, init?: object): Promise<{ data?: unknown }> };
  basicAuth(options: { username: string; password: string }): unknown;
  bearerToken?(token: string): unknown;
}

/**
 * The providers this CLI can talk to: every `@hostbill-api/*` dependency of its own package.json that
 * ships an `openapi.json` (the list is written from specs/ by `workspace-deps`, never by hand).
 */
export function discoverProviders(): string[] {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(manifest.dependencies ?? {})
    .filter((name) => name.startsWith(SCOPE))
    .filter((name) => {
      try {
        require.resolve(`${name}/openapi.json`);
        return true;
      } catch {
        return false;
      }
    })
    .map((name) => name.slice(SCOPE.length))
    .sort();
}

/** The parts of a provider's OpenAPI document the CLI reads. */
export interface ProviderSpec {
  servers?: Array<{ url: string }>;
  paths: Record<string, Record<string, unknown>>;
  tags?: Array<{ name: string; description?: string }>;
}

export function loadSpec(provider: string): ProviderSpec {
  return JSON.parse(readFileSync(require.resolve(`${SCOPE}${provider}/openapi.json`), 'utf8'));
}

export async function loadModule(provider: string): Promise<ProviderModule> {
  return (await import(`${SCOPE}${provider}`)) as ProviderModule;
}
