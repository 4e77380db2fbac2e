import { HTTP_METHODS, isReference, type OpenApiOperation, type OpenApiParameter, type OpenApiPathItem, type OpenApiReference, type RepairLog } from '../model.js';
import { pathTemplateNames } from './path-shape.js';
import type { Rule } from './types.js';

/** The literal path before each template parameter, with earlier parameters blanked: `/service/{}/dns`. */
function prefixesOf(path: string): Array<{ prefix: string; name: string }> {
  const out: Array<{ prefix: string; name: string }> = [];
  const re = /\{([^}]+)\}/g;
  let match: RegExpExecArray | null;
  while ((match = re.exec(path))) out.push({ prefix: path.slice(0, match.index).replace(/\{[^}]+\}/g, '{}'), name: match[1]! });
  return out;
}

/**
 * One resource, one parameter name: the same `/service/...` id is `{id}` in one place and
 * `{service_id}` in another. Each prefix takes its most used name (ties: alphabetical), so
 * `/service/{service_id}/dns` becomes `/service/{id}/dns` and a client's call sites read alike.
 */
export const unifyPathParams: Rule = {
  name: 'unify-path-params',
  apply(spec, { log }) {
    const counts = new Map<string, Map<string, number>>();
    for (const [path, item] of Object.entries(spec.paths ?? {})) {
      const operations = HTTP_METHODS.filter((m) => item?.[m]).length;
      for (const { prefix, name } of prefixesOf(path)) {
        const byName = counts.get(prefix) ?? new Map<string, number>();
        byName.set(name, (byName.get(name) ?? 0) + operations);
        counts.set(prefix, byName);
      }
    }
    const canonical = (prefix: string, name: string) => {
      const byName = [...(counts.get(prefix) ?? new Map([[name, 1]]))];
      byName.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      return byName[0]![0];
    };
    const paths: Record<string, OpenApiPathItem> = {};
    for (const [path, item] of Object.entries(spec.paths ?? {})) {
      let renamed = path;
      const renames = new Map<string, string>();
      for (const { prefix, name } of prefixesOf(path)) {
        const target = canonical(prefix, name);
        if (target !== name) renames.set(name, target);
      }
      for (const [from, to] of renames) renamed = renamed.replace(`{${from}}`, `{${to}}`);
      for (const method of HTTP_METHODS) {
        const operation = item?.[method];
        if (!operation) continue;
        for (const parameter of operation.parameters ?? []) {
          if (!isReference(parameter) && parameter.in === 'path' && renames.has(parameter.name)) parameter.name = renames.get(parameter.name)!;
        }
        if (renames.size > 0) {
          log.add('path-param-unified', `${method.toUpperCase()} ${path}`, [...renames].map(([a, b]) => `{${a}} -> {${b}}`).join(', '));
        }
        ensurePathParameters(operation, renamed, log);
        (paths[renamed] ??= {})[method] = operation;
      }
    }
    spec.paths = paths;
    return spec;
  },
};

/** Every `{name}` in the path is declared, required, exactly once; nothing else claims to be in the path. */
function ensurePathParameters(operation: OpenApiOperation, path: string, log: RepairLog): void {
  const names = pathTemplateNames(path);
  const declared = operation.parameters ?? [];
  const inPath = (p: OpenApiParameter | OpenApiReference): p is OpenApiParameter => !isReference(p) && p.in === 'path';
  const kept = declared.filter((p, i) => {
    if (!inPath(p)) return true;
    const duplicate = declared.findIndex((q) => inPath(q) && q.name === p.name) !== i;
    const stray = !names.includes(p.name);
    if (duplicate || stray) log.add('path-param-removed', `${path}`, `${p.name} (${duplicate ? 'duplicate' : 'not in the path'})`);
    return !duplicate && !stray;
  });
  for (const name of names) {
    if (!kept.some((p) => inPath(p) && p.name === name)) {
      kept.push({ name, in: 'path', required: true, schema: { type: 'string' } });
      log.add('path-param-declared', path, name);
    }
  }
  // path parameters first, in path order, then the rest as they were
  kept.sort((a, b) => rank(a, names) - rank(b, names));
  if (kept.length) operation.parameters = kept;
}

function rank(parameter: OpenApiParameter | OpenApiReference, names: string[]): number {
  return !isReference(parameter) && parameter.in === 'path' ? names.indexOf(parameter.name) : names.length;
}
