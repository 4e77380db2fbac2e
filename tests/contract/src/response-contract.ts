import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Spec } from './providers.js';

/**
 * Validates a response body against the operation's documented schema; returns messages that name
 * the operation and the field (`GET /server/{server_id}: /ram_used must be string`).
 */
export function responseValidator(spec: Spec) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  ajv.addSchema({ $id: 'spec', components: spec.components ?? {} });
  return (operation: string, schema: unknown, data: unknown): string[] => {
    const validate = ajv.compile(JSON.parse(JSON.stringify(schema ?? {}).replace(/"#\/components\//g, '"spec#/components/')));
    if (validate(data)) return [];
    return (validate.errors ?? []).map((e) => `${operation}: ${e.instancePath || '(body)'} ${e.message}`);
  };
}
