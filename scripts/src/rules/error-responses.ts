import { forEachOperation } from '../model.js';
import { ERROR_SCHEMA } from './response-schemas.js';
import type { Rule } from './types.js';

/**
 * HostBill answers failures with `{"error": ["..."]}`. One shared schema and response, referenced
 * by 400 (bad input), 401 (where credentials are required) and 404 (where the path names a resource).
 */
export const addErrorResponses: Rule = {
  name: 'add-error-responses',
  apply(spec, { log }) {
    spec.components ??= {};
    spec.components.schemas = { ...(spec.components.schemas ?? {}), Error: ERROR_SCHEMA };
    spec.components.responses = {
      ...(spec.components.responses ?? {}),
      Error: {
        description: 'The request failed; `error` lists the reasons.',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' }, example: { error: ['invalid_request'] } } },
      },
    };
    const ref = { $ref: '#/components/responses/Error' };
    let count = 0;
    forEachOperation(spec, (operation, _method, path) => {
      const secured = operation.security === undefined ? (spec.security ?? []).length > 0 : operation.security.length > 0;
      const codes = ['400', ...(secured ? ['401'] : []), ...(path.includes('{') ? ['404'] : [])];
      const responses = (operation.responses ??= {});
      for (const code of codes) {
        if (!responses[code]) {
          responses[code] = ref;
          count++;
        }
      }
    });
    if (count) log.add('error-responses-added', '#/components/responses/Error', `${count} responses`);
    return spec;
  },
};
