import { assertHeaderSafe } from '../request.js';
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
  // RFC 7617: the user-id cannot hold a colon; the server would split it at the wrong place
  if (username.includes(':')) throw new TypeError('basicAuth: the username may not contain ":"');
  assertHeaderSafe(username, 'basicAuth: the username');
  assertHeaderSafe(password, 'basicAuth: the password');
  const encoded = base64Utf8(`${username}:${password}`);
  const header = `Basic ${encoded}`;
  const bound = {
    async authorize(headers: Record<string, string>) {
      headers.authorization = header;
      return 'basic';
    },
    secrets: () => [password, encoded],
  };
  return withSafeDescription({ kind: 'basic', bind: () => bound }, username);
}
