import { pointerSegment } from '../read/confine.js';

/** A schema as the walkers see it: any JSON object in a schema position (3.0 or 3.1). */
export type SchemaNode = Record<string, unknown>;

const isObject = (value: unknown): value is SchemaNode => typeof value === 'object' && value !== null && !Array.isArray(value);
const entries = (value: unknown): Array<[string, unknown]> => (isObject(value) ? Object.entries(value) : []);

/** Keywords whose value is one schema, a list of schemas, or a map of schemas. */
const ONE = ['additionalProperties', 'items', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedItems', 'unevaluatedProperties'];
const LIST = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const MAP = ['properties', 'patternProperties', '$defs', 'dependentSchemas'];

/**
 * Visits every schema of an OpenAPI document, where the specification puts schemas (components,
 * parameters, bodies, responses, headers, and the schemas inside schemas), with its JSON pointer.
 * Examples are data, not schemas, so a field named `nullable` in an example is never touched.
 * The visitor may rewrite the schema in place; its children are visited after it.
 */
export function forEachSchema(spec: unknown, visit: (schema: SchemaNode, pointer: string) => void): void {
  const at = (pointer: string, key: string) => `${pointer}/${pointerSegment(key)}`;
  const schema = (node: unknown, pointer: string): void => {
    if (!isObject(node)) return;
    visit(node, pointer);
    for (const key of ONE) if (isObject(node[key])) schema(node[key], at(pointer, key));
    for (const key of LIST) if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((s, i) => schema(s, at(pointer, key) + `/${i}`));
    for (const key of MAP) for (const [name, s] of entries(node[key])) schema(s, at(at(pointer, key), name));
  };
  const content = (node: unknown, pointer: string) => {
    for (const [type, media] of entries(node)) if (isObject(media)) schema(media.schema, at(at(pointer, type), 'schema'));
  };
  const headers = (node: unknown, pointer: string) => {
    for (const [name, header] of entries(node)) parameter(header, at(pointer, name));
  };
  const parameter = (node: unknown, pointer: string) => {
    if (!isObject(node)) return;
    schema(node.schema, at(pointer, 'schema'));
    content(node.content, at(pointer, 'content'));
  };
  const response = (node: unknown, pointer: string) => {
    if (!isObject(node)) return;
    content(node.content, at(pointer, 'content'));
    headers(node.headers, at(pointer, 'headers'));
  };
  const parameters = (node: unknown, pointer: string) => {
    if (Array.isArray(node)) node.forEach((p, i) => parameter(p, `${pointer}/${i}`));
  };
  if (!isObject(spec)) return;
  const components = isObject(spec.components) ? spec.components : {};
  for (const [name, s] of entries(components.schemas)) schema(s, `#/components/schemas/${pointerSegment(name)}`);
  for (const [name, p] of entries(components.parameters)) parameter(p, `#/components/parameters/${pointerSegment(name)}`);
  headers(components.headers, '#/components/headers');
  for (const [name, r] of entries(components.responses)) response(r, `#/components/responses/${pointerSegment(name)}`);
  for (const [name, b] of entries(components.requestBodies)) if (isObject(b)) content(b.content, `#/components/requestBodies/${pointerSegment(name)}/content`);
  for (const [path, item] of entries(spec.paths)) {
    const itemAt = `#/paths/${pointerSegment(path)}`;
    if (!isObject(item)) continue;
    parameters(item.parameters, `${itemAt}/parameters`);
    for (const [method, operation] of Object.entries(item)) {
      if (method === 'parameters' || !isObject(operation)) continue;
      const opAt = at(itemAt, method);
      parameters(operation.parameters, `${opAt}/parameters`);
      if (isObject(operation.requestBody)) content(operation.requestBody.content, `${opAt}/requestBody/content`);
      for (const [code, r] of entries(operation.responses)) response(r, at(`${opAt}/responses`, code));
    }
  }
}
