import type { OpenApi } from '../openapi.js';

/** The spec's server URL when it has no variables: the package's `BASE_URL`, so callers need not pass one. */
export function fixedBaseUrl(spec: OpenApi): string | undefined {
  const server = spec.servers?.[0];
  return server && !server.variables ? server.url : undefined;
}

/** The URL an example passes as `baseUrl` when the factory has none: the server URL with its variables' defaults. */
export function exampleBaseUrl(spec: OpenApi): string | undefined {
  if (fixedBaseUrl(spec)) return undefined;
  const server = spec.servers?.[0];
  return (server?.url ?? 'https://billing.example.com/api').replace(/\{([^}]+)\}/g, (_, name: string) => server?.variables?.[name]?.default ?? name);
}
