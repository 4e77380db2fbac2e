/**
 * Secrets never reach an error message, a log line or a snapshot. Two nets: fields whose NAME says
 * secret (whatever the value), and the VALUES this client holds (its password, tokens, Basic
 * header), wherever a server echoes them.
 */
export const REDACTED = '[redacted]';

const SECRET_NAME = /^(authorization|proxy-authorization|cookie|set-cookie|password\w*|passwd|secret\w*|client_secret|api_?key|apikey|x-api-key|token|access_token|refresh|refresh_token|id_token|\w+_token|\w*private_key)$/i;

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** Secret-named JSON string fields inside raw text (a truncated body may not parse). */
const SECRET_FIELD_IN_TEXT = /("(?:authorization|password\w*|passwd|secret\w*|api_?key|token|access_token|refresh|refresh_token|id_token|\w+_token)"\s*:\s*")((?:[^"\\]|\\.)*)("?)/gi;
const CREDENTIAL_IN_TEXT = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;

export interface Redactor {
  text(text: string): string;
  value<T>(value: T): T;
  url(url: string): string;
}

/** A redactor that also masks every known secret value (shorter than 4 characters would mask noise). */
export function createRedactor(known: () => Iterable<string> = () => []): Redactor {
  const maskKnown = (text: string) => {
    let out = text;
    for (const secret of known()) {
      if (secret.length < 4) continue;
      for (const form of new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])) {
        if (out.includes(form)) out = out.split(form).join(REDACTED);
      }
    }
    return out;
  };
  const text = (value: string) => maskKnown(value.replace(SECRET_FIELD_IN_TEXT, (_m, open: string, _s: string, close: string) => `${open}${REDACTED}${close}`).replace(CREDENTIAL_IN_TEXT, `$1 ${REDACTED}`));
  const value = <T>(input: T, depth = 0): T => {
    if (typeof input === 'string') return text(input) as T;
    if (depth > 64 || input === null || typeof input !== 'object') return input;
    if (Array.isArray(input)) return input.map((item) => value(item, depth + 1)) as T;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(input)) {
      // defineProperty: a `__proto__` key stays a plain own key instead of swapping the prototype
      Object.defineProperty(out, key, { value: isSecretName(key) ? REDACTED : value(item, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out as T;
  };
  const url = (raw: string) => {
    try {
      const parsed = new URL(raw);
      if (parsed.username || parsed.password) {
        parsed.username = REDACTED;
        parsed.password = '';
      }
      for (const name of [...parsed.searchParams.keys()]) if (isSecretName(name)) parsed.searchParams.set(name, REDACTED);
      return text(parsed.toString());
    } catch {
      return text(raw);
    }
  };
  return { text, value: (input) => value(input), url };
}

/** For places that know no client: names and credential-looking text only. */
export const PLAIN_REDACTOR = /* @__PURE__ */ createRedactor();

/** Headers as a plain object, lower-case names, secret-named values masked. */
export function maskHeaders(headers: Headers | Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const entries = typeof (headers as Headers).forEach === 'function' && typeof (headers as Headers).get === 'function' ? [...(headers as Headers).entries()] : Object.entries(headers);
  for (const [name, value] of entries) out[name.toLowerCase()] = isSecretName(name) ? REDACTED : value;
  return out;
}
