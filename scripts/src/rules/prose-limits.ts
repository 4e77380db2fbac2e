import { forEachOperation, isReference, operationKey, type OpenApi, type OpenApiReference, type OpenApiSchema, type PipelineContext } from '../model.js';
import { specSchemaCheck } from '../steps/schema-validator.js';
import { forEachSchema, type SchemaNode } from '../steps/schema-walk.js';
import { operationFieldValues } from './operation-prose.js';
import { templateShape } from './path-shape.js';
import type { Rule } from './types.js';

/** What a field's prose says about its values; bounds carry the noun they count, when one follows. */
export interface ProseLimits {
  values?: string[];
  min?: { value: number; noun?: string };
  max?: { value: number; noun?: string };
}

/** A value as docs write it in a list: quoted anything, or one token (`1h`, `config`, `ns-1.example`). */
const QUOTED = /^(['"`‘“])(.+)\1$|^[‘“](.+)[’”]$/;
const TOKEN = /^[\w][\w.:+/-]*$/;
/** "Possible values", "Available options:", "Allowed:", "valid values", "one of" ... then the values. */
const LABEL = /\b(?:(?:possible|available|allowed|accepted|valid|supported|permitted)[ \t]+(?:values|options)\b(?:[ \t]+(?:are|is))?[ \t]*:?|(?:allowed|accepted|values|options)[ \t]*:|one of\b[ \t]*:?)/gi;
const BULLET = /^\s*(?:[•*·‣◦-]|\d+[.)])\s+/;
/** `register|transfer` as a whole line, or in parentheses */
const PIPE_LIST = /^[\w.-]+(?:\s*\|\s*[\w.-]+)+$/;
const NUMBER = String.raw`(-?\d+(?:\.\d+)?)`;
const NOUN = String.raw`(?:\s*([a-z%]+))?`;
const LENGTH_NOUNS = new Set(['characters', 'character', 'chars', 'char', 'letters', 'symbols', 'digits']);

const unquote = (text: string): string | undefined => {
  const t = text.trim().replace(/[.;]$/, '');
  const quoted = QUOTED.exec(t);
  if (quoted) return quoted[2] ?? quoted[3];
  return TOKEN.test(t) ? t : undefined;
};

/** `a, b or c`, `'1h', '3h'`, `a|b`: undefined unless every part is a value and there are two or more. */
function inlineList(text: string): string[] | undefined {
  const parts = text.split(/\s*(?:,|\||\bor\b|\band\b)\s*/).filter((p) => p.trim() !== '');
  const values = parts.map(unquote);
  return values.length >= 2 && values.every((v): v is string => v !== undefined) ? values : undefined;
}

/** The bullets right after a label: each bullet's first token is a value, the rest its explanation. */
function bulletList(lines: string[]): string[] | undefined {
  const values: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    if (!BULLET.test(line)) break;
    const head = /^(['"`][^'"`]+['"`]|[\w][\w.:+/]*)/.exec(line.replace(BULLET, ''));
    const value = head && unquote(head[1]!.replace(/:$/, ''));
    if (!value) return undefined;
    values.push(value);
  }
  return values.length >= 2 ? values : undefined;
}

function listedValues(text: string): string[] | undefined {
  for (const label of text.matchAll(LABEL)) {
    const after = text.slice(label.index + label[0].length);
    const [first = '', ...rest] = after.split('\n');
    // the inline list ends where its sentence or parenthesis does
    const inline = first.split(/\)|\.\s|\.$|;/)[0]!;
    const found = inline.trim() === '' ? bulletList(rest) : inlineList(inline);
    if (found) return found;
  }
  for (const line of text.split('\n')) {
    const candidates = [line.trim(), ...[...line.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]!.trim())];
    const pipes = candidates.find((c) => PIPE_LIST.test(c));
    if (pipes) return pipes.split(/\s*\|\s*/);
  }
  return undefined;
}

const bound = (match: RegExpExecArray | null, at = 1) => (match ? { value: Number(match[at]), ...(match[at + 1] ? { noun: match[at + 1]!.toLowerCase() } : {}) } : undefined);

/**
 * Reads the values and bounds a docs text states in words: value lists after a label ("Possible
 * values", bullet lists included), `a|b`, "one of", ranges ("between 10 and 20", "2 - 4 nameservers",
 * "from 1 to 5") and single bounds ("min 200px", "Maximum 20 characters", "up to 64", "at least 1").
 */
export function readProseLimits(text: string): ProseLimits {
  const limits: ProseLimits = {};
  const values = listedValues(text);
  if (values) limits.values = [...new Set(values)];
  const range =
    new RegExp(String.raw`\bbetween\s+${NUMBER}\s+and\s+${NUMBER}${NOUN}`, 'i').exec(text) ??
    new RegExp(String.raw`\bfrom\s+${NUMBER}\s+to\s+${NUMBER}${NOUN}`, 'i').exec(text) ??
    // a bare `2 - 4` is a range only when a counted noun follows (`2 - 4 nameservers`, `1-64 characters`)
    // and "around 5-10 minutes" is an estimate, not a bound
    new RegExp(String.raw`(?<!\b(?:around|about|approximately|roughly)\s*)(?:^|(?<=[\s(]))(\d+)\s*(?:-|–|—|to)\s*(\d+)\s+([a-z]+)`, 'i').exec(text);
  if (range) {
    const noun = range[3]?.toLowerCase();
    limits.min = { value: Number(range[1]), ...(noun ? { noun } : {}) };
    limits.max = { value: Number(range[2]), ...(noun ? { noun } : {}) };
    return limits;
  }
  const min = bound(new RegExp(String.raw`\b(?:min(?:imum)?\.?|at least|no less than|not less than)\s*:?\s*${NUMBER}${NOUN}`, 'i').exec(text));
  const max = bound(new RegExp(String.raw`\b(?:max(?:imum)?\.?|at most|up to|no more than|not more than)\s*:?\s*${NUMBER}${NOUN}`, 'i').exec(text));
  if (min) limits.min = min;
  if (max) limits.max = max;
  return limits;
}

const typesOf = (schema: OpenApiSchema): string[] => (schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type]);
const NUMERIC = /^-?\d+(?:\.\d+)?$/;

/** The prose's values in the schema's own types (`'1'` is `1` for an integer); undefined when one fits no type. */
function typedValues(values: string[], types: string[]): unknown[] | undefined {
  const any = types.length === 0;
  const out: unknown[] = [];
  for (const value of values) {
    const fits: unknown[] = [];
    if (any || types.includes('string')) fits.push(value);
    if ((types.includes('integer') && /^-?\d+$/.test(value)) || (types.includes('number') && NUMERIC.test(value))) fits.push(Number(value));
    if (types.includes('boolean') && /^(?:true|false)$/i.test(value)) fits.push(value.toLowerCase() === 'true');
    if (fits.length === 0) return undefined;
    out.push(...fits);
  }
  return [...new Set(out)];
}

export interface Limit {
  target: OpenApiSchema;
  key: string;
  value: unknown;
}

/**
 * The keywords the prose adds to one schema, in the schema's terms: an enum of its type (on the
 * items of an array), `minimum`/`maximum` for numbers, `minLength`/`maxLength` where the bound counts
 * characters, `minItems`/`maxItems` for an array. Nothing the schema already says is replaced, and an
 * enum that lists every value of the type (`true, false` of a boolean) says nothing.
 */
export function limitKeywords(schema: OpenApiSchema, limits: ProseLimits): Limit[] {
  if ('$ref' in schema || schema.anyOf || schema.oneOf || schema.allOf || schema.enum || 'const' in schema) return [];
  const types = typesOf(schema);
  const found: Limit[] = [];
  if (limits.values) {
    const declared = (schema as { items?: OpenApiSchema | OpenApiReference }).items;
    const items = types.length === 1 && types[0] === 'array' && declared && !isReference(declared) ? declared : undefined;
    const holder = items ?? (types.includes('array') || types.includes('object') ? undefined : schema);
    const values = holder && !holder.enum && !('$ref' in holder) ? typedValues(limits.values, typesOf(holder)) : undefined;
    const everyBoolean = values && typesOf(holder!).join() === 'boolean' && values.length === 2;
    if (values && !everyBoolean) found.push({ target: holder!, key: 'enum', value: values });
  }
  const numeric = types.includes('integer') || types.includes('number');
  for (const [side, limit] of [['min', limits.min], ['max', limits.max]] as const) {
    if (!limit) continue;
    const counts = limit.noun !== undefined && LENGTH_NOUNS.has(limit.noun);
    const key = counts && (types.includes('string') || types.length === 0) ? `${side}Length` : types.includes('array') && !counts ? `${side}Items` : numeric && !counts ? `${side}imum` : undefined;
    const whole = Number.isInteger(limit.value) && limit.value >= 0;
    if (key && (key.endsWith('imum') || whole) && (schema as Record<string, unknown>)[key] === undefined) found.push({ target: schema, key, value: limit.value });
  }
  return found;
}

/** A docs request sample's `"<field>Value"`: the field is sent, with any value. */
const isPlaceholder = (data: unknown, instancePath: string): boolean => {
  const keys = instancePath.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  const value = keys.reduce<unknown>((node, key) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined), data);
  return typeof value === 'string' && keys.length > 0 && value === `${keys[keys.length - 1]}Value`;
};

interface Evidence {
  /** the schema to check, found again from the spec each time (a rule edits in place) */
  schema: () => unknown;
  value: unknown;
}

/** Every value the vendors wrote for an operation: attached examples, and the docs' request samples of any provider. */
function operationEvidence(spec: OpenApi, path: string, method: string, context: PipelineContext): Evidence[] {
  const found: Evidence[] = [];
  const operation = () => (spec.paths?.[path] as Record<string, any> | undefined)?.[method];
  const media = (node: any, at: (op: any) => any) => {
    for (const [type, m] of Object.entries<any>(node?.content ?? {})) {
      const schema = () => at(operation())?.content?.[type]?.schema;
      if ('example' in m) found.push({ schema, value: m.example });
      for (const e of Object.values<any>(m.examples ?? {})) if (e && 'value' in e) found.push({ schema, value: e.value });
    }
  };
  const op = operation();
  for (const status of Object.keys(op?.responses ?? {})) media(op.responses[status], (o) => o?.responses?.[status]);
  media(op?.requestBody, (o) => o?.requestBody);
  const key = operationKey(method, templateShape(path));
  const samples = [context.docs.get(operationKey(method, path)), ...(context.catalogue.get(key) ?? [])].flatMap((d) => (d?.bodySample ? [d.bodySample] : []));
  for (const value of samples) found.push({ schema: () => operation()?.requestBody?.content?.['application/json']?.schema, value });
  (op?.parameters ?? []).forEach((p: any, i: number) => {
    if (p && 'example' in p) found.push({ schema: () => operation()?.parameters?.[i]?.schema, value: p.example });
  });
  return found;
}

function failing(spec: OpenApi, evidence: Evidence[]): number {
  const check = specSchemaCheck(spec.components);
  return evidence.filter(({ schema, value }) => {
    const s = schema();
    return s !== undefined && check(s, value).some((e) => !isPlaceholder(value, e.instancePath));
  }).length;
}

interface Candidate {
  where: string;
  text: string;
  /** what another text says of this schema (the operation's description), instead of reading `text` */
  limits?: ProseLimits;
  schema: OpenApiSchema;
  /** the operation whose evidence judges it; undefined for a shared component, judged by all */
  operation?: { path: string; method: string };
}

const OPERATION_POINTER = /^#\/paths\/([^/]+)\/([a-z]+)\//;
const decodeSegment = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * Docs state a field's values and bounds in words ("Possible options • short • config • full",
 * `register|transfer`, "min 200px, max 768px", "Maximum 20 characters", "2 - 4 nameservers"), where
 * a client's types never see them. They become `enum`, `minimum`/`maximum`, `minLength`/`maxLength`
 * and `minItems`/`maxItems` on parameters, body fields and answer fields, the text kept. Values are
 * taken verbatim, units included: `timeout`'s "valid values: '1h', ... '24h'" is the string `"1h"`,
 * as the API takes it, while a bound's unit (`768px`) is the number's. The vendor's word in prose
 * never outranks the vendor's examples: a limit that would reject an example or a request sample of
 * any provider is not added. An operation's own description can give a body record's `type` values
 * ("use product for item type", operation-prose.ts); they are checked the same way.
 */
export const proseLimits: Rule = {
  name: 'prose-limits',
  apply(spec, context) {
    const candidates: Candidate[] = [];
    forEachOperation(spec, (operation, method, path) => {
      for (const parameter of operation.parameters ?? []) {
        if (isReference(parameter) || !parameter.schema || isReference(parameter.schema)) continue;
        const text = parameter.description ?? parameter.schema.description;
        if (text) candidates.push({ where: `${operationKey(method, path)} ${parameter.in} ${parameter.name}`, text, schema: parameter.schema, operation: { path, method } });
      }
    });
    forEachSchema(spec, (schema: SchemaNode, pointer) => {
      if (typeof schema.description !== 'string' || /\/parameters\/\d+\/schema$/.test(pointer)) return;
      const at = OPERATION_POINTER.exec(pointer);
      const operation = at ? { path: decodeSegment(at[1]!), method: at[2]! } : undefined;
      candidates.push({ where: pointer, text: schema.description, schema: schema as OpenApiSchema, ...(operation ? { operation } : {}) });
    });
    for (const { where, schema, values, path, method } of operationFieldValues(spec, context)) candidates.push({ where, text: '', schema, operation: { path, method }, limits: { values } });
    const everything = () => {
      const all: Evidence[] = [];
      forEachOperation(spec, (_o, method, path) => all.push(...operationEvidence(spec, path, method, context)));
      return all;
    };
    for (const candidate of candidates) {
      const limits = limitKeywords(candidate.schema, candidate.limits ?? readProseLimits(candidate.text));
      if (limits.length === 0) continue;
      const evidence = candidate.operation ? operationEvidence(spec, candidate.operation.path, candidate.operation.method, context) : everything();
      const kept: Record<string, unknown> = {};
      for (const { target, key, value } of limits) {
        const before = failing(spec, evidence);
        (target as Record<string, unknown>)[key] = value;
        if (failing(spec, evidence) > before) delete (target as Record<string, unknown>)[key];
        else kept[target === candidate.schema ? key : `items.${key}`] = value;
      }
      if (Object.keys(kept).length) context.log.add('limits-from-prose', candidate.where, JSON.stringify(kept));
    }
    return spec;
  },
};
