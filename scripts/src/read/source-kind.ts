import { PipelineError } from '../errors.js';
import { parseStructuredSource, isJsonText } from './structured-source.js';

export type SourceKind = 'swagger2' | 'openapi3' | 'docs';

export interface SourceDescription {
  kind: SourceKind;
  /** `2.0`, `3.0.3`, `3.1.0`: the version the document declares (absent for docs) */
  version?: string;
  /** what to call it in a message: `Swagger 2.0`, `OpenAPI 3.0.3`, `a docs capture` */
  label: string;
}

/**
 * What a vendor file is, from its content alone (never its name): a Swagger 2.0 or OpenAPI 3.x
 * document, JSON or YAML, or else a docs text capture. A file that does not parse as a document is
 * docs text; whether docs text is usable is the docs reader's question.
 */
export function describeSource(content: Uint8Array | string): SourceDescription {
  const text = typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
  return describeDocument(topLevel(text));
}

/** The same judgement for a document already parsed (the readers parse first, so syntax errors come first). */
export function describeDocument(value: unknown): SourceDescription {
  const top = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  const swagger = versionOf(top?.swagger);
  const openapi = versionOf(top?.openapi);
  if (swagger?.startsWith('2.')) return { kind: 'swagger2', version: swagger, label: `Swagger ${swagger}` };
  if (openapi?.startsWith('3.')) return { kind: 'openapi3', version: openapi, label: `OpenAPI ${openapi}` };
  return { kind: 'docs', label: 'a docs text capture' };
}

/** `'swagger2' | 'openapi3' | 'docs'` for a vendor file's bytes or text. */
export function detectSourceKind(content: Uint8Array | string): SourceKind {
  return describeSource(content).kind;
}

/** YAML reads an unquoted `swagger: 2.0` as the number 2: it still means version 2.0. */
function versionOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(1) : String(value);
  return undefined;
}

// a YAML document names its version on a top-level line; docs text is only parsed when it looks like one
const YAML_VERSION_LINE = /^(?:swagger|openapi)[ \t]*:/m;

function topLevel(text: string): unknown {
  if (!isJsonText(text) && !YAML_VERSION_LINE.test(text)) return undefined;
  try {
    return parseStructuredSource(text, '').value;
  } catch {
    return undefined; // not a readable document: the reader of the field it is named under reports why
  }
}

/**
 * A file offered as docs text that opens like JSON is a broken or foreign export, never a docs
 * capture: say so where its parser stops (file:line:col), not later as "no documented operation".
 */
export function refuseJsonAsDocs(text: string, file: string): void {
  if (!isJsonText(text)) return;
  parseStructuredSource(text, file); // throws, naming the line and column of the syntax error
  throw new PipelineError(file, '', 'is JSON, but neither Swagger 2.0 nor OpenAPI 3.x (no top-level "swagger": "2.0" or "openapi": "3.x")');
}
