import pluralize from 'pluralize';
import { forEachOperation, operationKey, type OpenApiOperation } from '../model.js';
import { pascalCase as pascal } from './naming.js';
import { pathTemplateNames } from './path-shape.js';
import type { Rule } from './types.js';

/**
 * The naming policy. Every operationId is camelCase and starts with a verb of VERBS. It is derived
 * from the method and the path, so one `METHOD /path` has one id in every provider and an id does
 * not change when a vendor renames its own; vendor text only picks the verb where the path names none:
 *
 * - GET is `get`, or `list` + plural noun when the last segment is a plural noun or the summary says
 *   "List" (`GET /service` -> `listServices`, `GET /balance` -> `getBalance`, `GET /server/{id}` -> `getServer`).
 * - Otherwise the verb is, first that applies: a last path segment that is a verb, or starts with one
 *   (`/reboot` -> `rebootServer`, `/changedns` -> `updateServerDns`, `/revoke`, `/login`); the
 *   summary's first word (`POST /token` "Refresh Token" -> `refreshToken`, "Add DNS Zone" -> create);
 *   a verb word of the vendor's id (`service_cycle_set` -> update); the method (post -> create,
 *   put/patch -> update, delete -> delete). A verb that is one of the path's own nouns
 *   (`POST /order` "Order ...") names the resource, not the action, and is skipped.
 * - The nouns are the path's literal segments in order; one a parameter follows names one item and is
 *   singular (`/vms/{vmid}` -> `Vm`); the last is singular for `create`, and plural for `list` where the
 *   summary or vendor id spells the plural (`/service` "List services"; `/notifications/new` keeps `New`). A path
 *   with no noun left (`POST /revoke`) takes the word after the verb in the summary or vendor id (`revokeToken`).
 * - A POST on `/x/{id}` that would read as the one on `/x` takes the noun its summary says it makes
 *   (`POST /tickets/{number}` "Create Reply" -> `createTicketReply`), else its parameters:
 *   `createOrderByProductId` (a GET cannot clash: `/x` with items is a `list`, its item a `get`).
 * - Other clashes: settled in path order, not document order; an id two operations share gets the
 *   path's parameters, then a number.
 *
 * The vendor's own id is kept in `x-vendor-operation-id` wherever it differs, so nothing is lost.
 */
export const VERBS: Record<string, string> = {
  ...Object.fromEntries(
    ['list', 'get', 'create', 'update', 'delete', 'head', 'options', 'trace',
      'reboot', 'reinstall', 'rebuild', 'rename', 'reset', 'flush', 'cancel', 'renew', 'refresh', 'revoke',
      'login', 'logout', 'register', 'rescue', 'unrescue', 'start', 'stop', 'shutdown', 'restart', 'close',
      'open', 'reopen', 'acknowledge', 'lookup', 'search', 'check', 'upgrade', 'downgrade', 'suspend',
      'unsuspend', 'resume', 'pause', 'apply', 'order', 'launch', 'sync', 'verify', 'validate', 'enable',
      'disable', 'activate', 'deactivate', 'send', 'resend', 'download', 'upload', 'move', 'transfer',
      'restore', 'mount', 'unmount', 'attach', 'detach', 'assign', 'unassign', 'import', 'export', 'approve',
      'reject', 'pay', 'refund', 'clone', 'resize', 'migrate', 'generate', 'calculate', 'confirm', 'power'].map((v) => [v, v]),
  ),
  // synonyms, so one action has one verb whichever word a vendor used
  add: 'create', new: 'create', insert: 'create',
  edit: 'update', change: 'update', modify: 'update', set: 'update', save: 'update',
  remove: 'delete', drop: 'delete', destroy: 'delete',
  fetch: 'get', show: 'get', read: 'get', retrieve: 'get',
  reg: 'register', ack: 'acknowledge', signin: 'login', logon: 'login', signout: 'logout', logoff: 'logout',
};

/** The canonical verb a word names; own keys only, so `constructor` in a path is a noun like any other. */
const verbOf = (word: string): string | undefined => (Object.hasOwn(VERBS, word) ? VERBS[word] : undefined);

/** Words that name a thing as often as an action: as a path's last segment they are its resource. */
const NOUN_VERBS = new Set(['order', 'transfer', 'export', 'import']);
const METHOD_VERB: Record<string, string> = { post: 'create', put: 'update', patch: 'update', delete: 'delete' };
const FILLER = new Set(['a', 'an', 'the', 'new', 'all', 'my', 'of', 'for', 'by']);

// abbreviations a plural rule would cut (`dns` -> `dn`), and words that name one record's facts
for (const word of ['dns', 'ns', 'vps', 'sms', 'ssl', 'details', 'news']) pluralize.addUncountableRule(word);
pluralize.addIrregularRule('os', 'oses');

const isPlural = (word: string) => pluralize.singular(word) !== word;
const words = (text: string) => text.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean).map((w) => w.toLowerCase());

/** `getServer` -> true, `cart_categories` / `service` / `vms_reboot` -> false: the style every id must have. */
export function isOperationIdInStyle(id: string): boolean {
  if (!/^[a-z][a-zA-Z0-9]*$/.test(id)) return false;
  const verb = /^[a-z0-9]+/.exec(id)![0];
  return verbOf(verb) === verb;
}

/** The canonical verb a path segment names: `reboot`, `ack` -> `acknowledge`, `changedns` -> `update` + `dns`. */
function segmentVerb(segment: string): { verb: string; rest: string } | undefined {
  const lower = segment.toLowerCase().replace(/[^a-z0-9]/g, '');
  const whole = verbOf(lower);
  if (whole && !NOUN_VERBS.has(lower)) return { verb: whole, rest: '' };
  // a whole verb of four letters or more in front of a noun of three or more (`resetpassword`, `flushfirewall`)
  for (let n = lower.length - 3; n >= 4; n--) {
    const head = lower.slice(0, n);
    const verb = verbOf(head);
    if (verb && !NOUN_VERBS.has(head)) return { verb, rest: lower.slice(n) };
  }
  return undefined;
}

/**
 * The verb a text names, with the word after it (`Refresh Token` -> refresh, token): a summary by its
 * first word, unless it offers a choice (`Enable/disable ...`); a vendor id by its first word
 * (`revokeToken`) or its last (`service_cancel`), where snake-case ids put the verb.
 */
function textVerb(text: string | undefined, kind: 'summary' | 'vendor'): { verb: string; noun?: string } | undefined {
  const plain = (text ?? '').replace(/<[^>]*>/g, ' ');
  if (kind === 'summary' && /^\s*[A-Za-z]+\s*\//.test(plain)) return undefined;
  const list = words(plain);
  const at = [0, ...(kind === 'vendor' ? [list.length - 1] : [])].find((i) => verbOf(list[i] ?? ''));
  if (at === undefined) return undefined;
  return { verb: verbOf(list[at]!)!, noun: list.slice(at + 1).find((w) => !FILLER.has(w) && !verbOf(w)) };
}

/** A segment's words in PascalCase, its last one singular, or plural where the evidence (`said`) spells the plural. */
const inflect = (segment: string, form: 'one' | 'many' | 'as-is', said: Set<string>) => {
  const parts = words(segment);
  const last = parts.pop() ?? '';
  const many = pluralize.plural(last);
  const word = form === 'one' ? pluralize.singular(last) : form === 'many' && said.has(many) ? many : last;
  return [...parts, word].map(pascal).join('');
};

/**
 * The id of `METHOD path` by the policy above; `summary` and `vendorId` only choose a verb the path does
 * not name. A POST on an item (`POST /order/{product_id}`) whose id would be its collection's
 * (`POST /order` -> `createOrder`) takes its parameters (`createOrderByProductId`) from the path alone,
 * so it reads the same in a provider that has the collection and one that has not.
 */
export function deriveOperationId(method: string, path: string, summary?: string, vendorId?: string): string {
  const id = baseOperationId(method, path, summary, vendorId);
  const parent = path.replace(/\/\{[^}]+\}$/, '');
  if (method === 'post' && parent !== path && parent !== '' && baseOperationId(method, parent, summary, vendorId) === id) {
    // what the summary says it makes, when that is no noun of the path ("Create Reply" on /tickets/{number})
    const said = textVerb(summary, 'summary');
    const nouns = new Set(path.split('/').flatMap((s) => (s.startsWith('{') ? [] : words(s).map((w) => pluralize.singular(w)))));
    const made = said?.noun && id.startsWith(said.verb) ? pluralize.singular(said.noun) : undefined;
    if (made && !nouns.has(made)) return `${id}${pascal(made)}`;
    return `${id}By${pathTemplateNames(path.slice(parent.length)).map(pascal).join('And')}`;
  }
  return id;
}

function baseOperationId(method: string, path: string, summary?: string, vendorId?: string): string {
  const segments = path.split('/').filter(Boolean);
  const endsInLiteral = segments.length > 0 && !segments[segments.length - 1]!.startsWith('{');
  let verb: string;
  let extra = '';
  let nounless: string | undefined;
  let literals = segments.map((s, i) => ({ s, item: (segments[i + 1] ?? '').startsWith('{') })).filter(({ s }) => !s.startsWith('{'));
  const texts = [textVerb(summary, 'summary'), textVerb(vendorId, 'vendor')];
  if (method === 'get') {
    const last = endsInLiteral ? words(literals[literals.length - 1]!.s).pop() ?? '' : '';
    verb = endsInLiteral && (isPlural(last) || texts.some((t) => t?.verb === 'list')) ? 'list' : 'get';
  } else {
    const action = endsInLiteral ? segmentVerb(segments[segments.length - 1]!) : undefined;
    const nouns = new Set(literals.flatMap(({ s }) => words(s).map((w) => pluralize.singular(w))));
    const fromText = texts.find((t) => t && t.verb !== 'get' && t.verb !== 'list' && !nouns.has(t.verb));
    if (action) {
      verb = action.verb;
      extra = action.rest ? pascal(action.rest) : '';
      literals = literals.slice(0, -1);
      nounless = texts.find((t) => t?.verb === verb && t.noun)?.noun;
    } else verb = fromText?.verb ?? METHOD_VERB[method] ?? method;
  }
  const said = new Set([summary, vendorId].flatMap((t) => words(t ?? '')));
  const nouns = literals.map(({ s, item }, i) => {
    const final = i === literals.length - 1 && endsInLiteral && !extra;
    return inflect(s, item ? 'one' : final && verb === 'list' ? 'many' : final && verb === 'create' ? 'one' : 'as-is', said);
  });
  const noun = nouns.join('') + extra || (nounless ? pascal(pluralize.singular(nounless)) : '');
  return `${verb}${noun}`;
}

/**
 * Every operation's id by the naming policy above; a vendor id that differs is kept in
 * `x-vendor-operation-id` (a union's parts have theirs there already) and the rename is logged.
 */
export const assignOperationIds: Rule = {
  name: 'assign-operation-ids',
  apply(spec, { log }) {
    const wanted: Array<{ operation: OpenApiOperation & Record<string, unknown>; key: string; path: string; method: string; vendor?: string; id: string }> = [];
    forEachOperation(spec, (operation, method, path) => {
      const op = operation as OpenApiOperation & Record<string, unknown>;
      const vendor = (op['x-vendor-operation-id'] as string | undefined) ?? operation.operationId;
      wanted.push({ operation: op, key: operationKey(method, path), path, method, vendor, id: deriveOperationId(method, path, operation.summary, vendor) });
    });
    // path order, never document order, decides who keeps a shared id
    wanted.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.method < b.method ? -1 : a.method > b.method ? 1 : 0));
    const uses = new Map<string, number>();
    for (const w of wanted) uses.set(w.id, (uses.get(w.id) ?? 0) + 1);
    const seen = new Set<string>();
    for (const w of wanted) {
      let id = w.id;
      if (uses.get(id)! > 1 && w.path.includes('{')) id = `${id}By${pathTemplateNames(w.path).map(pascal).join('And')}`;
      let candidate = id;
      for (let n = 2; seen.has(candidate); n++) candidate = `${id}${n}`;
      seen.add(candidate);
      const before = w.operation.operationId;
      if (!before) log.add('operation-id-derived', w.key, candidate);
      else if (before !== candidate) log.add('operation-id-renamed', w.key, `${before} -> ${candidate}`);
      w.operation.operationId = candidate;
      if (w.vendor !== undefined && w.vendor !== candidate) w.operation['x-vendor-operation-id'] = w.vendor;
      else delete w.operation['x-vendor-operation-id'];
    }
    return spec;
  },
};
