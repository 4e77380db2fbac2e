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

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Docs prose that offers credentials as one way among others: "... or call this method with valid access token". */
const OPTIONAL_AUTH = /\b(?:or|optionally)\b[^.\n]*\bwith (?:a |an |your )?(?:valid )?(?:access token|credentials|authori[sz]ation)\b/i;

/**
 * provider.json's `auth` is the authority for the schemes (the vendors' Swagger declares one named
 * `http` and applies it nowhere); the top-level requirement is the provider's. Per operation:
 * - an explicit `security: []` in the vendor file (login, token refresh, sign-up) is the vendor's
 *   word and is kept;
 * - where the docs' prose offers credentials as optional (`/revoke`: the refresh token, or a valid access
 *   token), the operation takes either: `[{}, <the provider's>]`, over a vendor's `[]` too (logged);
 * - where the docs' samples send no credentials, the operation gets `security: []`;
 * - a vendor requirement naming a scheme that is no longer declared falls back to the provider's.
 * Every change to what the vendor declared is logged with its reason; keeping it is not a repair.
 */
export const applySecurity: Rule = {
  name: 'apply-security',
  apply(spec, { provider, docs, catalogue, log }) {
    spec.components ??= {};
    const previous = spec.components.securitySchemes ?? {};
    const schemes = Object.fromEntries(provider.auth.map((style) => [SCHEMES[style].name, SCHEMES[style].scheme]));
    spec.components.securitySchemes = schemes;
    for (const [name, scheme] of Object.entries(previous)) {
      if (!same(scheme, schemes[name])) log.add('security-scheme-replaced', `#/components/securitySchemes/${name}`, schemes[name] ? 'redefined from provider.json "auth"' : undefined);
    }
    const required = provider.auth.map((style) => ({ [SCHEMES[style].name]: [] }));
    const before = spec.security;
    spec.security = required;
    forEachOperation(spec, (operation, method, path) => {
      const key = operationKey(method, path);
      const shape = operationKey(method, templateShape(path));
      const evidence = docs.get(shape) ? [docs.get(shape)!] : (catalogue.get(shape) ?? []);
      const optional = evidence.find((d) => OPTIONAL_AUTH.test(`${d.title}\n${d.description}`));
      if (optional) {
        // "pass the refresh token, or call it with a valid access token": either no credentials or the provider's
        const either = [{}, ...required];
        if (!same(operation.security, either)) log.add('security-optional', key, `${optional.file}:${optional.line} says credentials are optional${operation.security ? `; replaced ${JSON.stringify(operation.security)}` : ''}`);
        operation.security = either;
        return;
      }
      if (Array.isArray(operation.security) && operation.security.length === 0) return; // the vendor says: no credentials
      if (evidence.length > 0 && evidence.every((d) => d.auth === 'none')) {
        log.add('security-none', key, `no credentials in ${evidence.map((d) => d.file).join(', ')}${operation.security ? `; replaced ${JSON.stringify(operation.security)}` : ''}`);
        operation.security = [];
      } else if (operation.security !== undefined && !operation.security.every((requirement) => Object.keys(requirement).every((name) => schemes[name]))) {
        log.add('security-requirement-replaced', key, `${JSON.stringify(operation.security)} names a scheme provider.json "auth" does not declare; the provider's default applies`);
        delete operation.security;
      }
    });
    if (!same(before, required)) {
      let relying = 0;
      forEachOperation(spec, (operation) => void (operation.security === undefined && relying++));
      log.add('security-default', '#/security', `provider.json "auth" (${provider.auth.join(', ')})${before ? ` replaced ${JSON.stringify(before)}` : ''}; ${relying} operation(s) without security of their own use it`);
    }
    return spec;
  },
};
