import { forEachOperation, operationKey } from '../model.js';
import { templateShape } from './path-shape.js';
import type { Rule } from './types.js';

/**
 * Every operation gets a tag: its own docs' section, another provider's docs' section for the same
 * operation, or its first path segment. The top-level list names each tag once, in first-use order.
 */
export const assignTags: Rule = {
  name: 'assign-tags',
  apply(spec, { catalogue, log }) {
    const order: string[] = [];
    forEachOperation(spec, (operation, method, path) => {
      if (!operation.tags?.length) {
        const borrowed = catalogue.get(operationKey(method, templateShape(path)))?.find((d) => d.tag)?.tag;
        const segment = path.split('/').filter(Boolean)[0] ?? 'default';
        operation.tags = [borrowed ?? segment.charAt(0).toUpperCase() + segment.slice(1)];
        log.add(borrowed ? 'tag-from-other-docs' : 'tag-from-path', operationKey(method, path), operation.tags[0]);
      }
      for (const tag of operation.tags) if (!order.includes(tag)) order.push(tag);
    });
    const described = new Map((spec.tags ?? []).map((t: { name: string }) => [t.name, t]));
    spec.tags = order.map((name) => described.get(name) ?? { name });
    return spec;
  },
};
