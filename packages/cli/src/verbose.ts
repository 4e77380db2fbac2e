import type { Logger, TrafficEvent } from '@hostbill-api/runtime';
import { maskSecrets } from './output.js';

const BODY_LIMIT = 2000;

/**
 * `--verbose`: the client's traffic log on stderr, one line per request, response, retry or error.
 * The runtime builds each event with secrets already masked (secret-named headers and fields, and the
 * client's own credentials wherever a server echoes them); the environment's credentials are masked
 * once more here, so a line never carries them whatever the runtime missed.
 */
export function verboseLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const emit = (line: string) => write(maskSecrets(line));
  return (event: TrafficEvent) => {
    const took = event.durationMs === undefined ? '' : ` (${Math.round(event.durationMs)} ms)`;
    const attempt = event.attempt > 0 ? ` [attempt ${event.attempt + 1}]` : '';
    switch (event.type) {
      case 'request':
        emit(`> ${event.method.toUpperCase()} ${event.url}${attempt}`);
        for (const [name, value] of Object.entries(event.headers ?? {})) emit(`> ${name}: ${value}`);
        return;
      case 'response': {
        emit(`< ${event.status} ${event.method.toUpperCase()} ${event.url}${took}`);
        if (event.body === undefined) return;
        const body = JSON.stringify(event.body);
        emit(`< ${body.length > BODY_LIMIT ? `${body.slice(0, BODY_LIMIT)}… (${body.length} characters)` : body}`);
        return;
      }
      case 'retry':
        emit(`! retry ${event.method.toUpperCase()} ${event.url}${event.status ? ` after HTTP ${event.status}` : ''}${event.delayMs === undefined ? '' : ` in ${event.delayMs} ms`}${event.message ? `: ${event.message}` : ''}`);
        return;
      case 'error':
        emit(`! ${event.method.toUpperCase()} ${event.url}: ${event.message ?? 'failed'}`);
    }
  };
}
