import type { OpenApi } from '../model.js';
import { INFERRED, joinTypes, typesOf, type JsonSchema } from './infer-schema.js';

/**
 * Every provider runs the same HostBill, so a Service is one entity whichever host answers with it:
 * what one provider's examples show of it is evidence for all of them. pio-hosting's only service
 * record has `password`, hostens's service records do not; a key is required only when every
 * record of every provider has it, and a field is typed by every provider's values (`"5"` here, `5`
 * there: `string | integer`). Like traffic evidence this only widens: a required key becomes
 * optional, a type gains members; no property is added, so a provider's types name only fields its
 * own vendor shows. Entities are matched by name (the same rules name them for every provider); a
 * component the vendor's own file declares keeps the vendor's word.
 */
export interface PeerComponents {
  provider: string;
  /** the peer's entity components, as they were before any provider was relaxed */
  schemas: Readonly<Record<string, JsonSchema>>;
}

export interface PoolChanges {
  /** `password (hostens)`: keys no longer required, with the provider whose records lack them */
  optional: string[];
  /** `id: string|integer (hostens)` */
  widened: string[];
}

const isObject = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);
/** only what inference writes: a vendor's `enum`, a `$ref` or an `anyOf` is a statement, not a tally of examples */
const isInferred = (schema: unknown): schema is JsonSchema => isObject(schema) && Object.keys(schema).length > 0 && Object.keys(schema).every((k) => INFERRED.has(k));

/** Widens `own` in place by what `peer` shows of the same thing; `at` names the place for the log. */
export function relaxBy(own: JsonSchema, peer: JsonSchema, provider: string, changes: PoolChanges, at = ''): void {
  if (!isInferred(own) || !isInferred(peer)) return;
  const before = typesOf(own);
  const types = joinTypes(own, peer);
  if (types.join('|') !== before.join('|')) {
    own.type = types.length === 1 ? types[0] : types;
    changes.widened.push(`${at || '(the record)'}: ${types.join('|')} (${provider})`);
  }
  if (before.includes('object') && typesOf(peer).includes('object') && own.required) {
    const kept = own.required.filter((key) => peer.required?.includes(key));
    for (const key of own.required.filter((k) => !kept.includes(k))) changes.optional.push(`${at ? `${at}.` : ''}${key} (${provider})`);
    if (kept.length) own.required = kept;
    else delete own.required;
  }
  for (const [key, schema] of Object.entries(own.properties ?? {})) {
    if (peer.properties && Object.hasOwn(peer.properties, key)) relaxBy(schema, peer.properties[key]!, provider, changes, at ? `${at}.${key}` : key);
  }
  if (own.items && peer.items) relaxBy(own.items, peer.items, provider, changes, `${at}[]`);
  if (isObject(own.additionalProperties) && isObject(peer.additionalProperties)) relaxBy(own.additionalProperties, peer.additionalProperties as JsonSchema, provider, changes, `${at}{}`);
}

/**
 * Relaxes each entity component of `spec` (`entities`: the names the pooling rule gave; a whole
 * answer's component is named by its operation, and two providers' `GetGadgetResponse` may answer
 * different paths) by the same-named components of its peers, in place, and returns what changed
 * per component (only components that changed).
 */
export function poolAcrossProviders(spec: OpenApi, peers: readonly PeerComponents[], entities: ReadonlySet<string>): Map<string, PoolChanges> {
  const schemas = (spec.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const changed = new Map<string, PoolChanges>();
  for (const name of Object.keys(schemas).sort()) {
    if (!entities.has(name)) continue;
    const changes: PoolChanges = { optional: [], widened: [] };
    for (const peer of [...peers].sort((a, b) => (a.provider < b.provider ? -1 : 1))) {
      if (Object.hasOwn(peer.schemas, name)) relaxBy(schemas[name]!, peer.schemas[name]!, peer.provider, changes);
    }
    if (changes.optional.length || changes.widened.length) changed.set(name, changes);
  }
  return changed;
}
