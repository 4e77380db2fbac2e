import type { OpenAPIV3_1 } from 'openapi-types';
import { forEachOperation, operationKey, type AuthStyle } from '../model.js';
import { templateShape } from './path-shape.js';
import type { Rule } from './types.js';

const SCHEMES: Record<AuthStyle, { name: string; scheme: OpenAPIV3_1.SecuritySchemeObject }> = {
  basic: { name: 'basicAuth', scheme: { type: 'http', scheme: 'basic', description: 'Client area e-mail and password.' } },
  bearer: {
    name: 'bearerAuth',
    scheme: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Token from `POST /login`, renewed with `POST /token`.' },
  },
};

/**
 * The vendors' Swagger declares a scheme named `http` and applies it nowhere. We declare the
 * provider's real schemes and apply them per operation: where the docs' samples send no
 * credentials (login, token refresh), the operation gets `security: []`.
 */
export const applySecurity: Rule = {
  name: 'apply-security',
  apply(spec, { provider, docs, catalogue, log }) {
    spec.components ??= {};
    const previous = Object.keys(spec.components.securitySchemes ?? {});
    const schemes = Object.fromEntries(provider.auth.map((style) => [SCHEMES[style].name, SCHEMES[style].scheme]));
    spec.components.securitySchemes = schemes;
    for (const name of previous) if (!schemes[name]) log.add('security-scheme-replaced', `#/components/securitySchemes/${name}`);
    const required = provider.auth.map((style) => ({ [SCHEMES[style].name]: [] }));
    spec.security = required;
    forEachOperation(spec, (operation, method, path) => {
      const key = operationKey(method, path);
      const shape = operationKey(method, templateShape(path));
      const evidence = docs.get(shape) ? [docs.get(shape)!] : (catalogue.get(shape) ?? []);
      const open = evidence.length > 0 && evidence.every((d) => d.auth === 'none');
      if (open) {
        if (JSON.stringify(operation.security) !== '[]') log.add('security-none', key, `no credentials in ${evidence.map((d) => d.file).join(', ')}`);
        operation.security = [];
      } else if (operation.security !== undefined) {
        delete operation.security;
      } else if (evidence.length === 0) {
        log.add('security-default', key, 'no docs sample; provider default applied');
      }
    });
    return spec;
  },
};
