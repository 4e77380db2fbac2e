import { createQuerySerializer } from 'openapi-fetch';
import { InvalidRequestError } from './errors.js';

export type HeaderInput = Headers | Array<[string, string]> | Record<string, string | number | boolean | null | undefined>;

const PATH_PARAM = /\{([^{}]+)\}/g;
const BAD_HEADER_VALUE = /[\r\n\0]/;
const serializeQuery = /* @__PURE__ */ createQuerySerializer();

/**
 * `/dns/{zone_id}/records/{id}` with its values, each one percent-encoded as ONE segment. `.` and
 * `..` are refused: no encoding survives URL normalisation, and `records/..` would turn "delete a
 * record" into "delete the zone".
 */
export function buildPath(template: string, values: Record<string, unknown> | undefined, operation: string, url: string): string {
  if (!template.includes('{')) return template;
  return template.replace(PATH_PARAM, (_whole, name: string) => {
    const value = values?.[name];
    const problem =
      value === undefined || value === null
        ? 'is missing'
        : typeof value === 'object'
          ? 'must be a string or number, not an object'
          : String(value) === '' || String(value) === '.' || String(value) === '..'
            ? `may not be ${JSON.stringify(String(value))}`
            : undefined;
    if (problem) throw new InvalidRequestError(`${operation}: path parameter "${name}" ${problem}; nothing was sent`, { request: { method: operation.split(' ')[0]!, url, operation } });
    return encodeURIComponent(String(value));
  });
}

export function buildUrl(baseUrl: string, path: string, query: Record<string, unknown> | undefined): string {
  const search = query ? serializeQuery(query) : '';
  return search ? `${baseUrl}${path}?${search}` : `${baseUrl}${path}`;
}

/** Lower-case record of headers; `undefined`/`null` values drop a header. */
export function mergeHeaders(target: Record<string, string>, input: HeaderInput | undefined): Record<string, string> {
  if (!input) return target;
  const entries: Iterable<[string, unknown]> = input instanceof Headers ? input.entries() : Array.isArray(input) ? input : Object.entries(input);
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    if (value === undefined || value === null) delete target[key];
    else target[key] = String(value);
  }
  return target;
}

/** A credential or header that would break or smuggle a header is refused before anything is sent. */
export function assertHeaderSafe(value: string, what: string): void {
  if (BAD_HEADER_VALUE.test(value)) throw new TypeError(`${what} contains a line break or NUL character`);
}

/** A header value with CR, LF or NUL could smuggle a second header: refuse it before sending. */
export function checkHeaders(headers: Record<string, string>, operation: string, url: string): void {
  for (const [name, value] of Object.entries(headers)) {
    if (BAD_HEADER_VALUE.test(value) || BAD_HEADER_VALUE.test(name)) {
      throw new InvalidRequestError(`${operation}: header "${name}" contains a line break or NUL; nothing was sent`, { request: { method: operation.split(' ')[0]!, url, operation } });
    }
  }
}

/** JSON unless the body already is something fetch sends as it is. */
export function serializeBody(body: unknown, headers: Record<string, string>): BodyInit | undefined {
  if (body === undefined) return undefined;
  if (
    (typeof FormData !== 'undefined' && body instanceof FormData) ||
    (typeof Blob !== 'undefined' && body instanceof Blob) ||
    body instanceof URLSearchParams ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    (typeof ReadableStream !== 'undefined' && body instanceof ReadableStream)
  ) {
    return body as BodyInit;
  }
  headers['content-type'] ??= 'application/json';
  return JSON.stringify(body);
}
