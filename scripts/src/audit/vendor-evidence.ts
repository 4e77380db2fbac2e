import { readLiteral } from '../docs/request-samples.js';
import { isHeaderRow, isSeparatorRow } from '../docs/table-rows.js';
import { pointerSegment } from '../read/confine.js';
import type { OpenApi } from '../openapi.js';
import { resolve } from '../package/operations.js';
import { sharedBasePath } from '../rules/path-shape.js';

/**
 * What a vendor's own files say about each operation, read straight from the files: their example
 * answers, their request samples, and the parameters their tables call required. The audit judges the
 * built spec against this, so none of it goes through the pipeline's rules (a rule that rewrites an
 * example or drops a `required` cannot also be the one that says all is well).
 */

/** `post /server/{}/reinstall`: an operation whatever its parameters are called (`@id`, `{id}`, `$id`). */
export const operationShape = (method: string, path: string) => `${method.toLowerCase()} ${path.replace(/[@$]\w+|\{[^}]+\}/g, '{}')}`;

export interface VendorSample {
  shape: string;
  /** `file:line` of the sample's first line */
  where: string;
  kind: 'response' | 'request';
  text: string;
}

export interface VendorParameter {
  shape: string;
  where: string;
  name: string;
  /** the row's description says "(required" or "required," */
  required: boolean;
  /** the docs give the field a structure without a sample of it: a "Format of 'x' parameter" sketch, or "formatted the same way as output from ..." */
  shapedBy?: string;
}

export interface VendorEvidence {
  samples: VendorSample[];
  parameters: VendorParameter[];
}

/** `name type` of the space-separated table form; the type word keeps a section title from passing as a row */
const ROW_WITH_TYPE = /^([\w[\].-]+) (string|int|integer|bool|boolean|float|double|number|array|object|file|date|datetime)$/i;
/** `// Format of ''resources'' paremeter` (sic): the docs sketch a field's structure above the samples */
const FORMAT_SKETCH = /^[ \t]*\/\/[ \t]*Format of[ \t]+'+([\w.-]+)'+[ \t]+par\w*[ \t]*$/gim;
const SHAPED_LIKE_ANSWER = /formatted the same way as (?:the )?output (?:from|of)/i;
const shapedByText = (description: string) => (SHAPED_LIKE_ANSWER.test(description) ? { shapedBy: `"${SHAPED_LIKE_ANSWER.exec(description)![0]} ..."` } : {});
const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE) (\/\S*)$/;

/**
 * Docs captures: an operation's text runs up to `HTTP Request` + `METHOD /path`, and its parameter table
 * follows that line. The example answer is the text after `Example Response:`; the JSON request sample is
 * curl's `-d "{ ... }"` with its quotes escaped for the shell.
 */
export function docsEvidence(text: string, file: string): VendorEvidence {
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''));
  const evidence: VendorEvidence = { samples: [], parameters: [] };
  // the captures differ in blank lines; what follows a line is the next line with text on it
  const nextText = (i: number) => {
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() === '') j++;
    return j;
  };
  let blockStart = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== 'HTTP Request') continue;
    const at = nextText(i);
    const request = REQUEST_LINE.exec(lines[at]?.trim() ?? '');
    if (!request) continue;
    const shape = operationShape(request[1]!, request[2]!);
    const example = exampleAfter(lines, blockStart, i, 'Example Response:');
    if (example) evidence.samples.push({ shape, kind: 'response', where: `${file}:${example.line + 1}`, text: example.text });
    const body = curlBody(lines, blockStart, i);
    if (body) evidence.samples.push({ shape, kind: 'request', where: `${file}:${body.line + 1}`, text: body.text });
    for (const literal of codeBodies(lines, blockStart, i)) evidence.samples.push({ shape, kind: 'request', where: `${file}:${literal.line + 1}`, text: literal.text });
    const sketched = new Set([...lines.slice(blockStart, i).join('\n').matchAll(FORMAT_SKETCH)].map((m) => m[1]!));
    evidence.parameters.push(...tableRows(lines, at + 1, shape, file).map((row) => (sketched.has(row.name) ? { ...row, shapedBy: `a "Format of '${row.name}'" sketch` } : row)));
    blockStart = at + 1;
  }
  return evidence;
}

function exampleAfter(lines: string[], from: number, to: number, marker: string): { line: number; text: string } | undefined {
  let at = -1;
  for (let i = to - 1; i >= from; i--) if (lines[i]!.trim() === marker) { at = i; break; }
  if (at === -1) return undefined;
  const text = lines.slice(at + 1, to).join('\n').trim();
  return text ? { line: at + 1, text } : undefined;
}

/** curl's `-d "{` (or `POST_DATA="{`) ... `}"`: the body between the quotes, with `\"` unescaped. */
function curlBody(lines: string[], from: number, to: number): { line: number; text: string } | undefined {
  const start = lines.slice(from, to).findIndex((line) => /^(-d |POST_DATA=)"\{$/.test(line.trim()));
  if (start === -1) return undefined;
  const first = from + start;
  const end = lines.slice(first + 1, to).findIndex((line) => line.trim() === '}"');
  if (end === -1) return undefined;
  const body = ['{', ...lines.slice(first + 1, first + 1 + end), '}'].join('\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  return { line: first, text: body };
}

/**
 * The PHP (`'json' => [`) and Python (`payload = {`) samples' bodies, as JSON, where they read whole; a
 * stripped capture's fragments do not, and are left out rather than guessed at (its curl text is counted).
 */
function codeBodies(lines: string[], from: number, to: number): Array<{ line: number; text: string }> {
  const found: Array<{ line: number; text: string }> = [];
  const text = lines.slice(from, to).join('\n');
  for (const [pattern, dialect] of [[/'json'\s*=>\s*(?=\[|array\s*\()/, 'php'], [/^[ \t]*payload[ \t]*=[ \t]*(?=\{)/m, 'python']] as const) {
    const m = pattern.exec(text);
    if (!m) continue;
    const value = readLiteral(text, m.index + m[0].length, dialect);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) found.push({ line: from + text.slice(0, m.index).split('\n').length - 1, text: JSON.stringify(value) });
  }
  return found;
}

/**
 * The parameter table after the request line, in either form the captures use: markdown rows
 * (`| name | type |`, the description on the next line(s) up to ` |`), or a `Parameter Type Description`
 * heading over `name type` lines, each followed by its description.
 */
function tableRows(lines: string[], from: number, shape: string, file: string): VendorParameter[] {
  // a heading (`Query Parameters`) and blank lines may stand between the request line and the table
  let i = from;
  for (let headings = 0; i < lines.length && !lines[i]!.startsWith('|') && lines[i]!.trim() !== 'Parameter Type Description'; i++) {
    if (lines[i]!.trim() !== '' && ++headings > 1) return [];
  }
  const rows: Array<{ line: number; name: string; description: string }> = [];
  if (lines[i]?.trim() === 'Parameter Type Description') {
    for (i++; i < lines.length; i++) {
      const row = ROW_WITH_TYPE.exec(lines[i]!.trim());
      if (!row) break;
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() === '') j++;
      rows.push({ line: i, name: row[1]!, description: lines[j] ?? '' });
      i = j;
      while (i + 1 < lines.length && lines[i + 1]!.trim() === '') i++;
    }
  } else {
    for (; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (isSeparatorRow(line) || isHeaderRow(line)) continue;
      const row = /^\|\s*([^|]+?)\s*\|\s*([^|]*?)\s*\|$/.exec(line);
      if (!row) break;
      let description = '';
      let j = i + 1;
      for (; j < lines.length && !lines[j]!.trimStart().startsWith('|'); j++) {
        description += ` ${lines[j]}`;
        if (lines[j]!.trimEnd().endsWith('|')) break;
      }
      rows.push({ line: i, name: row[1]!.trim(), description });
      i = j;
    }
  }
  return rows.map((r) => ({ shape, where: `${file}:${r.line + 1}`, name: r.name, required: /\(required\b|\brequired[,)]/i.test(r.description) && !/\bnot required\b/i.test(r.description), ...shapedByText(r.description) }));
}

/**
 * Swagger 2.0 and OpenAPI 3.x: the example answer as the vendors put it, a markdown ```json block in
 * the 200 description, or where the format puts one (`examples` in 2.0, `content.*.example(s)` in 3.x).
 */
export function structuredEvidence(document: unknown, file: string): VendorEvidence {
  const evidence: VendorEvidence = { samples: [], parameters: [] };
  const paths = (document as { paths?: Record<string, Record<string, unknown>> })?.paths ?? {};
  // the pipeline moves a base path every path repeats (`/api/service`) into the server URL: so must its judge
  const base = sharedBasePath(Object.keys(paths));
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, value] of Object.entries(item ?? {})) {
      const operation = value as {
        responses?: Record<string, { description?: unknown; examples?: Record<string, unknown>; content?: Record<string, { example?: unknown; examples?: Record<string, { value?: unknown }> }> }>;
        parameters?: Array<{ name?: unknown; required?: unknown; in?: unknown; description?: unknown }>;
      };
      if (!REQUEST_LINE.test(`${method.toUpperCase()} ${path}`)) continue;
      const shape = operationShape(method, path.slice(base.length));
      const ok = resolve<NonNullable<typeof operation.responses>[string]>(document as OpenApi, operation.responses?.['200']);
      // exports often leave the block unclosed at the description's end
      const fenced = typeof ok?.description === 'string' ? /```json\s*\n([\s\S]*?)(?:```|$)/.exec(ok.description) : null;
      if (fenced) evidence.samples.push({ shape, kind: 'response', where: `${file}:#/paths/${pointerSegment(path)}/${method}`, text: fenced[1]!.trim() });
      const declared = ok?.examples?.['application/json'];
      if (declared !== undefined) evidence.samples.push({ shape, kind: 'response', where: `${file}:#/paths/${pointerSegment(path)}/${method}/responses/200/examples`, text: JSON.stringify(declared) });
      const media = ok?.content?.['application/json'];
      const values = [...(media && 'example' in media ? [media.example] : []), ...Object.values(media?.examples ?? {}).map((e) => e?.value)];
      for (const example of values) if (example !== undefined) evidence.samples.push({ shape, kind: 'response', where: `${file}:#/paths/${pointerSegment(path)}/${method}/responses/200/content`, text: JSON.stringify(example) });
      for (const p of operation.parameters ?? []) {
        if (typeof p?.name === 'string' && p.in !== 'path') evidence.parameters.push({ shape, where: `${file}:#/paths/${pointerSegment(path)}/${method}`, name: p.name, required: p.required === true, ...shapedByText(typeof p.description === 'string' ? p.description : '') });
      }
    }
  }
  return evidence;
}

