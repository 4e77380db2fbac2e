import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { forEachOperation, operationKey, type OpenApi } from '../model.js';
import { PipelineError } from '../errors.js';

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
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'spec', components: spec.components ?? {} });
  const failures: string[] = [];
  forEachOperation(spec, (operation, method, path) => {
    const media: Array<[string, OpenApi | undefined]> = [
      ...Object.entries(operation.responses ?? {}).map(([code, r]) => [`response ${code}`, (r as OpenApi).content?.['application/json']] as [string, OpenApi | undefined]),
      ['request body', operation.requestBody?.content?.['application/json']],
    ];
    for (const [what, content] of media) {
      if (!content?.schema || content.example === undefined) continue;
      // a `$ref` is compiled once per schema, however many operations share it
      const ref: string | undefined = content.schema.$ref;
      const validate = ref
        ? ajv.getSchema(`spec${ref}`)!
        : ajv.compile(JSON.parse(JSON.stringify(content.schema).replace(/"#\/components\//g, '"spec#/components/')));
      if (!validate(content.example)) {
        failures.push(`${operationKey(method, path)} ${what}: ${ajv.errorsText(validate.errors)}`);
      }
    }
  });
  return failures;
}

export async function validateSpec(spec: OpenApi, file: string): Promise<void> {
  const problems = [...(await lintSpec(spec, file)), ...checkExamples(spec)];
  if (problems.length) throw new PipelineError(file, '', `the generated spec is not valid:\n  ${problems.join('\n  ')}`);
}
