import type { Rule } from './types.js';

/**
 * The vendors' Swagger `definitions` (one per tag) are never referenced: they are the body fields
 * again. They would only add dead types to every generated client.
 */
export const removeUnusedSchemas: Rule = {
  name: 'remove-unused-schemas',
  apply(spec, { log }) {
    const schemas = spec.components?.schemas ?? {};
    const text = JSON.stringify({ ...spec, components: { ...spec.components, schemas: {} } });
    for (const name of Object.keys(schemas)) {
      if (!text.includes(`"#/components/schemas/${name}"`)) {
        delete schemas[name];
        log.add('unused-schema-removed', `#/components/schemas/${name}`);
      }
    }
    return spec;
  },
};
