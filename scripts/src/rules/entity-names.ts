import { pascalCase } from './naming.js';

/**
 * Which entity a response record is, from what the answer and the path say: the wrapper key that holds
 * it (`{"service": {...}}`, `{"invoices": [...]}`), or, for a GET answering the record itself, the
 * path's resource (`GET /server/{server_id}` -> Server, `GET /scripts` -> Script). One function for the
 * rule that pools records and for the audit that checks it, so both see the same entities.
 */

/** Wrapper words that say nothing of what they hold: the path's resource qualifies them (`/balance` `details` -> BalanceDetail). */
const GENERIC_WRAPPERS = new Set(['data', 'detail', 'details', 'info', 'item', 'items', 'list', 'result', 'results', 'summary']);

/** `categories` -> `category`, `statuses` -> `status`, `services` -> `service`; short words (`dns`, `vps`, `ips`) stay. */
export function singular(word: string): string {
  if (word.length <= 3) return word;
  // an abbreviation's plural: `oses` -> `os`
  if (/^..?ses$/.test(word)) return word.slice(0, -2);
  if (/ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh|us)es$/.test(word)) return word.slice(0, -2);
  if (/[^su]s$/.test(word)) return word.slice(0, -1);
  return word;
}

const entityName = (word: string) => {
  const name = pascalCase(word.toLowerCase().replace(/[^a-z0-9]+/g, '_'));
  return /^[A-Z][A-Za-z0-9]*$/.test(name) ? name : undefined;
};

const literals = (path: string) => path.split('/').filter((s) => s !== '' && !s.startsWith('{'));

/** The spec's resources: every path's first segment (`/service/{id}/dns` -> service). */
export function topResources(paths: Iterable<string>): Set<string> {
  return new Set([...paths].map((p) => singular(literals(p)[0] ?? '')).filter(Boolean));
}

/** Type names a user's code already means (`Record`, `Map`): an entity of that word is qualified too. */
const GLOBAL_WORDS = new Set(['array', 'date', 'error', 'map', 'object', 'promise', 'record', 'request', 'response', 'set', 'string', 'symbol']);

/**
 * The path's resource that qualifies a wrapper: its last literal segment other than the wrapper's own
 * word, skipping a lookup segment (`/domain/name/{name}` is a domain looked up by name, not a "name").
 */
function qualifier(path: string, word: string): string | undefined {
  const segments = path.split('/').filter(Boolean);
  const names = segments.flatMap((s, i) => {
    if (s.startsWith('{')) return [];
    const next = /^\{(.+)\}$/.exec(segments[i + 1] ?? '')?.[1];
    const noun = singular(s.toLowerCase());
    return noun === word || next === s ? [] : [noun];
  });
  return names.at(-1);
}

/**
 * The entity a wrapper key holds: its singular (`services` -> Service), qualified by the path's resource
 * when the word is generic (`/balance` `details` -> BalanceDetail, `/service/{id}/dns/{zone_id}` `records`
 * -> DnsRecord) or names another resource of the spec (`/certificate/{id}` answering `service` ->
 * CertificateService, for a certificate is not every service).
 */
export function wrapperEntity(key: string, path: string, resources: ReadonlySet<string>): string | undefined {
  const word = singular(key.toLowerCase());
  const segments = literals(path).map((s) => singular(s.toLowerCase()));
  const generic = GENERIC_WRAPPERS.has(key.toLowerCase()) || GLOBAL_WORDS.has(word);
  const other = !segments.includes(word) && resources.has(word) && word !== segments[0];
  const by = generic || other ? qualifier(path, word) : undefined;
  return entityName(by ? `${by}_${word}` : word);
}

/**
 * The entity a GET answers when its answer is the record itself: an item path's parameter names it
 * (`/task/{task_id}` -> Task, `/dns/{zone_id}` -> Zone), else the last literal segment (`/scripts/{id}`,
 * `/scripts` -> Script). Only GETs: what a POST answers (`{ "task_id": 7 }`) is not the path's resource.
 */
export function pathEntity(method: string, path: string): string | undefined {
  if (method.toLowerCase() !== 'get') return undefined;
  const segments = path.split('/').filter(Boolean);
  const last = segments.at(-1) ?? '';
  const param = /^\{(.+)_id\}$/.exec(last)?.[1];
  if (param) return entityName(singular(param));
  const word = literals(path).at(-1);
  return word ? entityName(singular(word)) : undefined;
}

/** A GET answering a record itself is an entity when its path names one item, or the record has an id. */
export function isItemPath(path: string): boolean {
  return /\/\{[^}]+\}$/.test(path);
}

export const hasIdKey = (keys: string[]) => keys.some((k) => k === 'id' || k.endsWith('_id'));
