/**
 * `src/compiled/validators.ts` of a provider package (not under `src/generated/`, which turbo restores
 * from the types' cache): Ajv standalone code that checks each
 * operation's 200 JSON answer, compiled here so the client never ships Ajv or compiles at run
 * time. The package exports it as its own subpath (`@hostbill-api/<provider>/validators`), which
 * a client loads only when `validateResponses` is on: a consumer that does not validate never
 * bundles it.
 */
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { forEachOperation, inline, operationKey } from '../model.js';
import type { OpenApi } from '../openapi.js';
import { generatedBanner } from './sources.js';

const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;

/**
 * A copy of a schema in which every object that lists its properties refuses others, so a field
 * the spec does not know is reported as a drift (`extra`). `allOf` members are left open: each
 * sees only its own properties, and closing one would refuse its siblings' fields.
 */
export function closeObjects(schema: unknown, inAllOf = false): unknown {
  if (Array.isArray(schema)) return schema.map((item) => closeObjects(item));
  if (schema === null || typeof schema !== 'object') return schema;
  const source = schema as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'example' || key === 'examples') continue; // not checked; smaller code
    if (key === 'properties' && value && typeof value === 'object') {
      copy[key] = Object.fromEntries(Object.entries(value).map(([name, property]) => [name, closeObjects(property)]));
    } else if ((COMBINATORS as readonly string[]).includes(key) && Array.isArray(value)) {
      copy[key] = value.map((member) => closeObjects(member, key === 'allOf'));
    } else {
      copy[key] = closeObjects(value);
    }
  }
  const open = inAllOf || 'allOf' in source || 'additionalProperties' in source || 'unevaluatedProperties' in source;
  if (source.properties && typeof source.properties === 'object' && !open) copy.additionalProperties = false;
  return copy;
}

/** The operations whose 200 answer has a JSON schema, in document order: `[key, schema]`. */
export function responseSchemas(spec: OpenApi): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  forEachOperation(spec, (operation, method, path) => {
    const schema = inline(operation.responses?.['200'])?.content?.['application/json']?.schema;
    if (schema) out.push([operationKey(method, path), schema]);
  });
  return out;
}

export function validatorsSource(provider: string, spec: OpenApi): string {
  const operations = responseSchemas(spec);
  // draft-07 Ajv: the response schemas use nothing of 2020-12 beyond it, and 2020's dynamic-scope
  // bookkeeping would triple the code; messages off and shared code for shared `$ref`s keep it small
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, messages: false, inlineRefs: false, code: { source: true, esm: true, lines: true } });
  ajv.addSchema({ $id: 'spec', components: closeObjects(spec.components ?? {}) });
  const exports: Record<string, string> = {};
  operations.forEach(([, schema], index) => {
    const id = `op${index}`;
    const text = JSON.stringify(closeObjects(schema)).replace(/"#\/components\//g, '"spec#/components/');
    ajv.addSchema({ $id: id, ...(JSON.parse(text) as object) });
    exports[`v${index}`] = id;
  });
  // CJS default export seen from ESM: the function is the module's `default`
  type Standalone = (ajv: Ajv, refs: Record<string, string>) => string;
  const module = standalone as unknown as Standalone & { default?: Standalone };
  const standaloneCode = module.default ?? module;
  const code = standaloneCode(ajv, exports);
  if (/\brequire\(/.test(code)) throw new Error(`${provider}: the generated validators need Ajv at run time (${code.match(/require\([^)]*\)/)?.[0]}); keep the schemas to what standalone code can check alone`);
  const table = operations.map(([key], index) => `  ${JSON.stringify(key)}: v${index},\n`).join('');
  return [
    generatedBanner(provider),
    '// @ts-nocheck: Ajv standalone output, typed by src/validators.ts\n',
    '/* eslint-disable */\n',
    code.replace(/^"use strict";?/, '').trim(),
    '\n\nexport const table = {\n',
    table,
    '};\n',
  ].join('');
}

/** `src/validators.ts`: the subpath entry, typed with the runtime's shape. */
export function validatorsEntrySource(provider: string): string {
  return [
    generatedBanner(provider),
    "import { defineResponseValidators } from '@hostbill-api/runtime';\n",
    "import { table } from './compiled/validators.js';\n\n",
    `/** Checks of each operation's 200 JSON answer, by \`METHOD /path\`: \`validators: () => import('@hostbill-api/${provider}/validators')\`. */\n`,
    'export const validators = /* @__PURE__ */ defineResponseValidators(table);\n',
  ].join('');
}
