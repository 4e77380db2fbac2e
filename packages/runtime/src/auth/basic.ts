import { withSafeDescription, type AuthStrategy } from './types.js';

export interface BasicAuthOptions {
  /** client-area e-mail address */
  username: string;
  password: string;
}

/** `btoa` only takes Latin-1; passwords may be any Unicode, so encode as UTF-8 first. */
function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** HTTP Basic: client-area e-mail and password with every request (Hostens, any HostBill). */
export function basicAuth({ username, password }: BasicAuthOptions): AuthStrategy {
  const header = `Basic ${base64Utf8(`${username}:${password}`)}`;
  const strategy: AuthStrategy = {
    kind: 'basic',
    attach() {},
    async authorize(headers) {
      headers.set('authorization', header);
      return 'basic';
    },
  };
  return withSafeDescription(strategy, username);
}
