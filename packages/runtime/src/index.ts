// The public surface, name by name: everything else is internal and may change in any release.
export { createProviderClient, defineProviderClient } from './client.js';
export { defineOperation, type OperationFunction } from './operation.js';
export type {
  CallInit,
  CallOptions,
  CallResult,
  ClientMethod,
  ErrorData,
  FactoryOptions,
  Failure,
  InitArgs,
  OperationOf,
  HostBillClient,
  ProviderClientFactory,
  ProviderClientOptions,
  RequestOptions,
  ResponseRecording,
  Success,
  SuccessData,
} from './types.js';
export type { ParseAs } from './body.js';
export type { HeaderInput } from './request.js';

export { basicAuth, type BasicAuthOptions } from './auth/basic.js';
export { bearerToken } from './auth/bearer.js';
export { jwtAuth, type JwtAuth, type JwtAuthOptions, type JwtSession } from './auth/jwt.js';
export type { AuthContext, AuthStrategy, BoundAuth } from './auth/types.js';

export type { ErrorDetails, RequestDescription } from './errors.js';
export {
  AbortError,
  AuthenticationError,
  HostBillApiError,
  InvalidRequestError,
  InvalidResponseError,
  NetworkError,
  NotFoundError,
  RateLimitError,
  TimeoutError,
  isAbortError,
  isAuthenticationError,
  isHostBillApiError,
  isInvalidRequestError,
  isInvalidResponseError,
  isNetworkError,
  isNotFoundError,
  isRateLimitError,
  isTimeoutError,
  isResponseValidationError,
  ResponseValidationError,
  type ResponseDrift,
} from './errors.js';
export type { RecordedExchange, RecordResponsesOptions } from './record.js';
export {
  defineResponseValidators,
  formatDrift,
  type ResponseChecker,
  type ResponseValidateFunction,
  type ResponseValidatorTable,
  type ResponseValidators,
  type ResponseValidatorsInput,
  type SchemaErrorLike,
  type ValidateResponses,
} from './validate.js';
export { isTransientError, type RetryOptions } from './retry.js';

export { poll, PollTimeoutError, type PollOptions } from './poll.js';
export { defineTaskWaiter, type TaskOf, type TaskParams, type TaskReading, type TaskWaiter } from './tasks.js';

export { consoleLogger, type Logger, type LogLevel, type TrafficEvent } from './log.js';
export { REDACTED, type Redactor } from './redact.js';
