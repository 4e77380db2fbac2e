import { forEachOperation, operationKey } from '../model.js';
import { templateShape } from './path-shape.js';
import type { Rule } from './types.js';

/**
 * Every operation gets a tag: its own docs' section, another provider's docs' section for the same
 * operation, or its first path segment. The top-level list names each tag once, in first-use order,
 * described by its docs section's introduction where the docs have one.
 */
export const assignTags: Rule = {
  name: 'assign-tags',
  apply(spec, { docs, catalogue, log }) {
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
    const described = new Map((spec.tags ?? []).map((t: { name: string; description?: string }) => [t.name, t]));
    // a section's introduction (how its async tasks work, what its ids are) is its tag's description: own docs first
    const intros = new Map<string, string>();
    for (const doc of [...docs.values(), ...[...catalogue.values()].flat()]) if (doc.tag && doc.sectionIntro && !intros.has(doc.tag)) intros.set(doc.tag, doc.sectionIntro);
    spec.tags = order.map((name) => {
      const tag = described.get(name) ?? { name };
      const intro = intros.get(name);
      if (tag.description || !intro) return tag;
      log.add('tag-description-from-docs', name);
      return { ...tag, description: intro };
    });
    return spec;
  },
};
