import { HTTP_METHODS, operationKey, type OpenApiPathItem } from '../model.js';
import { templateAtNames } from './path-shape.js';
import type { Rule } from './types.js';

/**
 * Vendor exports repeat the docs' `@id` style (`/service/@id/vms`), which OpenAPI reads as a literal
 * segment: the operation would never match the other providers' `/service/{id}/vms`, and its
 * `in: path` parameter would name nothing. The path becomes a template; unify-path-params then
 * declares whatever is still undeclared.
 */
export const templateAtPathParams: Rule = {
  name: 'template-at-path-params',
  apply(spec, { log }) {
    if (!Object.keys(spec.paths ?? {}).some((path) => templateAtNames(path) !== path)) return spec;
    const paths: Record<string, OpenApiPathItem | undefined> = {};
    for (const [path, item] of Object.entries(spec.paths ?? {})) {
      const templated = templateAtNames(path);
      const target = paths[templated];
      if (templated !== path) {
        for (const method of HTTP_METHODS) if (item?.[method]) log.add('path-at-param-templated', operationKey(method, path), `${path} -> ${templated}`);
      }
      if (!target) {
        paths[templated] = item;
        continue;
      }
      // `/x/@id` and `/x/{id}` both declared: one path item, unless both define the same method
      for (const method of HTTP_METHODS) {
        if (!item?.[method]) continue;
        if (target[method]) throw new Error(`${operationKey(method, path)} and ${operationKey(method, templated)} are the same operation once "@" segments are templated; remove one with a patch`);
        target[method] = item[method];
      }
    }
    spec.paths = paths;
    return spec;
  },
};
