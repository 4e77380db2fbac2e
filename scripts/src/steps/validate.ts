import { createConfig, lintFromString } from '@redocly/openapi-core';
import { pointerSegment } from '../read/confine.js';
import { forEachOperation, inline, operationKey, type OpenApi, type OpenApiMediaType } from '../model.js';
import { describeSchemaError, specSchemaCheck } from './schema-validator.js';
import { ValidationError, type ValidationProblem } from './validation-report.js';

/** Redocly's recommended ruleset, as `redocly lint` runs it; returns its errors (warnings are not failures). */
let recommended: ReturnType<typeof createConfig> | undefined;

export async function lintProblems(spec: OpenApi, file: string): Promise<ValidationProblem[]> {
  // building the ruleset costs more than linting one spec; it never changes within a process
  const config = await (recommended ??= createConfig({ extends: ['recommended'] }));
  const problems = await lintFromString({ source: JSON.stringify(spec, null, 2), absoluteRef: file, config });
  return problems.filter((p) => p.severity === 'error').map((p) => ({ rule: p.ruleId, pointer: p.location[0]?.pointer ?? '', message: p.message }));
}

export async function lintSpec(spec: OpenApi, file: string): Promise<string[]> {
  return (await lintProblems(spec, file)).map((p) => `${p.pointer}: ${p.message} (${p.rule})`);
}

/** Every example attached to a response or body must validate against its own schema: one problem per schema error. */
export function exampleProblems(spec: OpenApi): ValidationProblem[] {
  const check = specSchemaCheck(spec.components);
  const problems: ValidationProblem[] = [];
  forEachOperation(spec, (operation, method, path) => {
    const at = `#/paths/${pointerSegment(path)}/${method}`;
    const media: Array<[string, string, OpenApiMediaType | undefined]> = [
      ...Object.entries(operation.responses ?? {}).map(([code, r]) => [`response ${code}`, `${at}/responses/${code}`, inline(r)?.content?.['application/json']] as [string, string, OpenApiMediaType | undefined]),
      ['request body', `${at}/requestBody`, inline(operation.requestBody)?.content['application/json']],
    ];
    for (const [what, pointer, content] of media) {
      if (!content?.schema) continue;
      // the OpenAPI 3 form too: each named example's value (an externalValue is nothing to check here)
      const named = Object.entries(content.examples ?? {}).map(([name, e]) => [`examples/${pointerSegment(name)}/value`, inline(e)?.value] as const);
      for (const [at, example] of [['example', content.example] as const, ...named]) {
        if (example === undefined) continue;
        for (const error of check(content.schema, example)) {
          problems.push({ rule: 'example-matches-schema', pointer: `${pointer}/content/application~1json/${at}${error.instancePath}`, operation: operationKey(method, path), message: `${what}: ${describeSchemaError(error)}` });
        }
      }
    }
  });
  return problems;
}

export function checkExamples(spec: OpenApi): string[] {
  return exampleProblems(spec).map((p) => `${p.operation} ${p.message}`);
}

/** Redocly's errors and the examples' schema errors, all of them; a failure carries the draft (see ValidationError). */
export async function validateSpec(spec: OpenApi, file: string, provider = file.split('/')[0]!): Promise<void> {
  const problems = [...(await lintProblems(spec, file)), ...exampleProblems(spec)];
  if (problems.length) throw new ValidationError(provider, spec, problems);
}
