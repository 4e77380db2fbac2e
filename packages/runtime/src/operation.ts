import type { HttpMethod, PathsWithMethod } from 'openapi-typescript-helpers';
import type { CallInit, CallResult, HostBillClient, InitArgs, OperationOf, Success } from './types.js';

/**
 * One operation as a function of a client: `rebootServer(client, init)` is `client.POST(path, init)`,
 * with the same types (both read `paths`), so generated packages can give each operation its own
 * name and JSDoc while staying tree-shakeable: an unused operation is an unused constant.
 */
export interface OperationFunction<Paths extends {}, Method extends HttpMethod, Path extends PathsWithMethod<Paths, Method>> {
  /** `throwOnError: true` for this call: the answer is always `{ data }` */
  <Throw extends boolean>(client: HostBillClient<Paths, Throw>, init: CallInit<OperationOf<Paths, Path, Method>, Throw> & { throwOnError: true }): Promise<Success<OperationOf<Paths, Path, Method>>>;
  <Throw extends boolean>(client: HostBillClient<Paths, Throw>, ...init: InitArgs<OperationOf<Paths, Path, Method>, Throw>): Promise<CallResult<OperationOf<Paths, Path, Method>, Throw>>;
  /** `get`, `post`, ... */
  readonly method: Method;
  /** the path template, as in `paths` */
  readonly path: Path;
}

/** The function for `method path`; generated code calls this once per operation. */
export function defineOperation<Paths extends {}, Method extends HttpMethod, Path extends PathsWithMethod<Paths, Method>>(method: Method, path: Path): OperationFunction<Paths, Method, Path> {
  const call = (client: HostBillClient<Paths, boolean>, init?: object) =>
    (client.request as (method: string, path: string, init?: object) => Promise<unknown>)(method, path as string, init);
  return Object.assign(call, { method, path }) as unknown as OperationFunction<Paths, Method, Path>;
}
