import { sharedBasePath } from './path-shape.js';
import type { Rule } from './types.js';

/**
 * Some exports spell the base path into every path (`/api/service/{id}`) and leave it out of the
 * server URL. Moved into every server URL, each operation keeps its full URL and its path matches
 * the other providers' (`GET /service/{}`), so it borrows their docs and examples. Runs after
 * apply-servers, whose servers are the final ones. A Swagger `basePath` is already in the server
 * URL (swagger2openapi puts it there), so this only moves what the paths themselves repeat.
 */
export const moveBasePathToServers: Rule = {
  name: 'move-base-path-to-servers',
  apply(spec, { log }) {
    const paths = Object.keys(spec.paths ?? {});
    const base = sharedBasePath(paths);
    if (!base) return spec;
    spec.paths = Object.fromEntries(Object.entries(spec.paths!).map(([path, item]) => [path.slice(base.length), item]));
    spec.servers = (spec.servers ?? []).map((server) => ({ ...server, url: `${server.url.replace(/\/+$/, '')}${base}` }));
    log.add('base-path-moved-to-servers', '#/servers', `"${base}" from ${paths.length} paths -> ${spec.servers.map((s) => s.url).join(', ')}`);
    return spec;
  },
};
