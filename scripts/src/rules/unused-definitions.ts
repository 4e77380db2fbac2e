import type { Rule } from './types.js';

/**
 * The vendors' Swagger `definitions` (one per tag) are never referenced: they are the body fields
 * again. They would only add dead types to every generated client.
 */
export const removeUnusedSchemas: Rule = {
  name: 'remove-unused-schemas',
  apply(spec, { log }) {
    const schemas = spec.components?.schemas ?? {};
    // used: referenced outside the schemas, or by a used schema (an OpenAPI export's `Plan` inside `Service`)
    const refersTo = (text: string) => Object.keys(schemas).filter((name) => text.includes(`"#/components/schemas/${name}"`));
    const used = new Set(refersTo(JSON.stringify({ ...spec, components: { ...spec.components, schemas: {} } })));
    for (const pending = [...used]; pending.length; ) {
      for (const name of refersTo(JSON.stringify(schemas[pending.pop()!]))) if (!used.has(name)) used.add(name), pending.push(name);
    }
    for (const name of Object.keys(schemas)) {
      if (!used.has(name)) {
        delete schemas[name];
        log.add('unused-schema-removed', `#/components/schemas/${name}`);
      }
    }
    return spec;
  },
};
