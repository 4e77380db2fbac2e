import { forEachSchema } from '../steps/schema-walk.js';
import type { Rule } from './types.js';

/**
 * Vendors put the allowed values of a list's items on the list itself (`type: array, enum: [a, b]`),
 * which says the whole array must equal `a` or `b`: every real value fails validation and a client
 * types the field as a union of strings. Values that are not arrays belong to `items`.
 */
export const enumToArrayItems: Rule = {
  name: 'enum-to-array-items',
  apply(spec, { log }) {
    forEachSchema(spec, (schema, pointer) => {
      const isArray = schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));
      if (!isArray || !Array.isArray(schema.enum) || schema.enum.some((value) => Array.isArray(value) || value === null)) return;
      const items = (typeof schema.items === 'object' && schema.items !== null ? schema.items : {}) as Record<string, unknown>;
      if ('enum' in items) return; // both levels say something: not a misplacement this rule can judge
      schema.items = { ...items, enum: schema.enum };
      delete schema.enum;
      log.add('enum-moved-to-items', pointer, `${(schema.items as { enum: unknown[] }).enum.length} values`);
    });
    return spec;
  },
};
