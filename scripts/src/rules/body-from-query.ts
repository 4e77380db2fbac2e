import { forEachOperation, isReference, operationKey, type OpenApiParameter, type OpenApiReference, type OpenApiSchema } from '../model.js';
import type { Rule } from './types.js';

/**
 * The vendors' Swagger declares POST/PUT fields `in: query`, but the docs send them as a JSON body;
 * left alone, a generated client would put passwords in the URL.
 */
export const bodyFromQueryParams: Rule = {
  name: 'body-from-query-params',
  apply(spec, { log }) {
    forEachOperation(spec, (operation, method, path) => {
      if (!['post', 'put', 'patch'].includes(method)) return;
      const parameters = operation.parameters ?? [];
      const fields = parameters.filter((p): p is OpenApiParameter => !isReference(p) && p.in === 'query');
      if (fields.length === 0) return;
      const rest = parameters.filter((p) => !fields.includes(p as OpenApiParameter));
      if (rest.length === 0) delete operation.parameters;
      else operation.parameters = rest;
      const properties: Record<string, OpenApiSchema | OpenApiReference> = {};
      const required: string[] = [];
      for (const field of fields) {
        properties[field.name] = { ...field.schema, ...(field.description ? { description: field.description.trim() } : {}) };
        if (field.required) required.push(field.name);
      }
      operation.requestBody = {
        required: required.length > 0,
        content: { 'application/json': { schema: { type: 'object', properties, ...(required.length ? { required } : {}) } } },
      };
      log.add('body-from-query-params', operationKey(method, path), fields.map((f) => f.name).join(', '));
    });
    return spec;
  },
};
