import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Spec fixtures for the provider packages' tests. */
const SPECS = join(import.meta.dirname, '..', '..', '..', 'specs');

export function readSpec(provider: string) {
  return JSON.parse(readFileSync(join(SPECS, provider, 'openapi.json'), 'utf8'));
}

/** The documented 200 example of `GET path` in a provider's spec. */
export function documentedExample(provider: string, path: string): unknown {
  return readSpec(provider).paths[path].get.responses['200'].content['application/json'].example;
}

/** A fetch that records each request and answers every one with `body` as JSON. */
export function recordingFetch(body: unknown): { fetch: typeof fetch; requests: Request[] } {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(input instanceof Request ? input : new Request(input, init));
    return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}
