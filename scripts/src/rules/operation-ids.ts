import { forEachOperation, operationKey } from '../model.js';
import { templateShape } from './path-shape.js';
import type { Rule } from './types.js';

const VERB: Record<string, string> = { get: 'get', post: 'create', put: 'update', patch: 'update', delete: 'delete' };

const pascal = (word: string) => word.replace(/(^|[_\-.\s])(\w)/g, (_, __, c: string) => c.toUpperCase());

/**
 * `GET /service/{id}/vms/{vmid}` -> `getServiceVms`; a collection GET is a `list`, and an action
 * segment after a parameter (`POST /server/{id}/reboot`) reads as a verb: `rebootServer`.
 */
export function deriveOperationId(method: string, path: string): string {
  const segments = path.split('/').filter(Boolean);
  const literals = segments.filter((s) => !s.startsWith('{'));
  const last = segments[segments.length - 1] ?? '';
  if (method === 'post' && !last.startsWith('{') && segments.length >= 3 && segments[segments.length - 2]!.startsWith('{')) {
    return `${last}${literals.slice(0, -1).map(pascal).join('')}`;
  }
  const verb = method === 'get' && !last.startsWith('{') ? 'list' : (VERB[method] ?? method);
  return `${verb}${literals.map(pascal).join('')}`;
}

/**
 * Unique, stable operationIds: the vendor's where it has one, derived from method and path where it
 * has not; clashes get the path's parameters appended (`getServiceById`), then a number.
 */
export const assignOperationIds: Rule = {
  name: 'assign-operation-ids',
  apply(spec, { log }) {
    const seen = new Set<string>();
    forEachOperation(spec, (operation, method, path) => {
      let id: string = operation.operationId ?? deriveOperationId(method, path);
      if (!operation.operationId) log.add('operation-id-derived', operationKey(method, path), id);
      if (seen.has(id)) {
        const params = [...templateShape(path).matchAll(/\{\}/g)].length;
        const byParams = params ? `${id}By${path.match(/\{([^}]+)\}/g)!.map((p) => pascal(p.slice(1, -1))).join('And')}` : id;
        let candidate = byParams;
        for (let n = 2; seen.has(candidate); n++) candidate = `${byParams}${n}`;
        log.add('operation-id-deduplicated', operationKey(method, path), `${id} -> ${candidate}`);
        id = candidate;
      }
      seen.add(id);
      operation.operationId = id;
    });
    return spec;
  },
};
