import type { DocsOperation } from '../docs/extract-operations.js';

/** The URL a code sample calls: curl's, Guzzle's `base_uri`, Python requests'. */
const SAMPLE_URL = /(?:\bcurl\b[^'"\n]*|'base_uri'\s*=>\s*|\brequests\.\w+\(\s*)['"](https?:\/\/[^'"\s]+)['"]/g;

export interface DocsServer {
  /** the one origin+prefix every sample URL has before a documented path, if they agree */
  url: string | undefined;
  /** every prefix the samples gave, with how many URLs gave it */
  prefixes: Map<string, number>;
}

/**
 * The server URL a docs text's samples call: `curl ... "https://billing.acme.test/api/service"` for
 * the documented `GET /service` says `https://billing.acme.test/api`. A `base_uri` is a prefix as it
 * stands; any other URL counts only where it ends in a documented path (the longest one that fits),
 * so a link elsewhere in the prose never votes. The samples must agree on one prefix: where they
 * differ, which one the client should default to is not in the text.
 */
export function docsServer(texts: string[], operations: DocsOperation[]): DocsServer {
  const paths = [...new Set(operations.map((o) => o.documentedPath))].sort((a, b) => b.length - a.length).map(pathPattern);
  const prefixes = new Map<string, number>();
  for (const text of texts) {
    for (const match of text.matchAll(SAMPLE_URL)) {
      const url = match[1]!.replace(/[?#].*$/, '');
      const prefix = match[0].includes('base_uri') ? url.replace(/\/+$/, '') : paths.map((p) => p.exec(url)?.[1]).find((p) => p !== undefined);
      if (prefix && /^https?:\/\/[^/]+(?:\/[^/]+)*$/.test(prefix)) prefixes.set(prefix, (prefixes.get(prefix) ?? 0) + 1);
    }
  }
  return { url: prefixes.size === 1 ? [...prefixes.keys()][0] : undefined, prefixes };
}

/** `/service/@id/vms` -> a URL ending in it, the prefix captured; a path parameter is any one segment. */
function pathPattern(path: string): RegExp {
  const segments = path.split('/').map((segment) => (/^(?:@\w+|\{[^}]+\}|\$\w+)$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  return new RegExp(`^(.+?)${segments.join('/')}/?$`);
}
