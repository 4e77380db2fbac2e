import { HTTP_METHODS, type OpenApi } from '../model.js';
import { setOwn } from '../patch/json-pointer.js';

const TOP_LEVEL = ['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components'];

/** Fixed key order for the parts people diff (paths, methods, components), so output is byte-stable. */
export function canonicalize(spec: OpenApi): OpenApi {
  const paths: OpenApi = {};
  for (const path of Object.keys(spec.paths ?? {}).sort()) {
    const item = spec.paths[path];
    setOwn(paths, path, Object.fromEntries([
      ...Object.entries(item).filter(([k]) => !(HTTP_METHODS as readonly string[]).includes(k)),
      ...HTTP_METHODS.filter((m) => item[m]).map((m) => [m, item[m]]),
    ]));
  }
  const components: OpenApi = {};
  for (const section of Object.keys(spec.components ?? {}).sort()) {
    const entries = spec.components[section];
    setOwn(components, section, Object.fromEntries(Object.keys(entries).sort().map((k) => [k, entries[k]])));
  }
  const out: OpenApi = {};
  for (const key of [...TOP_LEVEL, ...Object.keys(spec).filter((k) => !TOP_LEVEL.includes(k)).sort()]) {
    if (key === 'paths') out.paths = paths;
    else if (key === 'components') out.components = components;
    else if (spec[key] !== undefined) setOwn(out, key, spec[key]);
  }
  return out;
}

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
