import { isAuthenticationError, isHostBillApiError, isNetworkError, isTimeoutError } from '@hostbill-api/runtime';

/** Documented exit codes. */
export const EXIT = { ok: 0, api: 1, usage: 2, auth: 3, network: 4, interrupted: 130 } as const;

/** A mistake in how the command was called (exit 2); its message says what to type instead. */
export class UsageError extends Error {}

export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (isAuthenticationError(error)) return EXIT.auth;
  if (isTimeoutError(error) || isNetworkError(error)) return EXIT.network;
  if (isHostBillApiError(error)) return EXIT.api;
  return EXIT.api;
}
