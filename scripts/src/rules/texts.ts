import { forEachOperation, isReference, operationKey } from '../model.js';
import type { OpenApi } from '../openapi.js';
import { forEachSchema } from '../steps/schema-walk.js';

type Texts = Record<'summary' | 'description', unknown>;

/**
 * Every summary and description a client's JSDoc shows (operations, parameters, bodies, answers,
 * schemas), each with where it is; `rewrite` returns the new text, and a changed one is reported.
 */
export function rewriteTexts(spec: OpenApi, rewrite: (text: string) => string, changed: (where: string, key: string) => void): void {
  const visit = (node: unknown, where: string) => {
    if (typeof node !== 'object' || node === null || isReference(node)) return;
    for (const key of ['summary', 'description'] as const) {
      const text = (node as Texts)[key];
      if (typeof text !== 'string') continue;
      const next = rewrite(text);
      if (next === text) continue;
      (node as Texts)[key] = next;
      changed(where, key);
    }
  };
  forEachOperation(spec, (operation, method, path) => {
    const at = operationKey(method, path);
    visit(operation, at);
    for (const parameter of operation.parameters ?? []) visit(parameter, `${at} ${'name' in parameter ? parameter.name : 'parameter'}`);
    visit(operation.requestBody, `${at} requestBody`);
    for (const [status, response] of Object.entries(operation.responses ?? {})) visit(response, `${at} ${status}`);
  });
  forEachSchema(spec, (schema, pointer) => visit(schema, pointer));
}
