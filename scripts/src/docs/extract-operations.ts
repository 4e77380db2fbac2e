import { PipelineError } from '../errors.js';
import type { HttpMethod } from '../model.js';
import { isTableStart, readParameterTable, type DocsParameter } from './parameter-table.js';
import { templateAtNames } from '../rules/path-shape.js';
import { curlJsonBody, fieldFormats, requestSamples, type RequestSample } from './request-samples.js';
import { toUnits, type Unit } from './units.js';
import type { JsonSchema } from '../steps/infer-schema.js';

export type DocsAuth = 'basic' | 'bearer' | 'none';

export interface DocsOperation {
  method: HttpMethod;
  /** path as documented, `@id` style */
  documentedPath: string;
  /** path in OpenAPI template style, `{id}` */
  path: string;
  title: string;
  description: string;
  tag: string | undefined;
  /** the prose between a section heading and its first operation's title: what the section is about */
  sectionIntro?: string;
  parameters: DocsParameter[];
  /** JSON body field names in the order the request sample sends them (its top level only) */
  bodyFields: string[];
  /** the curl sample's JSON body as sent (`-d "{...}"` or `POST_DATA="{...}"`), when it parses */
  bodySample?: Record<string, unknown>;
  /** every request body the code samples send (curl JSON or form fields, PHP, Python), each read whole */
  requestSamples?: RequestSample[];
  /** `// Format of 'field' parameter` blocks: the vendor's own sketch of a field's shape */
  fieldFormats?: Map<string, JsonSchema>;
  auth: DocsAuth;
  /** raw example response text, not yet repaired */
  exampleResponse: { text: string; line: number } | undefined;
  line: number;
}

const METHOD_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\/\S*)$/;
const HTTP_REQUEST = 'HTTP Request';
const EXAMPLE_RESPONSE = /^Example Responses?:?$/i;
/** Lines that belong to a code sample rather than to prose. */
const CODE_LINE = /^(?:curl\b|use |echo |print\(|payload\b|headers\b|req\b|resp\b|auth=|\$|'|"|\\|\]|\)|\}|\{|#|\/\/|POST_DATA)|[\\;{[(,]$/;
const SAMPLE_PROLOGUE = /^(?:POST_DATA=|\/\/|\\"|"|\{|\}|\]|\[)/;

/** A title is short, starts upper-case and carries no sentence punctuation at its end. */
export function isTitleLike(text: string): boolean {
  return /^[A-Z]/.test(text) && !/[:<>]/.test(text) && text.length <= 60 && text.split(/\s+/).length <= 8 && !/[.:;,!?)\-]$/.test(text) && !text.includes('\n');
}

/** One spelling for docs and API documents alike (rules/path-shape.ts), so both match by shape. */
export const toOpenApiPath = templateAtNames;

/**
 * Reads every documented operation from a docs text. Anchors on the `HTTP Request` + `METHOD /path`
 * pair that every layout keeps, then looks backwards for the samples and prose and forwards for the
 * parameter table.
 */
export function extractOperations(text: string, file: string, sectionHeadings: ReadonlySet<string> = new Set()): DocsOperation[] {
  const units = toUnits(text);
  const anchors = units.flatMap((u, i) => (u.head === HTTP_REQUEST ? [i] : []));
  if (anchors.length === 0) throw new PipelineError(file, '', 'no documented operation found (no "HTTP Request" block): is this an API docs capture?');
  const isBoundary = (u: Unit) => u.head === HTTP_REQUEST || /^(?:curl\b|POST_DATA=)/.test(u.head) || EXAMPLE_RESPONSE.test(u.head);

  const operations: DocsOperation[] = [];
  let regionStart = 0;
  let previousTag: string | undefined;
  for (const anchor of anchors) {
    const methodUnit = units[anchor + 1];
    const match = methodUnit && METHOD_LINE.exec(methodUnit.head);
    if (!match) {
      const at = methodUnit ?? units[anchor]!;
      throw new PipelineError(file, String(at.line), `"HTTP Request" must be followed by "METHOD /path", found ${JSON.stringify(at.head.slice(0, 60))}`);
    }
    const region = units.slice(regionStart, anchor);
    const exampleAt = region.findIndex((u) => EXAMPLE_RESPONSE.test(u.head));
    const beforeExample = exampleAt === -1 ? region : region.slice(0, exampleAt);
    const codeStart = sampleStart(beforeExample);
    const prose = proseBefore(beforeExample, codeStart);
    const { title, description, tag, sectionIntro } = readProse(prose, sectionHeadings);
    if (tag) previousTag = tag;

    const table = isTableStart(units[anchor + 2]) ? readParameterTable(units, anchor + 2, isBoundary, sectionHeadings) : { rows: [], next: anchor + 2 };
    regionStart = table.next;

    const code = beforeExample.slice(codeStart).map((u) => u.text).join('\n');
    const bodySample = curlJsonBody(code);
    const samples = requestSamples(code);
    const formats = fieldFormats(code);
    const documentedPath = match[2]!;
    operations.push({
      method: match[1]!.toLowerCase() as HttpMethod, // METHOD_LINE admits HTTP methods only
      documentedPath,
      path: toOpenApiPath(documentedPath),
      title: title ?? `${match[1]} ${documentedPath}`,
      description,
      tag: previousTag,
      ...(sectionIntro ? { sectionIntro } : {}),
      parameters: table.rows,
      bodyFields: bodySample ? Object.keys(bodySample) : topLevelFields(code),
      ...(bodySample ? { bodySample } : {}),
      ...(samples.length ? { requestSamples: samples } : {}),
      ...(formats.size ? { fieldFormats: formats } : {}),
      auth: /Bearer/.test(code) ? 'bearer' : /(?:^|\s)-u\s|'auth'\s*=>|auth=/.test(code) ? 'basic' : 'none',
      exampleResponse: exampleAt === -1 ? undefined : exampleText(region.slice(exampleAt)),
      line: methodUnit.line,
    });
  }
  return operations;
}

/**
 * A sample that is not JSON still names its fields: the `\\"key\\":` lines at the depth of the first one,
 * never nested ones. The first field's depth is the top level: 1 below the opening brace, 0 where the
 * capture lost the lines holding only brackets; there a field after a nested opening cannot be placed,
 * so it is left out (its table row, if any, still adds it).
 */
function topLevelFields(code: string): string[] {
  const fields = new Set<string>();
  let depth = 0;
  let top: number | undefined;
  for (const line of code.split('\n')) {
    const field = /^\s*\\"([^"\\]+)\\"\s*:/.exec(line);
    if (field) {
      top ??= depth;
      if (depth === top) fields.add(field[1]!);
    }
    for (const c of line.replace(/\\"(?:[^"\\]|\\[^"])*\\"/g, '')) {
      if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') depth = Math.max(0, depth - 1);
    }
  }
  return [...fields];
}

/** The bash sample opens the code: the last `curl`, plus the POST_DATA/comment lines right before it. */
function sampleStart(units: Unit[]): number {
  let start = -1;
  for (let i = units.length - 1; i >= 0; i--) {
    if (/^curl\b/.test(units[i]!.head)) {
      start = i;
      break;
    }
  }
  if (start === -1) return units.length;
  while (start > 0 && SAMPLE_PROLOGUE.test(units[start - 1]!.head)) start--;
  return start;
}

/** Prose is the run of non-code units that ends where the sample starts. */
function proseBefore(units: Unit[], codeStart: number): string[] {
  let start = codeStart;
  while (start > 0 && !CODE_LINE.test(units[start - 1]!.head)) start--;
  return units.slice(start, codeStart).map((u) => u.text.trim());
}

/**
 * The last known section heading in the prose becomes the tag; the title is the first title-like
 * unit after it. A title-like unit followed by a lower-case line is a wrapped sentence, not a title.
 */
function readProse(prose: string[], sections: ReadonlySet<string>): { title: string | undefined; description: string; tag: string | undefined; sectionIntro: string | undefined } {
  let headingAt = -1;
  prose.forEach((text, i) => {
    if (sections.has(text)) headingAt = i;
  });
  const titleAt = prose.findIndex((text, i) => i > headingAt && isTitleLike(text) && !/^[a-z]/.test(prose[i + 1] ?? ''));
  return {
    title: titleAt === -1 ? undefined : prose[titleAt],
    description: prose.slice(titleAt === -1 ? headingAt + 1 : titleAt + 1).join('\n'),
    tag: headingAt === -1 ? undefined : prose[headingAt],
    sectionIntro: headingAt === -1 || titleAt === -1 ? undefined : prose.slice(headingAt + 1, titleAt).join('\n') || undefined,
  };
}

function exampleText(units: Unit[]): { text: string; line: number } {
  const [first, ...rest] = units;
  return { text: rest.map((u) => u.text).join('\n'), line: rest[0]?.line ?? first!.line };
}
