/**
 * Evidence from traffic: redacted 200 answers (`specs/<provider>/evidence/responses.json`, written by
 * `pnpm specs:learn`) that each operation's response schema must accept. Evidence only widens: a
 * field never seen becomes an optional property, a required field missing from an answer stops
 * being required, a type seen another way widens (`integer` -> `number`, `string` -> `string |
 * number`, `T` -> `T | null`), an enum never narrows, and a bound an answer breaks is dropped. A `$ref`'d schema widens where it is
 * defined, so every operation sharing it agrees. The vendors' examples keep validating, because
 * nothing is ever taken away from a schema.
 */
import { PipelineError } from '../errors.js';
import { inline, operationKey, type OpenApi, type OpenApiOperation, type RepairLog } from '../model.js';
import { pointerSegment } from '../read/confine.js';
import { inferSchema, type JsonSchema } from './infer-schema.js';

export const EVIDENCE_FILE = 'evidence/responses.json';

export interface EvidenceEntry {
  /** `GET /server/{server_id}` */
  operation: string;
  /** sha256 of the recording line it came from (file bytes of that line), so a learned entry can be traced */
  source: string;
  body: unknown;
}

export function parseEvidence(value: unknown, file: string): EvidenceEntry[] {
  const entries = (value as { responses?: unknown } | null)?.responses;
  if (!Array.isArray(entries)) throw new PipelineError(file, '/responses', 'must be an array of { operation, source, body }');
  entries.forEach((entry, index) => {
    const e = entry as Partial<EvidenceEntry> | null;
    if (typeof e?.operation !== 'string' || typeof e.source !== 'string' || !('body' in e)) throw new PipelineError(file, `/responses/${index}`, 'must be { operation, source, body }');
  });
  return entries as EvidenceEntry[];
}

/** JSON type names of a value, as a schema spells them. */
function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function accepts(types: string[], seen: string): boolean {
  return types.includes(seen) || (seen === 'integer' && types.includes('number'));
}

type Widen = (what: string) => void;

/** Widens `schema` in place until it accepts `value`; `note` hears each change. */
export function widen(schema: JsonSchema, value: unknown, spec: OpenApi, at: string, note: Widen, depth = 0): void {
  if (depth > 64) return;
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    const target = spec.components?.schemas?.[ref.slice('#/components/schemas/'.length)] as JsonSchema | undefined;
    if (target && value === null && !acceptsNull(target)) {
      // a null beside a $ref: `anyOf` keeps the shared schema as it is for the others
      delete schema.$ref;
      schema.anyOf = [{ $ref: ref }, { type: 'null' }];
      note(`${at}: null`);
      return;
    }
    if (target) widen(target, value, spec, at, note, depth + 1);
    return;
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const members = schema[key] as JsonSchema[] | undefined;
    if (!Array.isArray(members)) continue;
    const seen = typeOf(value);
    const match = members.find((m) => m.$ref !== undefined || typeList(m).length === 0 || accepts(typeList(m), seen));
    if (match) widen(match, value, spec, at, note, depth + 1);
    else {
      members.push(inferSchema(value) as JsonSchema);
      note(`${at}: ${seen}`);
    }
    return;
  }
  const types = typeList(schema);
  const seen = typeOf(value);
  if (types.length && !accepts(types, seen)) {
    const widened = seen === 'number' && types.includes('integer') ? types.map((t) => (t === 'integer' ? 'number' : t)) : [...types, seen];
    schema.type = widened.length === 1 ? widened[0] : widened;
    if (seen === 'object' && !schema.properties) schema.properties = {};
    if (seen === 'array' && !schema.items) schema.items = {};
    note(`${at}: ${types.join(' | ')} -> ${widened.join(' | ')}`);
  }
  if (Array.isArray(schema.enum) && value !== null && !schema.enum.some((v) => JSON.stringify(v) === JSON.stringify(value))) {
    // a placeholder (`<text>`) says a value was hidden, not what it was: the enum is dropped, never narrowed
    if (typeof value === 'string' && /^<[a-z0-9]+>$/.test(value)) delete schema.enum;
    else schema.enum = [...schema.enum, value];
    note(`${at}: enum widened`);
  }
  for (const key of outOfBounds(schema as Record<string, unknown>, value)) {
    // a bound read from the docs' prose is the vendor's word; a real answer outside it outranks it
    delete (schema as Record<string, unknown>)[key];
    note(`${at}: ${key} dropped`);
  }
  if (seen === 'object' && schema.properties) {
    const object = value as Record<string, unknown>;
    const properties = schema.properties;
    for (const [name, item] of Object.entries(object)) {
      const where = `${at}/${pointerSegment(name)}`;
      if (!Object.hasOwn(properties, name)) {
        if (schema.additionalProperties !== undefined && schema.additionalProperties !== false) continue; // a map: its value schema decides
        properties[name] = inferSchema(item);
        delete properties[name]!.required;
        note(`${where}: new optional field`);
      } else widen(properties[name]!, item, spec, where, note, depth + 1);
    }
    const required = schema.required?.filter((name) => Object.hasOwn(object, name));
    if (schema.required && required!.length !== schema.required.length) {
      note(`${at}: ${schema.required.filter((n) => !required!.includes(n)).join(', ')} no longer required`);
      if (required!.length) schema.required = required;
      else delete schema.required;
    }
  }
  if (seen === 'array' && schema.items && typeof schema.items === 'object') {
    for (const item of value as unknown[]) widen(schema.items, item, spec, `${at}/items`, note, depth + 1);
  }
}

/** The bound keywords (`maximum`, `maxLength`, `minItems`, ...) a value breaks. */
function outOfBounds(schema: Record<string, unknown>, value: unknown): string[] {
  const [keys, size] =
    typeof value === 'number' ? [['minimum', 'maximum'], value] : typeof value === 'string' ? [['minLength', 'maxLength'], [...value].length] : Array.isArray(value) ? [['minItems', 'maxItems'], value.length] : [[], 0];
  const [min, max] = keys.map((k) => schema[k]);
  return keys.filter((k, i) => (i === 0 ? typeof min === 'number' && size < min : typeof max === 'number' && size > max));
}

function typeList(schema: JsonSchema): string[] {
  return schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
}

function acceptsNull(schema: JsonSchema): boolean {
  return typeList(schema).includes('null') || typeList(schema).length === 0;
}

/** Every evidence entry applied to its operation's 200 JSON schema; an entry for an operation the spec lacks is an error. */
export function applyEvidence(spec: OpenApi, evidence: readonly EvidenceEntry[], file: string, log: RepairLog): OpenApi {
  if (!evidence.length) return spec;
  const copy = structuredClone(spec);
  evidence.forEach((entry, index) => {
    const [method, path] = [entry.operation.slice(0, entry.operation.indexOf(' ')).toLowerCase(), entry.operation.slice(entry.operation.indexOf(' ') + 1)];
    const operation = (copy.paths?.[path] as Record<string, OpenApiOperation> | undefined)?.[method];
    const media = inline(operation?.responses?.['200'])?.content?.['application/json'];
    if (!media?.schema) throw new PipelineError(file, `/responses/${index}`, `${entry.operation} has no 200 JSON answer in the spec to learn into`);
    widen(media.schema as JsonSchema, entry.body, copy, `${operationKey(method, path)} #`, (what) => log.add('evidence-widened', what, `evidence ${entry.source.slice(0, 12)}`));
  });
  return copy;
}
