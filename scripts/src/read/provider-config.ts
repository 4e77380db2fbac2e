import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { PipelineError } from '../errors.js';
import type { ProviderConfig } from '../model.js';
import { pointerSegment } from './confine.js';

/** `specs/provider.schema.json`, beside the providers; every provider.json names it in `"$schema"`. */
export const PROVIDER_SCHEMA_FILE = new URL('../../../specs/provider.schema.json', import.meta.url);

export type ProviderJson = ProviderConfig & { sha256?: Record<string, string> };

let validator: ValidateFunction<ProviderJson> | undefined;

/**
 * provider.json against its JSON Schema, then what a schema cannot say (the name is the folder's,
 * some source is named). The first problem is the error: one line, file and JSON pointer.
 */
export function checkProviderConfig(value: unknown, file: string, folder: string): ProviderJson {
  // the schema says the same (dependentSchemas), but ajv's words for it are "must NOT be valid"
  if (typeof value === 'object' && value !== null && Object.hasOwn(value, 'swagger') && Object.hasOwn(value, 'openapi')) {
    throw new PipelineError(file, '/openapi', 'give "swagger" (a Swagger 2.0 file) or "openapi" (an OpenAPI 3.x file), not both: a provider has one API document');
  }
  validator ??= new Ajv2020({ allErrors: false, verbose: true }).compile<ProviderJson>(JSON.parse(readFileSync(PROVIDER_SCHEMA_FILE, 'utf8')));
  if (!validator(value)) {
    const { where, problem } = describe(validator.errors![0]!);
    throw new PipelineError(file, where, problem);
  }
  if (value.name !== folder) throw new PipelineError(file, '/name', `must be "${folder}", the folder's name`);
  if (!value.swagger && !value.openapi && !value.docs?.length && value.unionOf === undefined) throw new PipelineError(file, '', 'names no source: give "swagger", "openapi", "docs" or "unionOf"');
  if (value.unionOf !== undefined && value.excludeFromUnion !== undefined) throw new PipelineError(file, '/excludeFromUnion', 'is for a provider a union unites; this one is a union ("unionOf")');
  return value;
}

/** Ajv's error as the place it names and what is wrong there, in the words of provider.json. */
function describe(error: ErrorObject): { where: string; problem: string } {
  const where = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return { where, problem: `must be one of ${(params.allowedValues as unknown[]).join(', ')}` };
    case 'required':
      return { where: `${where}/${pointerSegment(String(params.missingProperty))}`, problem: 'is required' };
    case 'additionalProperties':
      return { where: `${where}/${pointerSegment(String(params.additionalProperty))}`, problem: 'is not a provider.json field (see specs/provider.schema.json)' };
    case 'const':
      return { where, problem: where === '/unionOf' ? 'must be "*" (a union unites every provider that is not one; a provider opts out with "excludeFromUnion": true)' : `must be ${JSON.stringify(params.allowedValue)}` };
    case 'pattern': {
      const description = (error.parentSchema as { description?: string } | undefined)?.description;
      return { where, problem: description ? `must be ${description}` : `${error.message}` };
    }
    default:
      return { where, problem: error.message ?? error.keyword };
  }
}
