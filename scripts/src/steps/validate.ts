import { createConfig, lintFromString } from '@redocly/openapi-core';
import { forEachOperation, inline, operationKey, type OpenApi, type OpenApiMediaType } from '../model.js';
import { PipelineError } from '../errors.js';
import { describeSchemaError, specSchemaCheck } from './schema-validator.js';

/** Redocly's recommended ruleset, as `redocly lint` runs it; returns its errors (warnings are not failures). */
let recommended: ReturnType<typeof createConfig> | undefined;

export async function lintSpec(spec: OpenApi, file: string): Promise<string[]> {
  // building the ruleset costs more than linting one spec; it never changes within a process
  const config = await (recommended ??= createConfig({ extends: ['recommended'] }));
  const problems = await lintFromString({ source: JSON.stringify(spec, null, 2), absoluteRef: file, config });
  return problems
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.location[0]?.pointer ?? ''}: ${p.message} (${p.ruleId})`);
}

/** Every example attached to a response or body must validate against its own schema. */
export function checkExamples(spec: OpenApi): string[] {
  const check = specSchemaCheck(spec.components);
  const failures: string[] = [];
  forEachOperation(spec, (operation, method, path) => {
    const media: Array<[string, OpenApiMediaType | undefined]> = [
      ...Object.entries(operation.responses ?? {}).map(([code, r]) => [`response ${code}`, inline(r)?.content?.['application/json']] as [string, OpenApiMediaType | undefined]),
      ['request body', inline(operation.requestBody)?.content['application/json']],
    ];
    for (const [what, content] of media) {
      if (!content?.schema || content.example === undefined) continue;
      const errors = check(content.schema, content.example);
      if (errors.length) failures.push(`${operationKey(method, path)} ${what}: ${errors.map(describeSchemaError).join(', ')}`);
    }
  });
  return failures;
}

export async function validateSpec(spec: OpenApi, file: string): Promise<void> {
  const problems = [...(await lintSpec(spec, file)), ...checkExamples(spec)];
  if (problems.length) throw new PipelineError(file, '', `the generated spec is not valid:\n  ${problems.join('\n  ')}`);
}
