import { forEachOperation, operationKey } from '../model.js';
import { pascalCase as pascal } from './naming.js';
import { pathTemplateNames } from './path-shape.js';
import type { Rule } from './types.js';

const VERB: Record<string, string> = { get: 'get', post: 'create', put: 'update', patch: 'update', delete: 'delete' };


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
 * has not; clashes get the path's parameters appended (`createOrderByProductId`), then a number.
 */
export const assignOperationIds: Rule = {
  name: 'assign-operation-ids',
  apply(spec, { log }) {
    const wanted: Array<{ operation: Record<string, unknown>; key: string; path: string; id: string; derived: boolean }> = [];
    forEachOperation(spec, (operation, method, path) => {
      const derived = !operation.operationId;
      wanted.push({ operation, key: operationKey(method, path), path, id: operation.operationId ?? deriveOperationId(method, path), derived });
    });
    const uses = new Map<string, number>();
    for (const w of wanted) uses.set(w.id, (uses.get(w.id) ?? 0) + 1);
    const seen = new Set<string>();
    for (const w of wanted) {
      let id = w.id;
      if (uses.get(id)! > 1 && w.path.includes('{')) {
        id = `${id}By${pathTemplateNames(w.path).map(pascal).join('And')}`;
      }
      let candidate = id;
      for (let n = 2; seen.has(candidate); n++) candidate = `${id}${n}`;
      if (w.derived) log.add('operation-id-derived', w.key, candidate);
      else if (candidate !== w.id) log.add('operation-id-deduplicated', w.key, `${w.id} -> ${candidate}`);
      seen.add(candidate);
      w.operation.operationId = candidate;
    }
    return spec;
  },
};
