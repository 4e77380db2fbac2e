import { poll, type PollOptions } from './poll.js';
import { isTransientError } from './retry.js';

/** Hostens' `GET /server/{server_id}/task/{task_id}` answer; dates are ISO 8601, '' until set. */
export interface ServerTask {
  name?: string;
  activated?: string;
  assigned?: string;
  completed?: string;
  results?: string;
}

const TASK_PATH = '/server/{server_id}/task/{task_id}';

/** The part of a generated client that waitForTask needs; every provider client with the endpoint fits. */
export interface TaskClient {
  GET(
    path: '/server/{server_id}/task/{task_id}',
    init: { params: { path: { server_id: number; task_id: number } }; signal?: AbortSignal; throwOnError?: true },
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

/**
 * Waits for an asynchronous server task (reboot, reinstall, ...) to finish: polls until the task
 * reports `completed`, then resolves with its `results`. Transient failures while polling are
 * retried; a timeout rejects with PollTimeoutError carrying the last state seen; an abort rejects
 * with an AbortError wherever it lands. First checks are spread over `intervalMs`, so a thousand
 * waiters started together do not poll in one burst.
 */
export async function waitForTask(client: TaskClient, ids: { serverId: number | string; taskId: number | string }, options: PollOptions<ServerTask> = {}): Promise<string> {
  const path = { server_id: ids.serverId as number, task_id: ids.taskId as number };
  const fetchTask = async (signal: AbortSignal): Promise<ServerTask> => {
    const { data } = await client.GET(TASK_PATH, { params: { path }, signal, throwOnError: true });
    return (data ?? {}) as ServerTask;
  };
  const done = await poll(fetchTask, (task) => typeof task.completed === 'string' && task.completed !== '', {
    intervalMs: 2000,
    initialDelayMs: 'spread',
    isTransient: isTransientError,
    operation: `waitForTask GET ${TASK_PATH}`,
    ...options,
  });
  return done.results ?? '';
}
