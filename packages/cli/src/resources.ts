import { Command, Option } from 'commander';
import { resolveProvider, type GlobalOptions } from './context.js';
import { execute, parsePairs, type ResultHandler } from './execute.js';
import { describeParam, operationFooter } from './help.js';
import { bodyFields, operations, requiredFields, readBody, type Doc, type Operation } from './params.js';
import { discoverProviders, loadSpec } from './providers.js';

export interface Action {
  name: string;
  operation: Operation;
}

export interface Resource {
  name: string;
  /** the other number (`services` for `service`), when no other resource has it */
  alias?: string;
  /** the tag most of its operations carry: the heading it is listed under in `--help` */
  group?: string;
  actions: Action[];
}

const isParam = (segment: string) => segment.startsWith('{');
const kebab = (text: string) =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();

/** The plural a singular path segment has (`service`, `services list`); none for one that may be plural already. */
function plural(name: string): string | undefined {
  if (/(s|x|z|ch|sh)$/.test(name) || name.length < 3) return undefined;
  return /[^aeiou]y$/.test(name) ? `${name.slice(0, -1)}ies` : `${name}s`;
}

const VERB: Record<string, string> = { post: 'create', put: 'update', patch: 'update', delete: 'delete' };

/**
 * An action's name from its method and the path below its resource, never from the operationId (whose
 * style differs per vendor): `GET /server` list, `GET /server/{id}` get, `POST /server/{id}/reboot`
 * reboot (a POST to a named endpoint is that action), `GET /server/{id}/ips` list-ips, `PUT
 * /domain/{id}/ns` update-ns (there is a GET of it), `PUT /tickets/{number}/close` close (there is
 * none), `DELETE /service/{id}/dns/{zone_id}` delete-dns.
 */
function actionName(method: string, below: string[], readable: boolean): string {
  const words = below.filter((s) => !isParam(s)).map(kebab);
  const endsWithParam = below.length > 0 && isParam(below[below.length - 1]!);
  const verb = method === 'get' ? (endsWithParam ? 'get' : 'list') : (VERB[method] ?? method);
  if (!words.length) return verb;
  // a PUT to a named endpoint nothing reads (`PUT /tickets/{number}/close`) is that action too
  if (!endsWithParam && (method === 'post' || ((method === 'put' || method === 'patch') && !readable))) return words.join('-');
  return [verb, ...words].join('-');
}

/**
 * The resources of a spec and their actions. A resource is the first path segment below the prefix
 * every path shares (`/api/v2/server/...` is `server`); an operation whose path has no literal segment
 * goes under its first tag.
 */
export function resourceTree(ops: Operation[]): Resource[] {
  const split = ops.map((op) => op.path.split('/').filter(Boolean));
  let prefix = 0;
  while (split.length && split.every((s) => s.length > prefix + 1 && !isParam(s[prefix]!) && s[prefix] === split[0]![prefix])) prefix++;
  const readable = new Set(ops.filter((op) => op.method === 'get').map((op) => op.path));
  const byName = new Map<string, Array<{ operation: Operation; name: string; params: string[] }>>();
  ops.forEach((operation, i) => {
    const segments = split[i]!.slice(prefix);
    const first = segments[0] !== undefined && !isParam(segments[0]) ? kebab(segments[0]) : kebab(operation.tags[0] ?? 'root');
    const below = segments[0] !== undefined && !isParam(segments[0]) ? segments.slice(1) : segments;
    if (!byName.has(first)) byName.set(first, []);
    byName.get(first)!.push({ operation, name: actionName(operation.method, below, readable.has(operation.path)), params: below.filter(isParam).map((p) => kebab(p)) });
  });
  const names = new Set(byName.keys());
  return [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, entries]) => {
      // a clash (POST /order and POST /order/{product_id}) is settled by the path values: create, create-by-product-id;
      // what that leaves by the operationId, and then by the method
      const actions = entries.map((e) => ({ ...e }));
      type Entry = (typeof actions)[number];
      const settle = (rename: (a: Entry, peers: Entry[]) => string) => {
        const renamed = actions.map((a) => {
          const peers = actions.filter((b) => b !== a && b.name === a.name);
          return peers.length ? rename(a, peers) : a.name;
        });
        renamed.forEach((name, i) => (actions[i]!.name = name));
      };
      settle((a, peers) => (a.params.length && peers.some((b) => b.params.join() !== a.params.join()) ? `${a.name}-by-${a.params.join('-')}` : a.name));
      settle((a) => (a.operation.operationId ? kebab(a.operation.operationId) : a.name));
      settle((a) => `${a.name}-${a.operation.method}`);
      const tags = entries.flatMap((e) => e.operation.tags);
      const group = tags.sort((a, b) => tags.filter((t) => t === b).length - tags.filter((t) => t === a).length)[0];
      const other = plural(name);
      return { name, ...(!other || names.has(other) ? {} : { alias: other }), ...(group ? { group } : {}), actions: actions.map(({ name: action, operation }) => ({ name: action, operation })) };
    });
}

/**
 * The provider whose resources are registered: `--provider` wherever it stands (read with commander,
 * as the real parse will), else HOSTBILL_PROVIDER. A completion request (`complete -- WORDS`) is read
 * from its words.
 */
export function selectedProvider(argv: string[], env: NodeJS.ProcessEnv = process.env, profileProvider: (profile: string | undefined) => string | undefined = () => undefined): string | undefined {
  const words = argv[0] === 'complete' && argv[1] === '--' ? argv.slice(2) : argv;
  const scan = new Command().exitOverride().allowUnknownOption().allowExcessArguments().helpOption(false).addOption(new Option('--provider <name>')).addOption(new Option('--profile <name>'));
  try {
    scan.parseOptions(words);
  } catch {
    /* `--provider` without a value: the real parse says so */
  }
  const { provider, profile } = scan.opts<{ provider?: string; profile?: string }>();
  return provider ?? env.HOSTBILL_PROVIDER ?? profileProvider(profile);
}

function addAction(resource: Command, doc: Doc, program: Command, action: Action, handle: ResultHandler): void {
  const op = action.operation;
  const cmd = resource.command(action.name).allowUnknownOption();
  if (op.summary) cmd.summary(op.summary);
  cmd.description([op.summary, op.description].filter((t, i, all) => t && all.indexOf(t) === i).join('\n\n') || op.label);
  const pathParams = op.parameters.filter((p) => p.in === 'path');
  // declared optional so a missing one is reported by the spec check, naming the operation; usage shows them required
  for (const p of pathParams) cmd.argument(`[${p.name}]`, describeParam(doc, p.schema, { description: p.description, required: true }));
  cmd.argument('[params...]', 'more parameters as name=value');
  // a name a global option already has (--output, --provider, ...) is given as name=value instead
  const taken = new Set(program.options.map((o) => o.long));
  const flags = new Map<string, string>();
  const addFlag = (name: string, text: string, boolean: boolean) => {
    if (taken.has(`--${name}`) || name === 'help' || name === 'body' || !/^[A-Za-z][\w.-]*$/.test(name) || flags.has(name)) return;
    const option = new Option(`--${name} ${boolean ? '[value]' : '<value>'}`, text);
    cmd.addOption(option);
    flags.set(name, option.attributeName());
  };
  for (const p of op.parameters.filter((x) => x.in === 'query' || x.in === 'header')) addFlag(p.name, describeParam(doc, p.schema, { description: p.description, required: p.required, where: p.in }), p.schema.type === 'boolean');
  const fields = bodyFields(doc, op);
  const required = new Set(requiredFields(doc, op));
  for (const [name, schema] of Object.entries(fields)) addFlag(name, describeParam(doc, schema, { description: schema.description, required: required.has(name), where: 'body' }), schema.type === 'boolean');
  if (op.body) cmd.option('--body <json>', 'the JSON body: inline JSON, @file.json, or - for standard input');
  cmd.usage([...(cmd.options.length ? ['[options]'] : []), ...pathParams.map((p) => `<${p.name}>`), '[params...]'].join(' '));
  cmd.addHelpText('after', operationFooter(op, Boolean(op.body)));
  cmd.action(async () => {
    const values = cmd.processedArgs as Array<string | string[]>;
    const positional = (values.slice(0, pathParams.length) as Array<string | undefined>).filter((v): v is string => v !== undefined);
    const pairs = (values[pathParams.length] as string[] | undefined) ?? [];
    const opts = cmd.opts<Record<string, unknown>>();
    const named: Record<string, unknown> = { ...parsePairs([...positional.filter((v) => v.startsWith('--')), ...pairs], op.label) };
    for (const [name, attribute] of flags) if (opts[attribute] !== undefined) named[name] = opts[attribute];
    const global = program.opts<GlobalOptions>();
    const context = await resolveProvider(global);
    const body = typeof opts.body === 'string' ? readBody(opts.body) : undefined;
    await handle(await execute(context, op, { positional, named, ...(body !== undefined ? { body } : {}) }, global));
  });
}

/**
 * One command per resource of the selected provider's spec, one subcommand per operation; a name a
 * built-in command has (`call`, `login`) stays the built-in's, its operations reachable with `call`.
 * Register after every built-in command and before completion (which reads the finished tree).
 */
export function registerResources(program: Command, provider: string | undefined, handle: ResultHandler): void {
  if (!provider || !discoverProviders().includes(provider)) {
    program.addHelpText('after', `\nResource commands (hostbill server reboot 113) are those of a provider's spec: pass --provider (${discoverProviders().join(', ')}) or set HOSTBILL_PROVIDER.`);
    return;
  }
  const doc = loadSpec(provider) as Doc;
  const taken = new Set(program.commands.flatMap((c) => [c.name(), ...c.aliases()]));
  for (const resource of resourceTree(operations(doc))) {
    if (taken.has(resource.name)) continue;
    const names = resource.actions.map((a) => a.name);
    const cmd = program.command(resource.name).description(`${names.slice(0, 6).join(', ')}${names.length > 6 ? `, … (${names.length} actions)` : ''}`);
    if (resource.alias && !taken.has(resource.alias)) cmd.alias(resource.alias);
    if (resource.group) cmd.helpGroup(`${resource.group}:`);
    // list each action with its usage (path values shown as required), not commander's argument list
    cmd.configureHelp({ subcommandTerm: (sub) => `${sub.name()} ${sub.usage()}` });
    for (const action of resource.actions) addAction(cmd, doc, program, action, handle);
  }
}
