import { forEachOperation, operationKey } from '../model.js';
import type { Rule } from './types.js';

/**
 * `"operationId": "List services"` is not URL-safe (Redocly refuses it) and names no function in a
 * generated client: it becomes `listServices`. A tag with stray or doubled spaces (`"Services "`) is
 * another tag than `Services` for every tool that groups by tag: it is trimmed and collapsed.
 */
export const normalizeIdentifiers: Rule = {
  name: 'normalize-identifiers',
  apply(spec, { log }) {
    forEachOperation(spec, (operation, method, path) => {
      const key = operationKey(method, path);
      if (typeof operation.operationId === 'string') {
        const id = identifierOf(operation.operationId);
        if (id && id !== operation.operationId) {
          log.add('operation-id-normalized', key, `${JSON.stringify(operation.operationId)} -> ${id}`);
          // the vendor's spelling stays readable beside the id (assign-operation-ids keeps it too)
          (operation as Record<string, unknown>)['x-vendor-operation-id'] ??= operation.operationId;
          operation.operationId = id;
        }
      }
      if (operation.tags?.some((tag) => tidyTag(tag) !== tag)) {
        const tidy = [...new Set(operation.tags.map(tidyTag))];
        log.add('tag-whitespace-normalized', key, `${JSON.stringify(operation.tags)} -> ${JSON.stringify(tidy)}`);
        operation.tags = tidy;
      }
    });
    if (spec.tags?.some((tag) => tidyTag(tag.name) !== tag.name)) {
      const seen = new Set<string>();
      spec.tags = spec.tags.flatMap((tag) => {
        const name = tidyTag(tag.name);
        if (seen.has(name)) return [];
        seen.add(name);
        return [{ ...tag, name }];
      });
      log.add('tag-whitespace-normalized', '#/tags');
    }
    return spec;
  },
};

const tidyTag = (tag: string) => tag.trim().replace(/\s+/g, ' ');

/** `List services` / `get-service by id` -> `listServices` / `getServiceById`; an id already URL-safe is kept as it is. */
export function identifierOf(id: string): string {
  if (/^[A-Za-z0-9_.~-]+$/.test(id)) return id;
  const words = id.split(/[^A-Za-z0-9_]+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}
