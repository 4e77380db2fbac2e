import { PipelineError } from '../errors.js';
import type { ProviderConfig } from '../model.js';

/** Company-form words at the end of a title that a factory name leaves out ("PIO Hosting GmbH" -> PioHosting). */
const LEGAL_FORMS = new Set(['ab', 'ag', 'as', 'bv', 'co', 'corp', 'gmbh', 'inc', 'kg', 'limited', 'llc', 'ltd', 'oy', 'plc', 'sa', 'sas', 'sia', 'srl', 'sro', 'uab']);

/** Words no generated name may be, in any case: they are JavaScript's own. */
const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await arguments eval'.split(' '),
);

export function packageName(provider: string): string {
  return `@hostbill-api/${provider}`;
}

/**
 * The PascalCase word in `create<Identifier>Client`: provider.json's `identifier`, or the title's words
 * (an all-capitals word as an acronym: "HT Moni" -> HtMoni; mixed case kept: "HostBill").
 */
export function clientIdentifier(config: Pick<ProviderConfig, 'name' | 'title' | 'identifier'>): string {
  if (config.identifier !== undefined) return config.identifier;
  const words = config.title.split(/[^A-Za-z0-9]+/).filter(Boolean);
  while (words.length > 1 && LEGAL_FORMS.has(words.at(-1)!.toLowerCase())) words.pop();
  const identifier = words.map((w) => (w === w.toUpperCase() ? w[0]! + w.slice(1).toLowerCase() : w[0]!.toUpperCase() + w.slice(1))).join('');
  if (!/^[A-Z][A-Za-z0-9]*$/.test(identifier)) {
    throw new PipelineError(`${config.name}/provider.json`, '/title', `gives no factory name ("${identifier}"); add "identifier", e.g. "MyHost"`);
  }
  return identifier;
}

/** An operationId as a function name: camelCase, never a reserved word, never starting with a digit. */
export function functionName(operationId: string): string {
  const words = operationId.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1))).join('');
  if (name === '') return '';
  const safe = /^[0-9]/.test(name) ? `op${name}` : name;
  return RESERVED.has(safe) ? `${safe}Operation` : safe;
}

/** Globals a user's code means when it writes them; a schema of that name gets an `Api` prefix. */
const GLOBALS = new Set(['Array', 'Blob', 'Date', 'Error', 'File', 'FormData', 'Headers', 'Map', 'Object', 'Omit', 'Partial', 'Pick', 'Promise', 'Readonly', 'Record', 'Request', 'Required', 'Response', 'Set', 'String', 'Number', 'Boolean', 'Symbol', 'URL']);

/** A schema name usable as `export type <name>`; undefined for names only reachable as `Schemas['...']`. */
export function typeName(schema: string, taken: ReadonlySet<string>): string | undefined {
  const name = GLOBALS.has(schema) ? `Api${schema}` : schema;
  if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) || RESERVED.has(name) || taken.has(name)) return undefined;
  return name;
}
