import type { DocsOperation } from '../docs/extract-operations.js';
import type { DocsParameter } from '../docs/parameter-table.js';
import { HTTP_METHODS, isReference, jsonBodySchema, operationKey, type OpenApiOperation, type OpenApiParameter, type OpenApiReference, type OpenApiSchema, type RepairLog } from '../model.js';
import { asOpenApiSchema, inferSchema, type JsonSchema } from '../steps/infer-schema.js';
import { schemaForDocsType, sameType } from './docs-types.js';
import { richerText } from './richer-text.js';
import { pathTemplateNames, templateShape } from './path-shape.js';
import type { Rule } from './types.js';

/**
 * Fills the gaps only the docs can fill: operations that exist only there (all of Hostens'),
 * summaries and descriptions, parameter docs and types, and the JSON body fields.
 */
export const mergeDocsOperations: Rule = {
  name: 'merge-docs-operations',
  apply(spec, { docs, log }) {
    const paths = (spec.paths ??= {});
    const byShape = new Map<string, { path: string; operation: OpenApiOperation }>();
    for (const [path, item] of Object.entries(paths)) {
      for (const method of HTTP_METHODS) {
        const operation = item?.[method];
        if (operation) byShape.set(operationKey(method, templateShape(path)), { path, operation });
      }
    }
    for (const doc of docs.values()) {
      const fixed = withRecoveredNames(withDocumentedPath(doc, log), log);
      const found = byShape.get(operationKey(fixed.method, templateShape(fixed.path)));
      if (found) {
        mergeInto(found.operation, fixed, found.path, log);
      } else {
        const operation = operationFromDocs(fixed, log);
        (paths[fixed.path] ??= {})[fixed.method] = operation;
        byShape.set(operationKey(fixed.method, templateShape(fixed.path)), { path: fixed.path, operation });
        log.add('operation-from-docs', operationKey(fixed.method, fixed.path), `${doc.file}:${doc.line}`);
      }
    }
    return spec;
  },
};

type FileDocsOperation = DocsOperation & { file: string };

/**
 * `/domain/order/@id/form` documents `tld_id`: when exactly one path parameter is undocumented and
 * exactly one documented name is neither in the path nor sent in the body, they are the same thing.
 */
function withDocumentedPath(doc: FileDocsOperation, log: RepairLog): FileDocsOperation {
  const inPath = pathTemplateNames(doc.path);
  const documented = doc.parameters.flatMap((p) => (p.name ? [p.name] : []));
  const undocumented = inPath.filter((name) => !documented.includes(name));
  const stray = documented.filter((name) => !inPath.includes(name) && !doc.bodyFields.includes(name));
  if (undocumented.length !== 1 || stray.length !== 1 || !['get', 'delete'].includes(doc.method)) return doc;
  const [from, to] = [undocumented[0]!, stray[0]!];
  log.add('path-param-named-from-table', operationKey(doc.method, doc.path), `{${from}} -> {${to}} (${doc.file}:${doc.line})`);
  return { ...doc, path: doc.path.replace(`{${from}}`, `{${to}}`) };
}

/** A row whose name cell was lost takes the one body field of the request sample no row names. */
function withRecoveredNames(doc: FileDocsOperation, log: RepairLog): FileDocsOperation {
  if (doc.parameters.every((p) => p.name)) return doc;
  const named = new Set(doc.parameters.map((p) => p.name));
  const parameters: DocsParameter[] = [];
  doc.parameters.forEach((row, index) => {
    if (row.name) return parameters.push(row);
    const unnamedBefore = doc.parameters.slice(0, index).filter((p) => !p.name).length;
    const candidates = doc.bodyFields.filter((f) => !named.has(f));
    const name = candidates[unnamedBefore];
    if (name && doc.parameters.filter((p) => !p.name).length === candidates.length) {
      parameters.push({ ...row, name });
      log.add('param-name-recovered-from-sample', operationKey(doc.method, doc.path), `${name} (${doc.file}:${row.line})`);
    } else {
      log.add('param-row-dropped', operationKey(doc.method, doc.path), `row without a name at ${doc.file}:${row.line}`);
    }
  });
  return { ...doc, parameters };
}

function isBodyMethod(method: string): boolean {
  return ['post', 'put', 'patch'].includes(method);
}

function operationFromDocs(doc: FileDocsOperation, log: RepairLog): OpenApiOperation {
  const operation: OpenApiOperation = { summary: doc.title };
  if (doc.description) operation.description = doc.description;
  operation.responses = { '200': { description: 'Success' } };
  mergeInto(operation, doc, doc.path, log);
  return operation;
}

function mergeInto(operation: OpenApiOperation, doc: FileDocsOperation, path: string, log: RepairLog): void {
  const where = operationKey(doc.method, path);
  // a docs title is `METHOD /path` when the capture lost it: that says nothing a summary should
  const title = doc.title === `${doc.method.toUpperCase()} ${doc.documentedPath}` ? undefined : doc.title;
  if (!operation.summary) operation.summary = doc.title;
  // a summary is a label: only one that extends it (`Resources` -> `Service Resources`), never the description again
  else if (title !== operation.description && title !== doc.description) takeRicher(operation, 'summary', title, where, log, { doubling: false });
  if (!operation.description && doc.description) {
    operation.description = doc.description;
    log.add('description-from-docs', where);
  } else takeRicher(operation, 'description', doc.description, where, log);
  if (doc.tag && !operation.tags?.length) operation.tags = [doc.tag];
  const inPath = pathTemplateNames(path);
  const docPathNames = pathTemplateNames(doc.path);
  const rows = new Map(doc.parameters.map((p) => [p.name!, p]));
  // path parameters: the docs and the spec may name them differently; they match by position
  docPathNames.forEach((docName, index) => {
    const name = inPath[index];
    if (name) upsertParameter(operation, 'path', name, rows.get(docName), where, log);
  });
  const nonPath = doc.parameters.filter((p) => !docPathNames.includes(p.name!));
  if (isBodyMethod(doc.method)) {
    const fields = new Map<string, DocsParameter | undefined>(nonPath.map((p) => [p.name!, p]));
    for (const field of doc.bodyFields) {
      if (docPathNames.includes(field)) log.add('body-field-is-path-param', where, field);
      else if (!fields.has(field)) fields.set(field, undefined);
    }
    for (const [name, row] of fields) upsertBodyField(operation, name, row, where, log, doc.bodySample?.[name]);
  } else {
    for (const row of nonPath) upsertParameter(operation, 'query', row.name!, row, where, log);
  }
}

function upsertParameter(operation: OpenApiOperation, location: 'path' | 'query', name: string, row: DocsParameter | undefined, where: string, log: RepairLog): void {
  const parameters = (operation.parameters ??= []);
  let parameter = parameters.find((p): p is OpenApiParameter => !isReference(p) && p.name === name && p.in === location);
  if (!parameter) {
    const schema: OpenApiSchema = row ? schemaForDocsType(row.type) : { type: 'string' };
    parameter = { name, in: location, ...(location === 'path' ? { required: true } : {}), schema };
    parameters.push(parameter);
    if (location === 'query') log.add('query-param-from-docs', where, name);
  }
  if (!row) return;
  const schema = reconciled(parameter.schema, row, where, log, name);
  if (schema !== parameter.schema) parameter.schema = schema;
  if (!parameter.description && row.description) parameter.description = row.description;
  else takeRicher(parameter, 'description', row.description, `${where} ${location} ${name}`, log);
  if (parameter.required !== true && saysRequired(row)) {
    parameter.required = true;
    log.add('required-from-docs', where, `${location} ${name}`);
  }
}

/** Swagger and docs both describe it: the text a reader learns more from stays, never both. */
function takeRicher(node: { summary?: string; description?: string }, key: 'summary' | 'description', docsText: string | undefined, where: string, log: RepairLog, options?: { doubling?: boolean }): void {
  const chosen = richerText(node[key], docsText, options);
  if (chosen === node[key] || chosen === undefined) return;
  node[key] = chosen;
  log.add('text-from-docs', where, key);
}

/** `Operating System (required)`, `(required, valid values: ...)`; never `not required` or `required for some TLDs`. */
export const saysRequired = (row: DocsParameter) => /\(required\b/i.test(row.description) && !/\bnot required\b/i.test(row.description);

function upsertBodyField(operation: OpenApiOperation, name: string, row: DocsParameter | undefined, where: string, log: RepairLog, sample: unknown): void {
  operation.requestBody ??= { required: true, content: { 'application/json': { schema: { type: 'object', properties: {} } } } };
  const schema = jsonBodySchema(operation);
  // a form or `$ref` body would need its own merge; no vendor has one, so it stops the run, named
  if (!schema) throw new Error(`${where}: the request body has no inline application/json schema to add "${name}" to`);
  const properties = (schema.properties ??= {});
  if (!properties[name]) {
    properties[name] = row ? schemaForDocsType(row.type) : { type: 'string' };
    log.add(row ? 'body-field-from-docs' : 'body-field-from-sample', where, name);
  } else if (row) {
    properties[name] = reconciled(properties[name], row, where, log, name)!;
  }
  const shaped = sampled(properties[name]!, name, sample);
  if (shaped) {
    properties[name] = shaped.schema;
    log.add('body-field-shaped-by-sample', where, `${name}: ${shaped.why}`);
  }
  const field = properties[name]!;
  if (row?.description && !field.description) field.description = row.description;
  else if (row && !isReference(field)) takeRicher(field, 'description', row.description, `${where} body ${name}`, log);
  if (row && saysRequired(row) && !schema.required?.includes(name)) {
    schema.required = [...(schema.required ?? []), name];
    log.add('required-from-docs', where, `body ${name}`);
  }
}

/**
 * What the vendor's own request sample sends for a field, where the table cannot say it: the nesting
 * of an array or object (`items: [{ type, product_id, ... }]`, `custom: { "1618": { "10330": 1 } }`),
 * and a scalar of another type than the table's (`"pay_method": "1"` for an `int`), which then takes
 * both. A sample is one request, so nothing inside it becomes required. `"<field>Value"` is the
 * samples' placeholder for "any value" and shapes nothing.
 */
function sampled(current: OpenApiSchema | OpenApiReference, name: string, sample: unknown): { schema: OpenApiSchema; why: string } | undefined {
  if (sample === undefined || sample === `${name}Value` || isReference(current)) return undefined;
  const seen = withoutRequired(inferSchema(sample));
  if (typeof sample === 'object' && sample !== null) {
    const shape = Array.isArray(sample) ? 'array' : 'object';
    const structured = shape === 'array' ? Array.isArray(sample) && sample.some((v) => typeof v === 'object' && v !== null) : true;
    // the docs say `array` for PHP's arrays, which are maps as often as lists: the sample tells which
    const phpArray = shape === 'object' && typeList(current).includes('array');
    if (!structured || !(accepts(current, shape) || phpArray)) return undefined;
    const why = phpArray ? 'an object where the docs say array (a PHP array), as the sample sends it' : `${shape} as the sample sends it`;
    return { schema: { ...(current.description ? { description: current.description } : {}), ...asOpenApiSchema(seen) }, why };
  }
  const type = seen.type as string;
  if (accepts(current, type) || (type === 'integer' && accepts(current, 'number'))) return undefined;
  const types = [...new Set([...typeList(current), type])];
  return { schema: { ...current, type: types } as OpenApiSchema, why: `${JSON.stringify(current.type)} -> ${JSON.stringify(types)} (the sample sends ${type})` };
}

/** `type: [a, b]` or an `anyOf` branch of that type */
const takesType = (schema: OpenApiSchema, type: string): boolean =>
  (Array.isArray(schema.type) && typeList(schema).includes(type)) || (schema.anyOf ?? []).some((b) => !isReference(b) && typeList(b).includes(type));

const typeList = (schema: OpenApiSchema): string[] => (schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]);
/** Untyped accepts anything; `array`/`object` only themselves. */
const accepts = (schema: OpenApiSchema, type: string) => typeList(schema).length === 0 || typeList(schema).includes(type);

function withoutRequired(schema: JsonSchema): JsonSchema {
  const { required: _required, ...rest } = schema;
  if (rest.properties) rest.properties = Object.fromEntries(Object.entries(rest.properties).map(([k, v]) => [k, withoutRequired(v)]));
  if (rest.items) rest.items = withoutRequired(rest.items);
  if (rest.additionalProperties && typeof rest.additionalProperties === 'object') rest.additionalProperties = withoutRequired(rest.additionalProperties as JsonSchema);
  return rest;
}

/** The docs tables are what the vendor wrote by hand for people; where Swagger disagrees, they win. */
function reconciled(current: OpenApiSchema | OpenApiReference | undefined, row: DocsParameter, where: string, log: RepairLog, name: string): OpenApiSchema | OpenApiReference | undefined {
  const documented = schemaForDocsType(row.type);
  if (!current || sameType(current, documented)) return current;
  // evidence already widened it (a union of providers, a sample) to take the documented type too: docs never narrow
  if (!isReference(current) && typeof documented.type === 'string' && takesType(current, documented.type)) return current;
  const type = 'type' in current ? current.type : undefined;
  if (type === 'array' && documented.type === 'array') return current;
  const merged: OpenApiSchema = { ...current, ...documented };
  if (documented.type !== 'array' && 'items' in merged) delete merged.items;
  log.add('type-reconciled', where, `${name}: ${JSON.stringify(type)} -> ${JSON.stringify(documented.type)}`);
  return merged;
}
