import type { AuthStyle, Provider } from './providers.js';

/** What the suites use of a provider package: the shared factory name, and the runtime's auth helpers it re-exports. */
export interface ProviderModule {
  createClient: (options: Record<string, unknown>) => unknown;
  basicAuth: (options: { username: string; password: string }) => unknown;
  jwtAuth: (options: { username: string; password: string }) => unknown;
}

/** The suite's own `(specifier) => import(specifier)`. */
export type Importer = (specifier: string) => Promise<unknown>;

/**
 * The package of a provider, imported by name: no suite imports providers one by one, so a new
 * provider's package is used as soon as the suite depends on it (`pnpm generate` adds the dependency).
 * The suite hands in its own `import` so the name resolves against the suite's dependencies: this
 * package cannot depend on the provider packages, whose own tests depend on it.
 */
export async function loadProvider(provider: Provider, importer: Importer): Promise<ProviderModule> {
  let module: Partial<ProviderModule>;
  try {
    module = (await importer(provider.packageName)) as Partial<ProviderModule>;
  } catch (error) {
    throw new Error(`${provider.packageName} cannot be imported (is it built, and a dependency of this suite? \`pnpm generate && pnpm install\`): ${(error as Error).message}`);
  }
  for (const name of ['createClient', 'basicAuth', 'jwtAuth'] as const) {
    if (typeof module[name] !== 'function') throw new Error(`${provider.packageName} exports no function "${name}" (packages/${provider.name}/src/index.ts)`);
  }
  return module as ProviderModule;
}

export const TEST_CREDENTIALS = { username: 'api@example.com', password: 'secret' };

/** provider.json's preferred auth as the package's helper: `bearer` logs in for a JWT (against the mock), `basic` sends the pair. */
export function authFor(module: ProviderModule, style: AuthStyle, credentials = TEST_CREDENTIALS): unknown {
  return style === 'bearer' ? module.jwtAuth(credentials) : module.basicAuth(credentials);
}
