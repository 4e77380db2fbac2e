import { redact, redactHeaders, redactUrl } from './redact.js';

/** One line of traffic, secrets already masked: what `logger` receives. */
export interface TrafficEvent {
  type: 'request' | 'response' | 'retry' | 'error';
  method: string;
  url: string;
  attempt: number;
  status?: number;
  durationMs?: number;
  headers?: Record<string, string>;
  /** parsed JSON bodies only, masked */
  body?: unknown;
  /** for `retry`: how long until the next attempt */
  delayMs?: number;
  message?: string;
}

export type Logger = (event: TrafficEvent) => void;
export type LogLevel = 'error' | 'info' | 'debug';

const LEVEL_OF: Record<TrafficEvent['type'], LogLevel> = { error: 'error', retry: 'info', request: 'debug', response: 'debug' };
const ORDER: LogLevel[] = ['error', 'info', 'debug'];

/** A ready logger for the console: `logger: consoleLogger('info')`. */
export function consoleLogger(level: LogLevel = 'info', sink: (line: string) => void = (line) => console.error(line)): Logger {
  return (event) => {
    if (ORDER.indexOf(LEVEL_OF[event.type]) > ORDER.indexOf(level)) return;
    const status = event.status === undefined ? '' : ` ${event.status}`;
    const took = event.durationMs === undefined ? '' : ` ${Math.round(event.durationMs)}ms`;
    const extra = event.message ? ` ${event.message}` : '';
    sink(`[hostbill-api] ${event.type} ${event.method} ${event.url}${status}${took} #${event.attempt}${extra}`);
  };
}

/** Builds an event with every secret masked; the only way events are made, so none leaks. */
export function trafficEvent(base: Omit<TrafficEvent, 'url' | 'headers' | 'body'> & { url: string; headers?: Headers; body?: unknown }): TrafficEvent {
  const event: TrafficEvent = { ...base, url: redactUrl(base.url), headers: undefined, body: undefined };
  if (base.headers) event.headers = redactHeaders(base.headers);
  else delete event.headers;
  if (base.body !== undefined) event.body = redact(base.body);
  else delete event.body;
  return event;
}
