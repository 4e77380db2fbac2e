/** How to read a body: `auto` parses JSON (or what claims to be, or says nothing) and gives other types as text. */
export type ParseAs = 'auto' | 'json' | 'text' | 'blob' | 'arrayBuffer' | 'stream';

export type ReadBody =
  | { kind: 'empty' }
  | { kind: 'json'; value: unknown; text: string }
  /** not JSON; `expectedJson` when it should have been (a 2xx of this is an invalid answer) */
  | { kind: 'text'; text: string; expectedJson: boolean }
  | { kind: 'other'; value: unknown };

export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`response body is larger than maxResponseBytes (${limit})`);
  }
}

const JSON_TYPE = /\bjson\b/i;
const HTML_TYPE = /\bhtml\b/i;

/** Reads the body exactly once; JSON is parsed once (raw fetch's `json()` costs the same). */
export async function readBody(response: Response, method: string, parseAs: ParseAs, maxBytes: number | undefined): Promise<ReadBody> {
  if (response.status === 204 || response.status === 205 || response.status === 304 || method === 'HEAD') {
    await response.body?.cancel();
    return { kind: 'empty' };
  }
  if (maxBytes !== undefined) {
    const declared = Number(response.headers.get('content-length'));
    if (declared > maxBytes) {
      await response.body?.cancel();
      throw new BodyTooLargeError(maxBytes);
    }
  }
  if (parseAs === 'stream') return { kind: 'other', value: response.body };
  if (parseAs === 'blob' || parseAs === 'arrayBuffer') {
    const bytes: Uint8Array<ArrayBuffer> = maxBytes === undefined ? new Uint8Array(await response.arrayBuffer()) : await readCapped(response, maxBytes);
    return { kind: 'other', value: parseAs === 'blob' ? new Blob([bytes], { type: response.headers.get('content-type') ?? '' }) : bytes.buffer };
  }
  const text = maxBytes === undefined ? await response.text() : new TextDecoder().decode(await readCapped(response, maxBytes));
  const type = response.headers.get('content-type') ?? '';
  const expectedJson = parseAs === 'json' || (parseAs === 'auto' && (type === '' || JSON_TYPE.test(type) || HTML_TYPE.test(type)));
  if (!expectedJson) return { kind: 'text', text, expectedJson };
  try {
    return text === '' ? { kind: 'text', text, expectedJson } : { kind: 'json', value: JSON.parse(text), text };
  } catch {
    return { kind: 'text', text, expectedJson };
  }
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
