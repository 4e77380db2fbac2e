/**
 * Secrets never reach an error message, a log line or a snapshot: these names are masked wherever a
 * request or response is described, whatever their case.
 */
const SECRET_NAMES = new Set(['authorization', 'password', 'token', 'refresh', 'refresh_token', 'proxy-authorization', 'cookie', 'set-cookie']);
export const REDACTED = '[redacted]';

export function isSecretName(name: string): boolean {
  return SECRET_NAMES.has(name.toLowerCase());
}

/** Deep copy of a JSON-like value with every secret-named field masked. */
export function redact<T>(value: T): T {
  if (typeof value === 'string') return redactText(value) as T;
  if (Array.isArray(value)) return value.map(redact) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, isSecretName(k) ? REDACTED : redact(v)])) as T;
  }
  return value;
}

export function redactHeaders(headers: Headers | Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers ?? {});
  for (const [name, value] of entries) out[name.toLowerCase()] = isSecretName(name) ? REDACTED : value;
  return out;
}

/** A URL with secret-named query parameters and any user:password masked. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username || parsed.password) {
      parsed.username = REDACTED;
      parsed.password = '';
    }
    for (const name of [...parsed.searchParams.keys()]) if (isSecretName(name)) parsed.searchParams.set(name, REDACTED);
    return parsed.toString();
  } catch {
    return url;
  }
}

const SECRET_IN_TEXT = /("(?:authorization|password|token|refresh|refresh_token)"\s*:\s*")((?:[^"\\]|\\.)*)("?)/gi;

/**
 * Masks secret-named JSON string fields inside raw text (a truncated or otherwise unparsable body
 * still must not leak a token into an error message), plus `Bearer`/`Basic` credentials.
 */
export function redactText(text: string): string {
  return text.replace(SECRET_IN_TEXT, (_m, open: string, _secret: string, close: string) => `${open}${REDACTED}${close}`).replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, `$1 ${REDACTED}`);
}
