import { specSchemaCheck, type SchemaCheck } from '@hostbill-api/spec-pipeline';

/** The spec is JSON read at run time; its shape is what the pipeline validated. */
export type Spec = Record<string, any>;
type Schema = Record<string, any>;

/** Deeper than this a recursive schema gets only its required properties, so a `$ref` cycle ends. */
const FULL_DEPTH = 6;
/** A value for every string `format` the pipeline can write (JSON Schema 2020-12 and OpenAPI's own). */
const FORMATS: Record<string, string> = {
  'date-time': '2024-01-02T03:04:05Z',
  date: '2024-01-02',
  time: '03:04:05Z',
  duration: 'P1D',
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  hostname: 'example.com',
  'idn-hostname': 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uri: 'https://example.com/a',
  'uri-reference': 'https://example.com/a',
  iri: 'https://example.com/a',
  'iri-reference': 'https://example.com/a',
  url: 'https://example.com/a',
  uuid: '00000000-0000-4000-8000-000000000001',
  byte: 'ZXhhbXBsZQ==',
  password: 'secret',
  'json-pointer': '/a',
  regex: '^a$',
};

/** Resolves local `$ref`s (`#/components/...`), chains of them included; an unknown one is an error naming it. */
export function resolveRef(spec: Spec, schema: Schema | undefined): Schema | undefined {
  let current = schema;
  for (let hops = 0; current?.$ref !== undefined; hops++) {
    const ref = String(current.$ref);
    if (!ref.startsWith('#/') || hops > 64) throw new Error(`${ref}: only local, non-circular references are followed`);
    const target = ref
      .slice(2)
      .split('/')
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<any>((node, key) => (node && Object.hasOwn(node, key) ? node[key] : undefined), spec);
    if (target === undefined) throw new Error(`${ref}: no such schema in the spec`);
    current = target;
  }
  return current;
}

/**
 * A value the schema accepts, for any schema the pipeline writes: its own const, example or default
 * where present (the pipeline validated examples), else built from its keywords: enums, formats, bounds,
 * nested objects, arrays, maps, `allOf`, and for `oneOf`/`anyOf` the first branch whose value the whole
 * schema accepts (a value of one `oneOf` branch may match another too, so it is checked, not assumed).
 */
export function sampleFor(spec: Spec, schema: Schema | undefined, check: SchemaCheck = checkerFor(spec)): unknown {
  return sample(spec, schema ?? {}, check, 0);
}

const checkers = new WeakMap<Spec, SchemaCheck>();
function checkerFor(spec: Spec): SchemaCheck {
  let check = checkers.get(spec);
  if (!check) checkers.set(spec, (check = specSchemaCheck(spec.components)));
  return check;
}

function sample(spec: Spec, raw: Schema | boolean, check: SchemaCheck, depth: number): unknown {
  if (typeof raw === 'boolean') return 'example';
  const schema = resolveRef(spec, raw) ?? {};
  if (schema.const !== undefined) return schema.const;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum.find((v: unknown) => v !== null) ?? schema.enum[0];
  const branches: Schema[] | undefined = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(branches) && branches.length) {
    const { oneOf: _o, anyOf: _a, ...rest } = schema;
    for (const branch of branches) {
      // the branch's value, shaped also by what the schema says beside its oneOf/anyOf
      const value = sample(spec, { ...rest, ...(resolveRef(spec, branch) ?? {}) }, check, depth);
      if (check(schema, value).length === 0) return value;
    }
    throw new Error(`no branch of ${JSON.stringify(schema).slice(0, 200)} gives a value it accepts`);
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length) {
    const { allOf, ...rest } = schema;
    const merged = [rest, ...allOf.map((s: Schema) => resolveRef(spec, s) ?? {})].reduce((into: Schema, s: Schema) => mergeSchemas(into, s), {});
    return sample(spec, merged, check, depth);
  }
  switch (typeOf(schema)) {
    case 'null':
      return null;
    case 'boolean':
      return true;
    case 'integer':
      return numberIn(schema, true);
    case 'number':
      return numberIn(schema, false);
    case 'array':
      return arrayFor(spec, schema, check, depth);
    case 'object':
      return objectFor(spec, schema, check, depth);
    default:
      return stringFor(schema);
  }
}

/** The schema's type: the first non-null of a type array (null only if it is all there is), else what its keywords imply. */
function typeOf(schema: Schema): string {
  if (Array.isArray(schema.type)) return schema.type.find((t: string) => t !== 'null') ?? 'null';
  if (typeof schema.type === 'string') return schema.type;
  if (schema.properties || schema.additionalProperties || schema.required) return 'object';
  if (schema.items || schema.prefixItems) return 'array';
  if (schema.minimum !== undefined || schema.maximum !== undefined || schema.multipleOf !== undefined) return 'number';
  return 'string';
}

function mergeSchemas(a: Schema, b: Schema): Schema {
  const merged: Schema = { ...a, ...b };
  if (a.properties || b.properties) merged.properties = { ...a.properties, ...b.properties };
  if (a.required || b.required) merged.required = [...new Set([...(a.required ?? []), ...(b.required ?? [])])];
  return merged;
}

function numberIn(schema: Schema, integer: boolean): number {
  const step = schema.multipleOf ?? (integer ? 1 : undefined);
  const low = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (step ?? 0.5) : undefined);
  const high = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (step ?? 0.5) : undefined);
  let value = low ?? (high !== undefined ? Math.min(high, integer ? 1 : 1.5) : integer ? 1 : 1.5);
  if (step !== undefined) value = Math.ceil(value / step - 1e-9) * step;
  if (integer) value = Math.ceil(value);
  return value;
}

function stringFor(schema: Schema): string {
  let value = FORMATS[schema.format] ?? 'example';
  const min = schema.minLength ?? 0;
  if (value.length < min) value = value.padEnd(min, 'x');
  if (schema.maxLength !== undefined && value.length > schema.maxLength) value = value.slice(0, schema.maxLength);
  return value;
}

function arrayFor(spec: Spec, schema: Schema, check: SchemaCheck, depth: number): unknown[] {
  const prefix: unknown[] = (schema.prefixItems ?? []).map((s: Schema) => sample(spec, s, check, depth + 1));
  const items: Schema | boolean | undefined = schema.items;
  const described = typeof items === 'object' && Object.keys(items).length > 0;
  // one item shows a described item shape; more only when minItems asks (unique ones then need distinct values)
  let count = Math.max(schema.minItems ?? 0, described ? prefix.length + 1 : 0) - prefix.length;
  if (schema.maxItems !== undefined) count = Math.min(count, schema.maxItems - prefix.length);
  if (items === false) count = 0;
  const itemSchema = typeof items === 'object' ? items : {};
  const rest: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const value = sample(spec, itemSchema, check, depth + 1);
    rest.push(schema.uniqueItems && i > 0 ? distinctItem(value, i, [...prefix, ...rest], (v) => check(itemSchema, v).length === 0) : value);
  }
  return [...prefix, ...rest];
}

/**
 * The i-th item of a uniqueItems array: the sample changed at one leaf (a number stepped, a string
 * suffixed) into a value the item schema still accepts and no earlier item equals.
 */
function distinctItem(value: unknown, i: number, earlier: unknown[], valid: (v: unknown) => boolean): unknown {
  const seen = new Set(earlier.map((v) => JSON.stringify(v)));
  for (const candidate of variants(value, i)) if (!seen.has(JSON.stringify(candidate)) && valid(candidate)) return candidate;
  throw new Error(`no ${i + 1} distinct items found for a uniqueItems array of ${JSON.stringify(value).slice(0, 200)}`);
}

function* variants(value: unknown, i: number): Generator<unknown> {
  if (typeof value === 'number') for (const step of [1, 0.5, 5, 10, 100, 0.1, 0.01]) yield* [value + i * step, value - i * step];
  else if (typeof value === 'string') yield* [`${value}${i}`, `${value.slice(0, -1)}${i}`, String(i)];
  else if (typeof value === 'boolean') yield !value;
  else if (Array.isArray(value)) for (const [index, item] of value.entries()) for (const v of variants(item, i)) yield value.map((x, j) => (j === index ? v : x));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) for (const v of variants(item, i)) yield { ...value, [key]: v };
}

function objectFor(spec: Spec, schema: Schema, check: SchemaCheck, depth: number): Record<string, unknown> {
  const required = new Set<string>(schema.required ?? []);
  const properties: Record<string, Schema> = schema.properties ?? {};
  const out: Record<string, unknown> = {};
  // every property shows the whole shape; past FULL_DEPTH (a recursive schema) only the required ones
  const names = Object.keys(properties).filter((name) => depth < FULL_DEPTH || required.has(name));
  const limit = schema.maxProperties ?? Infinity;
  for (const name of [...names.filter((n) => required.has(n)), ...names.filter((n) => !required.has(n))]) {
    if (Object.keys(out).length >= limit && !required.has(name)) continue;
    out[name] = sample(spec, properties[name]!, check, depth + 1);
  }
  for (const name of required) if (!(name in out)) out[name] = 'example'; // required but not described
  const extra = schema.additionalProperties;
  const wanted = Math.max(schema.minProperties ?? 0, Object.keys(properties).length === 0 && extra && extra !== true ? 1 : 0);
  // a map's keys follow its `propertyNames` (ids keyed by digits take `1`, `2`, ...)
  const keyPattern = (schema.propertyNames as { pattern?: string } | undefined)?.pattern;
  const keyFor = (i: number) => (keyPattern && !new RegExp(keyPattern, 'u').test(`key${i}`) ? String(i) : `key${i}`);
  for (let i = 0; Object.keys(out).length < wanted && extra !== false; i++) {
    out[keyFor(i + 1)] = sample(spec, extra === true || extra === undefined ? {} : extra, check, depth + 1);
  }
  return out;
}
