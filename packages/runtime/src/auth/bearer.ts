import { describeStrategy, type AuthStrategy } from './types.js';

/** A JWT the user already holds (from their own login flow); no refresh is attempted. */
export function bearerToken(token: string | (() => string | Promise<string>)): AuthStrategy {
  const read = typeof token === 'function' ? token : () => token;
  return {
    kind: 'bearer',
    attach() {},
    async authorize(headers) {
      headers.set('authorization', `Bearer ${await read()}`);
      return 'bearer';
    },
    toString: () => describeStrategy('bearer'),
    toJSON: () => describeStrategy('bearer'),
    [Symbol.for('nodejs.util.inspect.custom')]: () => describeStrategy('bearer'),
  } as AuthStrategy;
}
