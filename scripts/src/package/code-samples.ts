/**
 * `x-codeSamples` for the API reference: each operation called through the provider package's own
 * client (`create<Provider>Client` + `client.GET('/path', { params })`), with its required parameters
 * and body fields filled from the spec's examples, else from their schemas. Added at docs build time
 * to a copy of the spec; the committed specs never carry them.
 */
import type { ProviderConfig } from '../model.js';
import { HTTP_METHODS, type OpenApi, type OpenApiMediaType, type OpenApiOperation, type OpenApiParameter, type OpenApiRequestBody, type OpenApiSchema } from '../openapi.js';
import { exampleBaseUrl } from './example-base-url.js';
import { clientIdentifier, functionName, packageName } from './names.js';
import { resolve } from './operations.js';

export interface CodeSample {
  lang: string;
  label: string;
  source: string;
}

type SampleConfig = Pick<ProviderConfig, 'name' | 'title' | 'identifier' | 'auth'>;

/** A copy of the spec with one TypeScript sample on every operation (the input is not changed). */
export function withCodeSamples(spec: OpenApi, config: SampleConfig): OpenApi {
  const copy = structuredClone(spec);
  for (const [path, item] of Object.entries(copy.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = item?.[method];
      if (!operation) continue;
      const pathParameters = item?.parameters ?? [];
      (operation as Record<string, unknown>)['x-codeSamples'] = [codeSample(copy, config, method, path, { ...operation, parameters: [...pathParameters, ...(operation.parameters ?? [])] })];
    }
  }
  return copy;
}

/** The sample of one operation: the import, the client, the call with its required inputs. */
export function codeSample(spec: OpenApi, config: SampleConfig, method: string, path: string, operation: OpenApiOperation): CodeSample {
  const factory = `create${clientIdentifier(config)}Client`;
  const strategy = config.auth[0] === 'bearer' ? 'jwtAuth' : 'basicAuth';
  const baseUrl = exampleBaseUrl(spec);
  const init = initOf(spec, operation);
  const fn = functionName(operation.operationId ?? '');
  const call = `client.${method.toUpperCase()}(${quote(path)}${init ? `, ${init}` : ''})`;
  const source = [
    `import { ${factory}, ${strategy} } from '${packageName(config.name)}';`,
    '',
    `const client = ${factory}({`,
    ...(baseUrl ? [`  baseUrl: ${quote(baseUrl)},`] : []),
    `  auth: ${strategy}({ username: 'you@example.com', password: process.env.HOSTBILL_PASSWORD ?? '' }),`,
    '});',
    '',
    `const { data, error } = await ${call};`,
    // the operation function is the same call; naming it tells readers what to import instead
    ...(fn ? [`// the same call: ${fn}(client${init ? `, ${init.includes('\n') ? '{ ... }' : init}` : ''})`] : []),
    '',
  ].join('\n');
  return { lang: 'TypeScript', label: 'TypeScript', source };
}

/** `{ params: { path: {...}, query: {...} }, body: {...} }` with only what the call requires; undefined when nothing is. */
function initOf(spec: OpenApi, operation: OpenApiOperation): string | undefined {
  const params = new Map<string, Record<string, unknown>>();
  for (const ref of operation.parameters ?? []) {
    const parameter = resolve<OpenApiParameter>(spec, ref);
    if (!parameter?.required) continue;
    const group = params.get(parameter.in) ?? {};
    group[parameter.name] = parameterValue(spec, parameter);
    params.set(parameter.in, group);
  }
  const init: Record<string, unknown> = {};
  if (params.size) init.params = Object.fromEntries([...params].sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b)));
  const body = bodyValue(spec, operation);
  if (body !== undefined) init.body = body;
  return Object.keys(init).length ? literal(init, '') : undefined;
}

const ORDER = ['path', 'query', 'header', 'cookie'];

function parameterValue(spec: OpenApi, parameter: OpenApiParameter): unknown {
  if (parameter.example !== undefined) return parameter.example;
  const named = Object.values(parameter.examples ?? {}).map((e) => resolve<{ value?: unknown }>(spec, e)?.value);
  if (named[0] !== undefined) return named[0];
  return schemaValue(spec, resolve<OpenApiSchema>(spec, parameter.schema));
}

/** The body's required fields (all of them an object schema requires), from the media example or the field schemas. */
function bodyValue(spec: OpenApi, operation: OpenApiOperation): Record<string, unknown> | undefined {
  const body = resolve<OpenApiRequestBody>(spec, operation.requestBody);
  if (!body?.content) return undefined;
  const media: OpenApiMediaType | undefined = body.content['application/json'] ?? Object.values(body.content)[0];
  const schema = resolve<OpenApiSchema>(spec, media?.schema);
  const required = schema?.required ?? [];
  if (!body.required && required.length === 0) return undefined;
  const example = (media?.example ?? null) as Record<string, unknown> | null;
  const value: Record<string, unknown> = {};
  for (const name of required) {
    const field = resolve<OpenApiSchema>(spec, schema?.properties?.[name]);
    value[name] = typeof example === 'object' && example !== null && Object.hasOwn(example, name) ? example[name] : schemaValue(spec, field);
  }
  return value;
}

/** A value the schema accepts: its own example, default or first enum value, else one by type. */
export function schemaValue(spec: OpenApi, schema: OpenApiSchema | undefined, depth = 0): unknown {
  if (!schema) return '1';
  const own = schema as OpenApiSchema & { example?: unknown; examples?: unknown[] };
  if (Array.isArray(own.examples) && own.examples.length) return own.examples[0];
  if (own.example !== undefined) return own.example;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('integer') || types.includes('number')) return schema.minimum ?? 1;
  if (types.includes('boolean')) return true;
  if (types.includes('array')) return depth > 4 ? [] : [schemaValue(spec, resolve<OpenApiSchema>(spec, (schema as { items?: unknown }).items), depth + 1)];
  if (types.includes('object')) {
    if (depth > 4) return {};
    return Object.fromEntries((schema.required ?? []).map((name) => [name, schemaValue(spec, resolve<OpenApiSchema>(spec, schema.properties?.[name]), depth + 1)]));
  }
  return schema.format === 'email' ? 'you@example.com' : '1';
}

/** A TypeScript literal: bare keys where they are identifiers, single quotes, one line while it is short. */
export function literal(value: unknown, indent: string): string {
  if (typeof value === 'string') return quote(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  const inner = `${indent}  `;
  const items = Array.isArray(value) ? value.map((v) => literal(v, inner)) : Object.entries(value).map(([k, v]) => `${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(k) ? k : quote(k)}: ${literal(v, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return `${open}${close}`;
  const line = Array.isArray(value) ? `[${items.join(', ')}]` : `{ ${items.join(', ')} }`;
  if (line.length + indent.length <= 80 && !line.includes('\n')) return line;
  return `${open}\n${items.map((i) => `${inner}${i},`).join('\n')}\n${indent}${close}`;
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}
