import { maskHeaders, PLAIN_REDACTOR, type Redactor } from './redact.js';

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
export function trafficEvent(
  base: Omit<TrafficEvent, 'url' | 'headers' | 'body'> & { url: string; headers?: Record<string, string>; body?: unknown },
  redactor: Redactor = PLAIN_REDACTOR,
): TrafficEvent {
  const { headers, body, url, message, ...rest } = base;
  const event: TrafficEvent = { ...rest, url: redactor.url(url) };
  if (headers) event.headers = Object.fromEntries(Object.entries(maskHeaders(headers)).map(([k, v]) => [k, redactor.text(v)]));
  if (body !== undefined) event.body = redactor.value(body);
  if (message !== undefined) event.message = redactor.text(message);
  return event;
}

/** A logger that throws must never break or mislabel the call it describes. */
export function safeLogger(logger: Logger | undefined, redactor: Redactor): ((build: () => Omit<Parameters<typeof trafficEvent>[0], never>) => void) | undefined {
  if (!logger) return undefined;
  return (build) => {
    try {
      logger(trafficEvent(build(), redactor));
    } catch {
      /* the user's logger failed; the call goes on */
    }
  };
}
