import { HTTP_METHODS, isReference, type OpenApiParameter, type OpenApiReference } from '../model.js';
import { pointerSegment } from '../read/confine.js';
import type { Rule } from './types.js';

const identity = (p: OpenApiParameter | OpenApiReference) => (isReference(p) ? p.$ref : `${p.in}:${p.name}`);

/**
 * OpenAPI exports declare shared parameters once on the path item (`/service/{id}: parameters:`);
 * every rule here reads and renames an operation's own parameters, and would declare `{id}` again,
 * typed string. Each operation takes the path item's parameters it does not override itself.
 */
export const pathItemParametersToOperations: Rule = {
  name: 'path-item-parameters-to-operations',
  apply(spec, { log }) {
    for (const [path, item] of Object.entries(spec.paths ?? {})) {
      const shared = item?.parameters;
      if (!item || !shared?.length) continue;
      for (const method of HTTP_METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const own = new Set((operation.parameters ?? []).map(identity));
        operation.parameters = [...shared.filter((p) => !own.has(identity(p))).map((p) => structuredClone(p)), ...(operation.parameters ?? [])];
      }
      delete item.parameters;
      log.add('path-item-parameters-moved', `#/paths/${pointerSegment(path)}/parameters`, shared.map((p) => (isReference(p) ? p.$ref : p.name)).join(', '));
    }
    return spec;
  },
};
