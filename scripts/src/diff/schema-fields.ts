/**
 * A schema as the fields a client sees: every place in it (the root, each property, array items,
 * additional properties) with the types, enum and presence it allows, keyed by its JSON pointer below
 * the schema. Local `$ref`s are followed (a cycle stops at the second visit); `allOf`/`anyOf`/`oneOf`
 * members describe the same place, so their facts are merged there.
 */
export interface FieldFacts {
  /** the JSON types allowed; undefined: any */
  types: string[] | undefined;
  /** the values allowed; undefined: any */
  enum: unknown[] | undefined;
  /** always present (a required property, a required parameter or body) */
  required: boolean;
}

type Schema = Record<string, unknown>;
const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;

export const pointerSegment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The object a local `$ref` chain ends at (the node itself when it is no reference). */
export function resolveRef(spec: unknown, node: unknown, seen = new Set<string>()): unknown {
  const ref = (node as Schema | undefined)?.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/') || seen.has(ref)) return node;
  seen.add(ref);
  const target = ref
    .slice(2)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((at, key) => (at as Schema | undefined)?.[key], spec);
  return resolveRef(spec, target, seen);
}

export function schemaFields(spec: unknown, schema: unknown, required: boolean): Map<string, FieldFacts> {
  const fields = new Map<string, FieldFacts>();
  walk(spec, schema, '', required, fields, new Set());
  return fields;
}

function walk(spec: unknown, node: unknown, at: string, required: boolean, fields: Map<string, FieldFacts>, visiting: Set<unknown>): void {
  const schema = resolveRef(spec, node);
  if (typeof schema !== 'object' || schema === null || visiting.has(schema)) return;
  const s = schema as Schema;
  const next = new Set(visiting).add(schema);
  merge(fields, at, { types: typesOf(s), enum: Array.isArray(s.enum) ? s.enum : undefined, required });
  const own = Array.isArray(s.required) ? (s.required as string[]) : [];
  for (const [name, property] of Object.entries((s.properties as Schema | undefined) ?? {})) {
    walk(spec, property, `${at}/properties/${pointerSegment(name)}`, own.includes(name), fields, next);
  }
  if (s.items !== undefined) walk(spec, s.items, `${at}/items`, true, fields, next);
  if (typeof s.additionalProperties === 'object') walk(spec, s.additionalProperties, `${at}/additionalProperties`, false, fields, next);
  for (const key of COMBINATORS) {
    if (Array.isArray(s[key])) for (const member of s[key] as unknown[]) walk(spec, member, at, required, fields, next);
  }
}

function typesOf(s: Schema): string[] | undefined {
  if (typeof s.type === 'string') return [s.type];
  if (Array.isArray(s.type)) return s.type as string[];
  return undefined;
}

/** A second description of one place (a combinator member) adds its types and values to the first. */
function merge(fields: Map<string, FieldFacts>, at: string, facts: FieldFacts): void {
  const known = fields.get(at);
  if (!known) {
    fields.set(at, facts);
    return;
  }
  const union = <T>(a: T[] | undefined, b: T[] | undefined) => (a && b ? [...new Set([...a, ...b])] : (a ?? b));
  fields.set(at, { types: union(known.types, facts.types), enum: union(known.enum, facts.enum), required: known.required || facts.required });
}
