import { HTTP_METHODS, isReference, operationKey, type OpenApiParameter } from '../model.js';
import type { Rule } from './types.js';

/** `/service/{id}/vms/{vmid}` -> `/service/{} id`, `/service/{}/vms/{} vmid`: one key per resource parameter. */
export function resourceKeys(path: string): Map<string, string> {
  const keys = new Map<string, string>();
  for (const match of path.matchAll(/\{([^}]+)\}/g)) keys.set(match[1]!, `${path.slice(0, match.index).replace(/\{[^}]+\}/g, '{}')}{} ${match[1]}`);
  return keys;
}

const SCALARS = ['string', 'integer', 'number', 'boolean'];
const typesOf = (schema: unknown): string[] => {
  const type = (schema as { type?: unknown } | undefined)?.type;
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
};

/** Every type any operation gave it, integer inside number, in one order so the output is byte-stable. */
function widest(seen: string[][]): string[] {
  let types = [...new Set(seen.flat())];
  if (types.includes('number')) types = types.filter((t) => t !== 'integer');
  return types.sort((a, b) => SCALARS.indexOf(a) - SCALARS.indexOf(b));
}

/**
 * One resource's path parameter has one type: `/service/{id}` is an integer in one operation and a
 * string in another (the docs table of one, the Swagger of the other), so a client passing the id it
 * got from one call would not compile against the next. Each takes every type seen for it
 * (`string | integer`), the widest, since each operation's source says the server takes that one.
 */
export const unifyPathParamTypes: Rule = {
  name: 'unify-path-param-types',
  apply(spec, { log }) {
    const uses: Array<{ key: string; where: string; parameter: OpenApiParameter }> = [];
    for (const [path, item] of Object.entries(spec.paths ?? {})) {
      const keys = resourceKeys(path);
      for (const method of HTTP_METHODS) {
        for (const parameter of item?.[method]?.parameters ?? []) {
          if (isReference(parameter) || parameter.in !== 'path' || !keys.has(parameter.name)) continue;
          if (typesOf(parameter.schema).every((t) => SCALARS.includes(t)) && typesOf(parameter.schema).length) uses.push({ key: keys.get(parameter.name)!, where: operationKey(method, path), parameter });
        }
      }
    }
    const byKey = new Map<string, string[]>();
    for (const key of new Set(uses.map((u) => u.key))) byKey.set(key, widest(uses.filter((u) => u.key === key).map((u) => typesOf(u.parameter.schema))));
    for (const { key, where, parameter } of uses) {
      const wanted = byKey.get(key)!;
      const had = typesOf(parameter.schema);
      if (had.length === wanted.length && had.every((t, i) => t === wanted[i])) continue;
      const schema = parameter.schema as Record<string, unknown>;
      schema.type = wanted.length === 1 ? wanted[0] : wanted;
      log.add('path-param-type-unified', where, `${parameter.name}: ${had.join(' | ')} -> ${wanted.join(' | ')}`);
    }
    return spec;
  },
};
