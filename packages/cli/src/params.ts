import { readFileSync } from 'node:fs';
import { UsageError } from './exit-codes.js';

/** The parts of a JSON Schema the CLI checks a value against before sending it. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  description?: string;
  format?: string;
}

export interface Param {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  description?: string;
  schema: Schema;
}

/** One operation of a spec, its references resolved: what commands are built from and checked against. */
export interface Operation {
  method: string;
  path: string;
  operationId?: string;
  summary?: string;
  description?: string;
  tags: string[];
  /** path parameters in the order the path names them, then the others */
  parameters: Param[];
  body?: { required: boolean; schema: Schema };
  /** how messages name it: `rebootServer (POST /server/{server_id}/reboot)` */
  label: string;
}

/** A spec as far as operations are read from it (components are reached through `$ref`s). */
export type Doc = { paths: Record<string, Record<string, unknown>> };
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

/** Follows local `$ref`s (`#/components/...`); a cycle or a dangling pointer is an error naming it. */
export function deref<T extends object>(doc: object, node: T): T {
  let current: unknown = node;
  for (let hops = 0; current && typeof current === 'object' && typeof (current as Schema).$ref === 'string'; hops++) {
    const ref = (current as Schema).$ref!;
    if (hops > 32 || !ref.startsWith('#/')) throw new Error(`cannot follow $ref ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), doc);
    if (current === undefined) throw new Error(`$ref ${ref} points at nothing`);
  }
  return current as T;
}

/** Every operation of the spec, in the spec's order. */
export function operations(doc: Doc): Operation[] {
  const out: Operation[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    const item = deref(doc, rawItem) as Record<string, unknown>;
    for (const method of METHODS) if (item[method]) out.push(toOperation(doc, path, method, item));
  }
  return out;
}

export function findOperation(doc: Doc, method: string, path: string): Operation | undefined {
  const item = doc.paths[path] && (deref(doc, doc.paths[path]) as Record<string, unknown>);
  const m = method.toLowerCase();
  return item?.[m] ? toOperation(doc, path, m, item) : undefined;
}

function toOperation(doc: Doc, path: string, method: string, item: Record<string, unknown>): Operation {
  const raw = item[method] as Record<string, unknown>;
  // operation-level parameters override path-level ones of the same name and place
  const byKey = new Map<string, Param>();
  for (const list of [item.parameters, raw.parameters] as Array<object[] | undefined>) {
    for (const p of list ?? []) {
      const param = deref(doc, p) as Partial<Param>;
      if (!param.name || !param.in) continue;
      byKey.set(`${param.in}:${param.name}`, { name: param.name, in: param.in, required: param.in === 'path' || param.required === true, schema: param.schema ?? {}, ...(param.description ? { description: param.description } : {}) });
    }
  }
  const order = pathParamNames(path);
  const parameters = [...byKey.values()].sort((a, b) => rank(a, order) - rank(b, order));
  const requestBody = raw.requestBody ? (deref(doc, raw.requestBody as object) as { required?: boolean; content?: Record<string, { schema?: Schema }> }) : undefined;
  const media = requestBody?.content && (requestBody.content['application/json'] ?? Object.values(requestBody.content)[0]);
  const operationId = typeof raw.operationId === 'string' ? raw.operationId : undefined;
  return {
    method,
    path,
    ...(operationId ? { operationId } : {}),
    ...(typeof raw.summary === 'string' ? { summary: raw.summary } : {}),
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    tags: Array.isArray(raw.tags) ? (raw.tags as string[]) : [],
    parameters,
    ...(media ? { body: { required: requestBody?.required === true, schema: media.schema ?? {} } } : {}),
    label: `${operationId ? `${operationId} (` : ''}${method.toUpperCase()} ${path}${operationId ? ')' : ''}`,
  };
}

export function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

function rank(p: Param, order: string[]): number {
  return p.in === 'path' ? order.indexOf(p.name) : order.length + ['query', 'header', 'cookie'].indexOf(p.in);
}

/** The schema's alternatives (anyOf/oneOf), or the schema itself. */
function alternatives(doc: object, schema: Schema): Schema[] {
  const s = deref(doc, schema);
  const alts = s.anyOf ?? s.oneOf;
  return alts ? alts.flatMap((alt) => alternatives(doc, alt)) : [s];
}

/** The types a value may be read as; an alternative without a type is a string, or anything its enum holds. */
function typesOf(doc: object, schema: Schema): string[] {
  const types = alternatives(doc, schema).flatMap((s) => (s.type === undefined ? (s.enum ? ['integer', 'number', 'boolean', 'null', 'string'] : ['string']) : Array.isArray(s.type) ? s.type : [s.type]));
  return [...new Set(types)];
}

/** "integer", "string or integer", "integer or one of: small, large": what help and errors say a value must be. */
export function describeType(doc: object, schema: Schema): string {
  const parts = alternatives(doc, schema).map((s) => {
    if (s.enum) return `one of: ${s.enum.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ')}`;
    return s.type === undefined ? 'any' : Array.isArray(s.type) ? s.type.join(' or ') : s.type;
  });
  return [...new Set(parts)].join(' or ');
}

const PARSE: Record<string, (raw: string) => unknown> = {
  integer: (raw) => (/^-?\d+$/.test(raw.trim()) ? Number(raw) : undefined),
  number: (raw) => (raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : undefined),
  boolean: (raw) => (raw === 'true' ? true : raw === 'false' ? false : undefined),
  null: (raw) => (raw === 'null' ? null : undefined),
  object: (raw) => json(raw, (v) => v !== null && typeof v === 'object' && !Array.isArray(v)),
  array: (raw) => json(raw, Array.isArray),
  string: (raw) => raw,
};

function json(raw: string, is: (v: unknown) => boolean): unknown {
  try {
    const value = JSON.parse(raw) as unknown;
    return is(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A command-line string turned into the value its schema wants (number, boolean, JSON for objects and
 * arrays), then checked; `where` names the operation and the parameter in the error.
 */
export function coerce(doc: object, schema: Schema, raw: unknown, where: string): unknown {
  if (typeof raw !== 'string') {
    // a bare boolean flag (`--whitelabel`) arrives as true
    check(doc, schema, raw, where);
    return raw;
  }
  const types = typesOf(doc, schema);
  // the narrowest reading first, so "113" is a number where a number is allowed and a string otherwise
  const order = ['integer', 'number', 'boolean', 'null', 'object', 'array', 'string'].filter((t) => types.includes(t));
  for (const type of order) {
    const value = PARSE[type]!(raw);
    if (value === undefined) continue;
    if (problem(doc, schema, value, where) === undefined) return value;
  }
  throw new UsageError(`${where}: expected ${describeType(doc, schema)}, got ${JSON.stringify(raw)}`);
}

/** Throws a UsageError naming `where` (and the JSON pointer inside it) when the value breaks the schema. */
export function check(doc: object, schema: Schema, value: unknown, where: string): void {
  const found = problem(doc, schema, value, where);
  if (found) throw new UsageError(found);
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'null':
      return value === null;
    default:
      return typeof value === type;
  }
}

function problem(doc: object, rawSchema: Schema, value: unknown, where: string): string | undefined {
  const schema = deref(doc, rawSchema);
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts) {
    const problems = alts.map((alt) => problem(doc, alt, value, where));
    if (problems.every(Boolean)) return `${where}: expected ${describeType(doc, schema)}, got ${JSON.stringify(value)}`;
  }
  for (const part of schema.allOf ?? []) {
    const found = problem(doc, part, value, where);
    if (found) return found;
  }
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.length && !types.some((t) => typeMatches(t, value))) return `${where}: expected ${types.join(' or ')}, got ${JSON.stringify(value)}`;
  if (schema.enum && !schema.enum.some((allowed) => JSON.stringify(allowed) === JSON.stringify(value))) return `${where}: expected ${describeType(doc, schema)}, got ${JSON.stringify(value)}`;
  if (Array.isArray(value) && schema.items) {
    for (const [i, item] of value.entries()) {
      const found = problem(doc, schema.items, item, `${where}[${i}]`);
      if (found) return found;
    }
  }
  if (typeMatches('object', value) && (schema.properties || schema.required)) {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) if (!(name in object)) return `${where}: missing required field ${name}`;
    for (const [name, item] of Object.entries(object)) {
      const sub = schema.properties?.[name] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (!sub && schema.additionalProperties === false) return `${where}: unknown field ${name}`;
      const found = sub && problem(doc, sub, item, `${where}.${name}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** The body's top-level fields a user may name (`name=value`, `--name value`). */
export function bodyFields(doc: object, op: Operation): Record<string, Schema> {
  if (!op.body) return {};
  const schema = deref(doc, op.body.schema);
  const fields: Record<string, Schema> = {};
  for (const part of [schema, ...(schema.allOf ?? []).map((s) => deref(doc, s))]) Object.assign(fields, part.properties ?? {});
  return fields;
}

export function requiredFields(doc: object, op: Operation): string[] {
  if (!op.body) return [];
  const schema = deref(doc, op.body.schema);
  return [schema, ...(schema.allOf ?? []).map((s) => deref(doc, s))].flatMap((part) => part.required ?? []);
}

function bodyIsOpen(doc: object, op: Operation): boolean {
  if (!op.body) return false;
  const schema = deref(doc, op.body.schema);
  // a body without declared fields takes any; one that declares them takes only those unless it says otherwise
  return Object.keys(bodyFields(doc, op)).length === 0 || schema.additionalProperties === true || typeof schema.additionalProperties === 'object';
}

/**
 * The JSON body from `--body`: inline JSON (`'{...}'`), a file (`@file.json`) or standard input (`-`).
 * A missing, unreadable or invalid file is a usage error naming it.
 */
export function readBody(arg: string, stdin: () => string = () => readFileSync(0, 'utf8')): unknown {
  const source = arg === '-' ? 'standard input' : arg.startsWith('@') ? arg.slice(1) : undefined;
  let text = arg;
  if (source) {
    try {
      text = arg === '-' ? stdin() : readFileSync(source, 'utf8');
    } catch (error) {
      throw new UsageError(`--body: cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`--body: ${source ?? 'the argument'} is not JSON: ${(error as Error).message}`);
  }
}

/** What a command collected: path values in order, named values (options and name=value pairs), a body. */
export interface Input {
  positional?: string[];
  named?: Record<string, unknown>;
  body?: unknown;
}

export interface BuiltRequest {
  params: { path: Record<string, unknown>; query: Record<string, unknown>; header: Record<string, unknown> };
  body?: unknown;
}

/**
 * The request an operation gets from what was typed, checked against the spec first: an unknown
 * name, a missing required parameter or field, a value of the wrong type is a UsageError naming the
 * operation and the parameter, before anything is sent.
 */
export function buildRequest(doc: object, op: Operation, input: Input): BuiltRequest {
  const at = (name: string) => `${op.label}: ${name}`;
  const params: BuiltRequest['params'] = { path: {}, query: {}, header: {} };
  const named = { ...input.named };
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  const positional = input.positional ?? [];
  if (positional.length > pathParams.length) throw new UsageError(`${op.label}: takes ${pathParams.length} path value(s) (${pathParams.map((p) => p.name).join(', ') || 'none'}), got ${positional.length}`);
  positional.forEach((value, i) => {
    const name = pathParams[i]!.name;
    if (named[name] !== undefined) throw new UsageError(`${at(name)}: given twice`);
    named[name] = value;
  });
  const fields = bodyFields(doc, op);
  const body: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(named)) {
    if (raw === undefined) continue;
    const param = op.parameters.find((p) => p.name === name && p.in !== 'cookie');
    if (param) {
      params[param.in as keyof BuiltRequest['params']][name] = coerce(doc, param.schema, raw, at(name));
      continue;
    }
    if (!op.body || (!fields[name] && !bodyIsOpen(doc, op))) {
      const known = [...op.parameters.map((p) => p.name), ...Object.keys(fields)];
      throw new UsageError(`${op.label}: unknown parameter ${name}${known.length ? ` (known: ${known.join(', ')})` : ' (it takes none)'}`);
    }
    body[name] = fields[name] ? coerce(doc, fields[name], raw, at(name)) : raw;
  }
  for (const p of op.parameters) {
    if (p.required && params[p.in as keyof BuiltRequest['params']]?.[p.name] === undefined) throw new UsageError(`${op.label}: missing required ${p.in} parameter ${p.name}`);
  }
  if (input.body !== undefined && !op.body) throw new UsageError(`${op.label}: takes no body`);
  if (!op.body) return { params };
  const whole = input.body !== undefined && !typeMatches('object', input.body);
  if (whole && Object.keys(body).length) throw new UsageError(`${op.label}: the --body is not an object, so ${Object.keys(body).join(', ')} cannot be added to it`);
  const sent = whole ? input.body : input.body === undefined && !Object.keys(body).length ? undefined : { ...(input.body as object | undefined), ...body };
  if (sent === undefined) {
    if (op.body.required) check(doc, op.body.schema, {}, `${op.label}: body`);
    return { params };
  }
  if (input.body !== undefined && typeMatches('object', sent) && !bodyIsOpen(doc, op)) {
    for (const name of Object.keys(sent as object)) if (!fields[name]) throw new UsageError(`${op.label}: unknown body field ${name} (known: ${Object.keys(fields).join(', ')})`);
  }
  check(doc, op.body.schema, sent, `${op.label}: body`);
  return { params, body: sent };
}
