import { assertHeaderSafe } from '../request.js';
import { withSafeDescription, type AuthStrategy } from './types.js';

/** A JWT the user already holds (from their own login flow); no refresh is attempted. */
export function bearerToken(token: string | (() => string | Promise<string>)): AuthStrategy {
  if (typeof token === 'string') assertHeaderSafe(token, 'bearerToken: the token');
  const read = typeof token === 'function' ? token : () => token;
  let last: string | undefined;
  const bound = {
    async authorize(headers: Record<string, string>) {
      const value = await read();
      if (typeof value !== 'string' || value === '') throw new TypeError('bearerToken: the token function returned no token');
      assertHeaderSafe(value, 'bearerToken: the token');
      last = value;
      headers.authorization = `Bearer ${value}`;
      return value;
    },
    secrets: () => (last === undefined ? [] : [last]),
  };
  return withSafeDescription({ kind: 'bearer', bind: () => bound });
}
