/**
 * A response body with every value that may be secret or personal replaced by a placeholder of the
 * same JSON type, for recordings that become committed evidence. Structure, keys, booleans and
 * nulls stay; numbers keep only their kind (integer `0`, fraction `0.5`); a string stays only when
 * it looks like an enum value (short, a word, under a key that names a state or repeated in the
 * body) and is nothing the client holds. Everything else becomes `<email>`, `<ip>`, `<jwt>`, ...
 */

/** Keys whose values are personal or secret whatever they look like. */
const SENSITIVE_KEY = /pass|secret|token|auth|key|session|cookie|sign|hash|salt|otp|pin$|cvv|card|iban|account|email|mail|phone|mobile|fax|name|first|last|address|street|city|zip|post|country|state$|company|contact|birth|ssn|vat|tax|ip$|ip_|host|user|login|note|comment|message|description|subject|body|text|content|answer|question/i;
/** Keys whose values are states or kinds: an enum-shaped value there stays. */
const ENUM_KEY = /status|type|kind|cycle|period|currency|method|mode|level|priority|unit|format|os$|module|result|severity|gateway|billing/i;
const ENUM_SHAPE = /^[A-Za-z][A-Za-z_ -]{0,23}$/;

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
const JWT = /^[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*$/;
const IPV4 = /\b\d{1,3}(\.\d{1,3}){3}\b/;
const IPV6 = /(^|[^\w:])([0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}($|[^\w:])/i;
const DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const DIGITS = /^[\d\s.+()-]+$/;
const AUTH_SCHEME = /^(basic|bearer|digest)\s/i;

/** What a string is, as a placeholder that says its shape and nothing of its value. */
function placeholder(value: string): string {
  if (JWT.test(value)) return '<jwt>';
  if (AUTH_SCHEME.test(value)) return '<credential>';
  if (EMAIL.test(value)) return '<email>';
  if (IPV4.test(value)) return '<ipv4>';
  if (IPV6.test(value) && value.includes(':') && !/^\d{1,2}:\d{2}/.test(value)) return '<ipv6>';
  if (DATE.test(value)) return '<date>';
  if (value === '') return '';
  if (DIGITS.test(value)) return '<digits>';
  return '<text>';
}

function countStrings(value: unknown, counts: Map<string, number>): void {
  if (typeof value === 'string') counts.set(value, (counts.get(value) ?? 0) + 1);
  else if (Array.isArray(value)) for (const item of value) countStrings(item, counts);
  else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) countStrings(item, counts);
}

/** `secrets`: what the client holds (password, tokens); a string containing one never survives. */
export function redactBody(body: unknown, secrets: readonly string[] = []): unknown {
  const counts = new Map<string, number>();
  countStrings(body, counts);
  const held = secrets.filter((s) => s.length >= 4);
  const keep = (value: string, key: string | undefined): boolean => {
    if (!ENUM_SHAPE.test(value) || held.some((secret) => value.includes(secret))) return false;
    if (key !== undefined && SENSITIVE_KEY.test(key) && !ENUM_KEY.test(key)) return false;
    return (key !== undefined && ENUM_KEY.test(key)) || (counts.get(value) ?? 0) >= 2;
  };
  const walk = (value: unknown, key: string | undefined): unknown => {
    if (value === null || typeof value === 'boolean') return value;
    if (typeof value === 'number') return Number.isInteger(value) ? 0 : 0.5;
    if (typeof value === 'string') return keep(value, key) ? value : placeholder(value);
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [name, item] of Object.entries(value)) {
        // a key can be personal too (a map keyed by e-mail addresses); keys that are ids or words stay
        const safeName = EMAIL.test(name) || IPV4.test(name) || held.some((secret) => name.includes(secret)) ? placeholder(name) : name;
        Object.defineProperty(out, safeName, { value: walk(item, name), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return null;
  };
  return walk(body, undefined);
}
