import { HTTP_METHODS, type HttpMethod, type OpenApi, type OpenApiPathItem } from '../model.js';
import { setOwn } from '../patch/json-pointer.js';

const TOP_LEVEL = ['openapi', 'info', 'servers', 'security', 'tags', 'paths', 'components'];
const isMethod = (key: string) => HTTP_METHODS.includes(key as HttpMethod);

/** Fixed key order for the parts people diff (paths, methods, components), so output is byte-stable. */
export function canonicalize(spec: OpenApi): OpenApi {
  const paths: Record<string, OpenApiPathItem> = {};
  for (const [path, item = {}] of sortedEntries(spec.paths ?? {})) {
    setOwn(paths, path, reordered(item, [...Object.keys(item).filter((k) => !isMethod(k)), ...HTTP_METHODS.filter((m) => item[m])]));
  }
  const components: Record<string, object> = {};
  for (const [section, entries = {}] of sortedEntries(spec.components ?? {})) setOwn(components, section, reordered(entries, Object.keys(entries).sort()));
  const rest = Object.keys(spec).filter((k) => !TOP_LEVEL.includes(k) && spec[k as keyof OpenApi] !== undefined).sort();
  const present = TOP_LEVEL.filter((k) => k === 'paths' || k === 'components' || spec[k as keyof OpenApi] !== undefined);
  return reordered({ ...spec, paths, components }, [...present, ...rest]);
}

function sortedEntries<T extends object>(value: T): Array<[string, T[keyof T]]> {
  return Object.keys(value).sort().map((key) => [key, value[key as keyof T]]);
}

/** The same members with their keys in `order` (written with setOwn, so a `__proto__` key stays data): only the order changes, so the type is kept. */
function reordered<T extends object>(value: T, order: string[]): T {
  const out: Record<string, unknown> = {};
  for (const key of order) setOwn(out, key, value[key as keyof T]);
  return out as T;
}

export function toJsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
