import type { PathsWithMethod } from 'openapi-typescript-helpers';
import { poll, type PollOptions } from './poll.js';
import { isTransientError } from './retry.js';
import type { HostBillClient, OperationOf, SuccessData } from './types.js';

/** The documented 200 body of `GET path`: the task as that provider's spec types it. */
export type TaskOf<Paths extends {}, Path extends PathsWithMethod<Paths, 'get'>> = SuccessData<OperationOf<Paths, Path, 'get'>>;

/** The path parameters of `GET path` (`{ server_id: number; task_id: number }`), as the spec types them. */
export type TaskParams<Paths extends {}, Path extends PathsWithMethod<Paths, 'get'>> = OperationOf<Paths, Path, 'get'> extends { parameters: { path: infer P } } ? P : never;

/**
 * How to read a task: it is finished once the field `doneWhen` holds a value (not `''`, `null` or
 * absent), such as Hostens' `completed` date. Data, so the generator writes it from the spec.
 */
export interface TaskReading<Task> {
  doneWhen: keyof Task & string;
}

/**
 * Waits for an asynchronous task (reboot, reinstall, ...) to finish: polls `GET path` until the task
 * reads as done, then resolves with the finished task. Transient failures while polling are retried;
 * a timeout rejects with PollTimeoutError carrying the last state seen; an abort rejects with an
 * AbortError wherever it lands. First checks are spread over `intervalMs` (default 2000), so a
 * thousand waiters started together do not poll in one burst.
 */
export type TaskWaiter<Paths extends {}, Path extends PathsWithMethod<Paths, 'get'>> = <Throw extends boolean>(
  client: HostBillClient<Paths, Throw>,
  params: TaskParams<Paths, Path>,
  options?: PollOptions<TaskOf<Paths, Path>>,
) => Promise<TaskOf<Paths, Path>>;

/** `waitForTask` for one API's task endpoint; generated packages call this once, with the path found in their spec. */
export function defineTaskWaiter<Paths extends {}, Path extends PathsWithMethod<Paths, 'get'>>(path: Path, reading: TaskReading<TaskOf<Paths, Path>>): TaskWaiter<Paths, Path> {
  type Task = TaskOf<Paths, Path>;
  const operation = `waitForTask GET ${path as string}`;
  const isDone = (task: Task) => {
    const value = (task as Record<string, unknown> | undefined)?.[reading.doneWhen];
    return value !== undefined && value !== null && value !== '';
  };
  return (client, params, options = {}) => {
    const request = client.request as unknown as (method: string, path: string, init: object) => Promise<{ data: Task }>;
    const fetchTask = async (signal: AbortSignal): Promise<Task> => (await request('get', path as string, { params: { path: params }, signal, throwOnError: true })).data;
    return poll(fetchTask, isDone, { intervalMs: 2000, initialDelayMs: 'spread', isTransient: isTransientError, operation, ...options });
  };
}
