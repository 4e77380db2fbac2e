import { withSafeDescription, type AuthStrategy } from './types.js';

/** A JWT the user already holds (from their own login flow); no refresh is attempted. */
export function bearerToken(token: string | (() => string | Promise<string>)): AuthStrategy {
  const read = typeof token === 'function' ? token : () => token;
  const strategy: AuthStrategy = {
    kind: 'bearer',
    attach() {},
    async authorize(headers) {
      headers.set('authorization', `Bearer ${await read()}`);
      return 'bearer';
    },
  };
  return withSafeDescription(strategy);
}
