// Type tests, checked by `tsc -p test/tsconfig.json` (pnpm lint): a wrong type here fails the build.
import { expectTypeOf } from 'vitest';
import { basicAuth, createHostensClient, createProviderClient, getServer, listServers, reinstallServer, waitForTask, type HostensClient, type ListServersResponse, type Schemas, type Server, type Task } from '../src/index.js';

// GET /server answers one server or a list of them (its prose and its example disagree); GET /server/{server_id}
// answers one: both are the Server entity, whose keys are required only where every server record has them
type ServerSummary = Server;

const client = createHostensClient({ auth: basicAuth({ username: 'api@example.com', password: 'secret' }) });

export async function typeChecks() {
  const { data } = await client.GET('/server/{server_id}', { params: { path: { server_id: 113 } } });
  expectTypeOf(data!).toEqualTypeOf<Server>();
  // the server list's records omit ram_used and additional_ip, so a server may lack them
  expectTypeOf(data!.ram_used).toEqualTypeOf<number | undefined>();
  expectTypeOf(data!.additional_ip).toEqualTypeOf<string[] | undefined>();
  expectTypeOf<Server['domain']>().toEqualTypeOf<string>();
  expectTypeOf<ServerSummary['server_id']>().toEqualTypeOf<number | undefined>();

  // an object the examples show only as {} says nothing of its keys: any may be read (never Record<string, never>)
  expectTypeOf<Schemas['QuoteItem']['coupon']>().toEqualTypeOf<Record<string, unknown>>();

  const servers = await client.GET('/server');
  expectTypeOf(servers.data!).toEqualTypeOf<ListServersResponse>();

  const reinstall = await client.POST('/server/{server_id}/reinstall', { params: { path: { server_id: 1 } }, body: { os: 'ubuntu-22.04', script: 7 } });
  expectTypeOf(reinstall.data!.task_id).toEqualTypeOf<number>();
  const task = await waitForTask(client, { server_id: 1, task_id: reinstall.data!.task_id });
  expectTypeOf(task).toEqualTypeOf<Task>();

  // @ts-expect-error `script` is an init script id, not a string
  await client.POST('/server/{server_id}/reinstall', { params: { path: { server_id: 1 } }, body: { script: 'seven' } });
  // @ts-expect-error the path parameter is required
  await client.GET('/server/{server_id}', {});
  // @ts-expect-error not an operation of this API
  await client.GET('/no/such/path');
}

export async function optionChecks() {
  // per-call options are typed
  await client.GET('/server', { timeoutMs: 100, retry: false, totalTimeoutMs: 1000, headers: { 'x-a': '1' }, signal: AbortSignal.timeout(1000) });
  // @ts-expect-error an unknown option is a compile error, not silently ignored
  await client.GET('/server', { totallyBogusOption: 42 });
  // @ts-expect-error an unknown body field is a compile error
  await client.POST('/server/{server_id}/reinstall', { params: { path: { server_id: 1 } }, body: { os: 'x', script: 7, bogus: true } });

  // a default client: `{ data } | { error }`, and a non-JSON error body is its text
  const plain = await client.GET('/server');
  if (plain.error !== undefined) {
    expectTypeOf(plain.data).toEqualTypeOf<undefined>();
    if (typeof plain.error !== 'string') expectTypeOf(plain.error).toHaveProperty('error');
  } else expectTypeOf(plain.data).toEqualTypeOf<ListServersResponse>();

  // a throwing client: `data` is never undefined, no `!` needed
  const strict = createHostensClient({ auth: basicAuth({ username: 'u', password: 'p' }), throwOnError: true });
  const { data } = await strict.GET('/server');
  expectTypeOf(data).toEqualTypeOf<ListServersResponse>();
  // @ts-expect-error a throwing client cannot be told not to throw for one call
  await strict.GET('/server', { throwOnError: false });
}

export async function perCallThrow() {
  // throwOnError for one call narrows that call's answer to `{ data }`
  const { data } = await client.GET('/server', { throwOnError: true });
  expectTypeOf(data).toEqualTypeOf<ListServersResponse>();
  const viaRequest = await client.request('get', '/server', { throwOnError: true });
  expectTypeOf(viaRequest.data).toEqualTypeOf<ListServersResponse>();
  // @ts-expect-error still no unknown options on the narrowing overload
  await client.GET('/server', { throwOnError: true, bogus: 1 });
}

export async function operationFunctionChecks() {
  // an operation function is the same call, with the same types, as the client method
  const viaFunction = await getServer(client, { params: { path: { server_id: 113 } } });
  const viaMethod = await client.GET('/server/{server_id}', { params: { path: { server_id: 113 } } });
  expectTypeOf(viaFunction).toEqualTypeOf(viaMethod);
  const listed = await listServers(client, { timeoutMs: 5_000, retry: false });
  expectTypeOf(listed.data).toEqualTypeOf<ListServersResponse | undefined>();
  const thrown = await reinstallServer(client, { params: { path: { server_id: 1 } }, body: { os: 'debian-12' }, throwOnError: true });
  expectTypeOf(thrown.data.task_id).toEqualTypeOf<number>();
  const strict = createHostensClient({ throwOnError: true });
  expectTypeOf((await getServer(strict, { params: { path: { server_id: 1 } } })).data).toEqualTypeOf<Server>();
  const typed: HostensClient<true> = strict;
  expectTypeOf(typed).toEqualTypeOf(strict);

  // @ts-expect-error the path parameter is required
  await getServer(client, { params: { path: {} } });
  // @ts-expect-error `script` is an init script id, not a string
  await reinstallServer(client, { params: { path: { server_id: 1 } }, body: { script: 'seven' } });
  // @ts-expect-error unknown options are compile errors
  await listServers(client, { totallyBogusOption: 42 });
  // @ts-expect-error a client of another API is not accepted
  await listServers(createProviderClient<{ '/other': { get: { parameters: {}; responses: { 200: { content: { 'application/json': string } } } } } }>({ baseUrl: 'https://billing.example.com/api' }));
}

export async function waitForTaskChecks() {
  // typed from this provider's spec: the task path's parameters in, its 200 answer out
  const task = await waitForTask(client, { server_id: 1, task_id: 2 }, { timeoutMs: 1000, onProgress: (t) => expectTypeOf(t).toEqualTypeOf<Task>() });
  expectTypeOf(task).toEqualTypeOf<Task>();
  expectTypeOf(task.completed).toEqualTypeOf<string>();
  // a throwing client fits as well
  expectTypeOf(await waitForTask(createHostensClient({ throwOnError: true }), { server_id: 1, task_id: 2 })).toEqualTypeOf<Task>();
  // @ts-expect-error the result is the task, not its results string
  const results: number = task;
  // @ts-expect-error `task_id` is a number in the spec
  await waitForTask(client, { server_id: 1, task_id: 'seven' });
  // @ts-expect-error both path parameters are required
  await waitForTask(client, { server_id: 1 });
  // @ts-expect-error the old camelCase ids are gone: the spec's parameter names are the keys
  await waitForTask(client, { serverId: 1, taskId: 2 });
  // @ts-expect-error a client of another API is not accepted
  await waitForTask(createProviderClient<{ '/other': { get: { parameters: {}; responses: { 200: { content: { 'application/json': string } } } } } }>({ baseUrl: 'https://x.example' }), { server_id: 1, task_id: 2 });
  return results;
}
