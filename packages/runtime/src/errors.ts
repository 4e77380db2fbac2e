import { redact, redactUrl } from './redact.js';

export interface RequestDescription {
  method: string;
  url: string;
  /** `operationId` or `METHOD /path template`, when the client knows it */
  operation?: string;
}

/**
 * Base of every error the clients throw. Carries what a user needs to act (status, the request,
 * HostBill's own `error: [...]` messages, the raw body when it was not JSON) and nothing secret.
 */
export class HostBillApiError extends Error {
  override name = 'HostBillApiError';
  readonly status: number | undefined;
  readonly method: string;
  readonly url: string;
  readonly operation: string | undefined;
  /** HostBill's `error` array, when the body had one */
  readonly messages: string[];
  /** the response body (parsed JSON with secrets masked, or the raw text) */
  readonly body: unknown;

  constructor(message: string, options: { request: RequestDescription; status?: number; body?: unknown; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
    this.method = options.request.method.toUpperCase();
    this.url = redactUrl(options.request.url);
    this.operation = options.request.operation;
    this.body = redact(options.body);
    this.messages = messagesOf(options.body);
  }

  /** Serialized form, for loggers: the same masked fields, never the credentials. */
  toJSON() {
    return { name: this.name, message: this.message, status: this.status, method: this.method, url: this.url, operation: this.operation, messages: this.messages, body: this.body };
  }
}

export class AuthenticationError extends HostBillApiError {
  override name = 'AuthenticationError';
}
export class NotFoundError extends HostBillApiError {
  override name = 'NotFoundError';
}
export class RateLimitError extends HostBillApiError {
  override name = 'RateLimitError';
}
export class TimeoutError extends HostBillApiError {
  override name = 'TimeoutError';
}
export class NetworkError extends HostBillApiError {
  override name = 'NetworkError';
}
/** The answer was not the JSON it should be (an HTML error page, an empty or truncated body). */
export class InvalidResponseError extends HostBillApiError {
  override name = 'InvalidResponseError';
}

/** `GET /server/{server_id}` when the operation is known, else the method and the (masked) URL. */
export function describeRequest(request: RequestDescription): string {
  return request.operation ?? `${request.method.toUpperCase()} ${redactUrl(request.url)}`;
}

function messagesOf(body: unknown): string[] {
  const error = (body as { error?: unknown } | null)?.error;
  if (Array.isArray(error)) return error.map(String);
  return typeof error === 'string' ? [error] : [];
}

/** Picks the class for an HTTP status and builds a message naming the request and HostBill's reasons. */
export function errorForStatus(status: number, request: RequestDescription, body: unknown): HostBillApiError {
  const messages = messagesOf(body);
  const what = describeRequest(request);
  const message = `${what} failed with HTTP ${status}${messages.length ? `: ${messages.join('; ')}` : ''}`;
  const ErrorClass =
    status === 401 || status === 403 ? AuthenticationError : status === 404 ? NotFoundError : status === 429 ? RateLimitError : status === 408 ? TimeoutError : HostBillApiError;
  return new ErrorClass(message, { request, status, body });
}
