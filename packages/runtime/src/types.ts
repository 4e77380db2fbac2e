import type { ParamsOption, RequestBodyOption } from 'openapi-fetch';
import type { ErrorResponse, FilterKeys, HttpMethod, MediaType, PathsWithMethod, Readable, RequiredKeysOf, ResponseObjectMap, SuccessResponse } from 'openapi-typescript-helpers';
import type { AuthStrategy } from './auth/types.js';
import type { ParseAs } from './body.js';
import type { Logger } from './log.js';
import type { HeaderInput } from './request.js';
import type { ResponseDrift } from './errors.js';
import type { RetryOptions } from './retry.js';
import type { RecordedExchange } from './record.js';
import type { ResponseValidatorsInput, ValidateResponses } from './validate.js';

/** Options every call takes, and every client takes as its defaults. */
export interface CallOptions<Throw extends boolean = boolean> {
  /** one attempt, body included; default 60 000 ms */
  timeoutMs?: number;
  /** the whole call: every attempt and every wait between them; default 120 000 ms */
  totalTimeoutMs?: number;
  /** default: 2 retries of idempotent calls on 408/429/5xx, network errors and garbled answers; `false` for none */
  retry?: RetryOptions | false;
  /** throw typed errors instead of returning `{ error }` (a throwing client cannot be told not to, per call) */
  throwOnError?: Throw extends true ? true : boolean;
  /** refuse bodies larger than this many bytes with an InvalidResponseError */
  maxResponseBytes?: number;
  /** check 200 JSON answers against the spec: `off` (default), `warn` (each drift once), `throw` (ResponseValidationError); needs `validators` */
  validateResponses?: ValidateResponses;
}

/** Per call only. */
export interface RequestOptions<Throw extends boolean = boolean> extends CallOptions<Throw> {
  /** the caller's cancel: rejects with an AbortError naming the operation */
  signal?: AbortSignal;
  /** extra headers for this call (`undefined` removes a client header) */
  headers?: HeaderInput;
  /** how to read a 2xx body; default `auto`: JSON where JSON is due, text otherwise */
  parseAs?: ParseAs;
  /** passed to fetch as they are */
  cache?: RequestCache;
  credentials?: RequestCredentials;
  keepalive?: boolean;
  mode?: RequestMode;
  redirect?: RequestRedirect;
  referrer?: string;
  referrerPolicy?: ReferrerPolicy;
  integrity?: string;
}

export interface ProviderClientOptions<Throw extends boolean = boolean> extends CallOptions<Throw> {
  /** `basicAuth(...)`, `jwtAuth(...)` or `bearerToken(...)`; omit for the few open endpoints */
  auth?: AuthStrategy;
  /** defaults to the provider's API URL from its spec */
  baseUrl?: string;
  /** a custom fetch (tests, proxies, other runtimes) */
  fetch?: typeof fetch;
  /** receives every request, response, retry and error with secrets masked; see consoleLogger() */
  logger?: Logger;
  /** extra headers for every request */
  headers?: HeaderInput;
  /** the provider's compiled response checks, loaded on the first validated call: `() => import('@hostbill-api/hostens/validators')` */
  validators?: ResponseValidatorsInput;
  /** receives each drift once in `warn` mode (operation, pointer, expected, seen; never the value); default `console.warn` */
  onResponseDrift?: (drift: ResponseDrift) => void;
  /**
   * append every answer, redacted (no secret or personal value, no request header), to a JSON Lines file
   * for `pnpm specs:learn`; Node only: `recordResponses: recordResponses({ path })` from `@hostbill-api/<provider>/record`
   */
  recordResponses?: ResponseRecording;
}

/** What `recordResponses({ path })` makes: the client opens it with a view of the secrets it holds. */
export interface ResponseRecording {
  open(secrets: () => readonly string[], warn?: (message: string) => void): (exchange: RecordedExchange) => Promise<void>;
}

/** The second argument of a call: the operation's params and body, plus our options. */
export type CallInit<Operation, Throw extends boolean> = ParamsOption<Operation> & RequestBodyOption<Operation> & RequestOptions<Throw>;

/** The rest parameter of a call: optional when the operation needs nothing, required otherwise. */
export type InitArgs<Operation, Throw extends boolean> =
  RequiredKeysOf<CallInit<Operation, Throw>> extends never ? [init?: CallInit<Operation, Throw>] : [init: CallInit<Operation, Throw>];

/** The documented 2xx body of an operation. */
export type SuccessData<Operation> = Operation extends Record<string | number, any> ? Readable<SuccessResponse<ResponseObjectMap<Operation>, MediaType>> : never;
/** The documented error body; a non-JSON answer (an HTML 502 page) arrives as its text. */
export type ErrorData<Operation> = (Operation extends Record<string | number, any> ? Readable<ErrorResponse<ResponseObjectMap<Operation>, MediaType>> : never) | string;

export type Success<Operation> = { data: SuccessData<Operation>; error?: never; response: Response };
export type Failure<Operation> = { data?: never; error: ErrorData<Operation>; response: Response };

/** `{ data }` or `{ error }`; a client made with `throwOnError: true` only ever returns `{ data }`. */
export type CallResult<Operation, Throw extends boolean> = Throw extends true ? Success<Operation> : Success<Operation> | Failure<Operation>;

/** The operation object of `paths[Path][Method]`. */
export type OperationOf<Paths, Path extends keyof Paths, Method extends HttpMethod> = FilterKeys<Paths[Path], Method>;

export interface ClientMethod<Paths extends {}, Method extends HttpMethod, Throw extends boolean> {
  /** `throwOnError: true` for this call: the answer is always `{ data }` */
  <Path extends PathsWithMethod<Paths, Method>>(path: Path, init: CallInit<OperationOf<Paths, Path, Method>, Throw> & { throwOnError: true }): Promise<Success<OperationOf<Paths, Path, Method>>>;
  <Path extends PathsWithMethod<Paths, Method>>(path: Path, ...init: InitArgs<OperationOf<Paths, Path, Method>, Throw>): Promise<CallResult<OperationOf<Paths, Path, Method>, Throw>>;
}

/**
 * A typed client over a provider's `paths`: openapi-fetch's call shape
 * (`client.GET('/server/{server_id}', { params: { path: { server_id: 113 } } })`) with our options.
 * Unknown options and unknown body fields are compile errors.
 */
/** Type-only: ties a client to its API, so an operation function refuses another provider's client. */
declare const API: unique symbol;

export interface HostBillClient<Paths extends {}, Throw extends boolean = false> {
  /** never set; makes `HostBillClient<A>` and `HostBillClient<B>` different types */
  readonly [API]?: Paths;
  GET: ClientMethod<Paths, 'get', Throw>;
  PUT: ClientMethod<Paths, 'put', Throw>;
  POST: ClientMethod<Paths, 'post', Throw>;
  DELETE: ClientMethod<Paths, 'delete', Throw>;
  PATCH: ClientMethod<Paths, 'patch', Throw>;
  HEAD: ClientMethod<Paths, 'head', Throw>;
  OPTIONS: ClientMethod<Paths, 'options', Throw>;
  /** any method by name: `client.request('get', '/service')` */
  request<Method extends HttpMethod, Path extends PathsWithMethod<Paths, Method>>(
    method: Method,
    path: Path,
    init: CallInit<OperationOf<Paths, Path, Method>, Throw> & { throwOnError: true },
  ): Promise<Success<OperationOf<Paths, Path, Method>>>;
  request<Method extends HttpMethod, Path extends PathsWithMethod<Paths, Method>>(
    method: Method,
    path: Path,
    ...init: InitArgs<OperationOf<Paths, Path, Method>, Throw>
  ): Promise<CallResult<OperationOf<Paths, Path, Method>, Throw>>;
  /** the base URL every path is appended to */
  readonly baseUrl: string;
}

/** A provider's factory: `throwOnError: true` gives a client whose `data` is never undefined. */
export interface ProviderClientFactory<Paths extends {}, BaseUrl extends 'optional' | 'required'> {
  (options: FactoryOptions<BaseUrl> & { throwOnError: true }): HostBillClient<Paths, true>;
  (...options: BaseUrl extends 'optional' ? [options?: FactoryOptions<BaseUrl> & { throwOnError?: false }] : [options: FactoryOptions<BaseUrl> & { throwOnError?: false }]): HostBillClient<Paths, false>;
  (options: FactoryOptions<BaseUrl>): HostBillClient<Paths, boolean>;
}

/** A factory's options: `baseUrl` is required where the provider has no default. */
export type FactoryOptions<BaseUrl extends 'optional' | 'required'> = BaseUrl extends 'required' ? ProviderClientOptions & { baseUrl: string } : ProviderClientOptions;
