import { maskHeaders, type Redactor, PLAIN_REDACTOR } from './redact.js';

export interface RequestDescription {
  method: string;
  url: string;
  /** `METHOD /path/{template}` when the client knows it */
  operation?: string;
}

/** What an error is made from: the request, and the answer when there was one. */
export interface ErrorDetails {
  request: RequestDescription;
  status?: number;
  body?: unknown;
  headers?: Headers;
  cause?: unknown;
  /** masks what this client holds (credentials, tokens) in every text the error shows */
  redactor?: Redactor;
}

/** Same brand in every copy of this package (ESM and CJS builds loaded side by side), so guards work across them. */
const BRAND = Symbol.for('@hostbill-api/runtime.error');
const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-correlation-id', 'x-amzn-requestid', 'cf-ray'];

/**
 * Base of every error the clients throw. Carries what a user needs to act (status, the request,
 * HostBill's own `error: [...]` messages, response headers, the body) and nothing secret.
 */
export class HostBillApiError extends Error {
  override name = 'HostBillApiError';
  readonly status: number | undefined;
  readonly method: string;
  readonly url: string;
  readonly operation: string | undefined;
  /** HostBill's `error` array, when the body had one (masked) */
  readonly messages: string[];
  /** the response body: parsed JSON or the raw text, secrets masked */
  readonly body: unknown;
  /** response headers, secret-named ones masked; empty when no answer arrived */
  readonly headers: Record<string, string>;
  /** the server's request id header (`x-request-id` and kin), for support tickets */
  readonly requestId: string | undefined;

  constructor(message: string, details: ErrorDetails) {
    const redactor = details.redactor ?? PLAIN_REDACTOR;
    super(redactor.text(message), details.cause === undefined ? undefined : { cause: details.cause });
    this.status = details.status;
    this.method = details.request.method.toUpperCase();
    this.url = redactor.url(details.request.url);
    this.operation = details.request.operation;
    this.body = redactor.value(details.body);
    this.messages = messagesOf(this.body);
    this.headers = maskHeaders(details.headers);
    this.requestId = REQUEST_ID_HEADERS.map((name) => this.headers[name]).find((id) => id !== undefined);
    Object.defineProperty(this, BRAND, { value: true });
  }

  /** Serialized form, for loggers: the same masked fields, never the credentials. */
  toJSON() {
    const { name, message, status, method, url, operation, messages, body, requestId } = this;
    return { name, message, status, method, url, operation, messages, body, requestId };
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
  /** how long the server asked us to wait (`Retry-After`), when it said */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, details: ErrorDetails & { retryAfterMs?: number }) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}
/** No answer within `timeoutMs` (one attempt) or `totalTimeoutMs` (the whole call), or HTTP 408. */
export class TimeoutError extends HostBillApiError {
  override name = 'TimeoutError';
  /**
   * `'total'`: the call's whole budget (`totalTimeoutMs`) ran out, so nothing may retry it, not even
   * a caller further out (a login inside a call); `'attempt'`: one attempt's `timeoutMs`, or an HTTP 408.
   */
  readonly budget: 'attempt' | 'total';
  constructor(message: string, details: ErrorDetails & { budget?: 'attempt' | 'total' }) {
    super(message, details);
    this.budget = details.budget ?? 'attempt';
  }
}
/** The caller's `signal` aborted the call; `cause` is the signal's reason. */
export class AbortError extends HostBillApiError {
  override name = 'AbortError';
}
/** No HTTP answer: refused, reset, DNS. `code` is the system's (`ECONNREFUSED`), when known. */
export class NetworkError extends HostBillApiError {
  override name = 'NetworkError';
  readonly code: string | undefined;
  constructor(message: string, details: ErrorDetails & { code?: string }) {
    super(message, details);
    this.code = details.code;
  }
}
/** The answer was not what it should be: an HTML page or truncated JSON where JSON was due, or too big. */
export class InvalidResponseError extends HostBillApiError {
  override name = 'InvalidResponseError';
}
/** The request could not be sent as asked (a path parameter `..`, a header with a line break): nothing was sent. */
export class InvalidRequestError extends HostBillApiError {
  override name = 'InvalidRequestError';
}

/**
 * One place where an answer does not match the spec. Never the value itself: answers hold
 * personal data, so a drift names the place, the expected shape and the JSON type seen.
 */
export interface ResponseDrift {
  /** `GET /server/{server_id}` */
  operation: string;
  /** JSON pointer into the body, `/ram_used`; `''` for the body itself */
  pointer: string;
  /** `type`: another JSON type; `missing`: a required field is absent; `extra`: a field the spec does not know; else the schema keyword */
  kind: string;
  /** what the spec says: `integer`, `string | null`, `present`, `absent`, `one of 3 values` */
  expected: string;
  /** the JSON type found (`string`, `null`, `object`, ...), or `absent` */
  seen: string;
}

/** `throw` mode: the 200 answer did not match the operation's response schema. */
export class ResponseValidationError extends HostBillApiError {
  override name = 'ResponseValidationError';
  /** every drift of this answer, each with its pointer, kind, expected and seen */
  readonly drifts: ResponseDrift[];
  constructor(message: string, details: Omit<ErrorDetails, 'body'> & { drifts: ResponseDrift[] }) {
    super(message, details); // no body: it may hold personal data, and the drifts say what was wrong
    this.drifts = details.drifts;
  }
  override toJSON() {
    return { ...super.toJSON(), drifts: this.drifts };
  }
}

type ErrorClass<E> = abstract new (...args: never[]) => E;

/** `instanceof` that also holds across two loaded copies of this package (ESM + CJS). */
function guard<E extends HostBillApiError>(Class: ErrorClass<E>, name: string) {
  return (value: unknown): value is E => value instanceof Class || (isBranded(value) && (name === 'HostBillApiError' || value.name === name));
}
function isBranded(value: unknown): value is HostBillApiError {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

export const isHostBillApiError = /* @__PURE__ */ guard(HostBillApiError, 'HostBillApiError');
export const isAuthenticationError = /* @__PURE__ */ guard(AuthenticationError, 'AuthenticationError');
export const isNotFoundError = /* @__PURE__ */ guard(NotFoundError, 'NotFoundError');
export const isRateLimitError = /* @__PURE__ */ guard(RateLimitError, 'RateLimitError');
export const isTimeoutError = /* @__PURE__ */ guard(TimeoutError, 'TimeoutError');
export const isAbortError = /* @__PURE__ */ guard(AbortError, 'AbortError');
export const isNetworkError = /* @__PURE__ */ guard(NetworkError, 'NetworkError');
export const isInvalidResponseError = /* @__PURE__ */ guard(InvalidResponseError, 'InvalidResponseError');
export const isInvalidRequestError = /* @__PURE__ */ guard(InvalidRequestError, 'InvalidRequestError');
export const isResponseValidationError = /* @__PURE__ */ guard(ResponseValidationError, 'ResponseValidationError');

/** `GET /server/{server_id}` when the operation is known, else the method and the (masked) URL. */
export function describeRequest(request: RequestDescription, redactor: Redactor = PLAIN_REDACTOR): string {
  return request.operation ?? `${request.method.toUpperCase()} ${redactor.url(request.url)}`;
}

function messagesOf(body: unknown): string[] {
  const error = (body as { error?: unknown } | null)?.error;
  if (Array.isArray(error)) return error.map(String);
  return typeof error === 'string' ? [error] : [];
}

/** Picks the class for an HTTP status and builds a message naming the request and HostBill's reasons. */
export function errorForStatus(status: number, details: Omit<ErrorDetails, 'status'> & { retryAfterMs?: number }): HostBillApiError {
  const redactor = details.redactor ?? PLAIN_REDACTOR;
  const messages = messagesOf(redactor.value(details.body));
  const message = `${describeRequest(details.request, redactor)} failed with HTTP ${status}${messages.length ? `: ${messages.join('; ')}` : ''}`;
  const all = { ...details, status };
  if (status === 401 || status === 403) return new AuthenticationError(message, all);
  if (status === 404) return new NotFoundError(message, all);
  if (status === 429) return new RateLimitError(message, all);
  if (status === 408) return new TimeoutError(message, all);
  return new HostBillApiError(message, all);
}
