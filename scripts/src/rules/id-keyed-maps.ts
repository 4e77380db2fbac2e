import { forEachSchema } from '../steps/schema-walk.js';
import type { Rule } from './types.js';

const isIdKey = (key: string) => /^\d+$/.test(key);

/**
 * An object with properties named by numbers (`payments: { "9": ..., "10": ... }`, privileges
 * by service id) is keyed by ids the vendor's example happened to hold: as fixed, required properties
 * it rejects every other account's answer. It becomes a map from id to the value its properties share
 * (`anyOf` where they differ), whether the vendor declared it so or an example did. Named properties
 * beside the ids stay; the map's values then also take theirs, so the index signature stays sound.
 */
export const idKeyedMaps: Rule = {
  name: 'id-keyed-maps',
  apply(spec, { log }) {
    forEachSchema(spec, (schema, pointer) => {
      const properties = schema.properties as Record<string, unknown> | undefined;
      if (typeof properties !== 'object' || properties === null) return;
      const ids = Object.keys(properties).filter(isIdKey);
      if (ids.length === 0) return;
      const named = Object.keys(properties).filter((k) => !isIdKey(k));
      // one entry per distinct schema; a named field beside the ids (`full: 1`) shares the index signature
      const values = [...new Map([...ids, ...named].map((k) => [JSON.stringify(properties[k]), properties[k]])).values()];
      schema.additionalProperties = values.length === 1 ? values[0] : { anyOf: values };
      if (named.length === 0) {
        delete schema.properties;
        delete schema.required;
        schema.propertyNames = { pattern: '^[0-9]+$' };
      } else {
        for (const id of ids) delete properties[id];
        const required = (schema.required as string[] | undefined)?.filter((k) => !isIdKey(k));
        if (required?.length) schema.required = required;
        else delete schema.required;
      }
      schema.type ??= 'object';
      log.add('id-keyed-map', pointer, ids.join(', '));
    });
    return spec;
  },
};
