/**
 * `recordResponses: recordResponses({ path })` (from the `/record` subpath): one JSON line per answer (provider, operation, status, content type,
 * the body redacted by `redactBody`), never a request header or credential. Node only: `node:fs`
 * is imported on the first recorded answer through a specifier bundlers leave alone, so browser,
 * Deno and Bun builds of a client that does not record never reach it.
 */
import { redactBody } from './redact-body.js';
import type { ResponseRecording } from './types.js';

export { redactBody } from './redact-body.js';

export interface RecordResponsesOptions {
  /** the JSON Lines file to append to; created with mode 0600 */
  path: string;
  /** stop recording once the file would pass this size; default 10 MiB */
  maxBytes?: number;
}

/** One line of a recording, as `pnpm specs:learn` reads it. */
export interface RecordedExchange {
  provider: string | undefined;
  /** `GET /server/{server_id}` */
  operation: string;
  status: number;
  contentType: string | undefined;
  /** the redacted JSON body; `'<text>'` for a body that was not JSON, absent when there was none */
  body?: unknown;
}

export type Recorder = (exchange: RecordedExchange) => Promise<void>;

/**
 * The client option `recordResponses`. It lives on its own subpath so a client that does not record
 * bundles neither the recorder nor the body redaction (they are most of what recording costs).
 */
export function recordResponses(options: RecordResponsesOptions): ResponseRecording {
  checkOptions(options);
  return { open: (secrets, warn) => createRecorder(options, secrets, warn) };
}

function checkOptions(options: RecordResponsesOptions): void {
  if (!options || typeof options.path !== 'string' || options.path === '') throw new TypeError('recordResponses.path must be the file to write, e.g. recordResponses({ path: "answers.jsonl" })');
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
const FS_MODULE = 'node:fs/promises';

interface FsLike {
  appendFile(path: string, data: string, options: { mode: number }): Promise<void>;
  stat(path: string): Promise<{ size: number }>;
}

/** `secrets`: what the client holds right now (password, tokens), masked wherever it appears. */
function createRecorder(options: RecordResponsesOptions, secrets: () => readonly string[], warn: (message: string) => void = (m) => console.warn(m)): Recorder {
  checkOptions(options);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let file: Promise<{ fs: FsLike; size: number }> | undefined;
  let queue: Promise<void> = Promise.resolve();
  let stopped = false;
  const open = async () => {
    const fs = (await import(/* @vite-ignore */ FS_MODULE)) as FsLike;
    const size = await fs.stat(options.path).then((s) => s.size, () => 0);
    return { fs, size };
  };
  const stop = (message: string) => {
    if (stopped) return;
    stopped = true;
    warn(`[hostbill-api] recordResponses: ${message}; later answers are not recorded`);
  };
  return (exchange) => {
    if (stopped) return queue;
    const line = `${JSON.stringify({ ...exchange, body: exchange.body === undefined ? undefined : redactBody(exchange.body, secrets()) })}\n`;
    queue = queue.then(async () => {
      if (stopped) return;
      try {
        const target = await (file ??= open());
        const bytes = new TextEncoder().encode(line).byteLength;
        if (target.size + bytes > maxBytes) return stop(`${options.path} reached its cap of ${maxBytes} bytes (recordResponses.maxBytes)`);
        // opened and closed per line: no handle outlives a write; `mode` applies when this creates the file
        await target.fs.appendFile(options.path, line, { mode: 0o600 });
        target.size += bytes;
      } catch (error) {
        stop(`cannot write ${options.path}: ${(error as Error)?.message ?? String(error)}`);
      }
    });
    return queue;
  };
}
