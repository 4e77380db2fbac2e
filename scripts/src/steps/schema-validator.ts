import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

/**
 * Validates data against a schema taken from a spec: one Ajv (JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1) per spec holds its components, so `#/components/...` references resolve. The validate
 * step checks examples with it and the contract tests check mock responses, so both judge alike.
 */
export type SchemaCheck = (schema: unknown, data: unknown) => ErrorObject[];

export function specSchemaCheck(components: unknown): SchemaCheck {
  // formats are not checked (Ajv alone knows none, so none ever was); off, `format: date` no longer warns
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema({ $id: 'spec', components: components ?? {} });
  // compiling costs more than validating; many operations share one `$ref`
  const compiled = new Map<string, ValidateFunction>();
  return (schema, data) => {
    const text = JSON.stringify(schema ?? {});
    let validate = compiled.get(text);
    if (!validate) {
      validate = ajv.compile(JSON.parse(text.replace(/"#\/components\//g, '"spec#/components/')));
      compiled.set(text, validate);
    }
    return validate(data) ? [] : [...(validate.errors ?? [])];
  };
}

/** `/ram_used must be integer`: the place in the data, then what is wrong there. */
export function describeSchemaError(error: ErrorObject): string {
  return `${error.instancePath || '(body)'} ${error.message}`;
}
