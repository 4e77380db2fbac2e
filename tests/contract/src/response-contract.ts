import { describeSchemaError, specSchemaCheck } from '@hostbill-api/spec-pipeline';
import type { Spec } from './providers.js';

/**
 * Validates a response body against the operation's documented schema; returns messages that name
 * the operation and the field (`GET /server/{server_id}: /ram_used must be string`). The same
 * validator the pipeline checks examples with, so a mock and an example are judged alike.
 */
export function responseValidator(spec: Spec) {
  const check = specSchemaCheck(spec.components);
  return (operation: string, schema: unknown, data: unknown): string[] => check(schema, data).map((e) => `${operation}: ${describeSchemaError(e)}`);
}
