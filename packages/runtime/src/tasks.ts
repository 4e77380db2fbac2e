import { errorForStatus, HostBillApiError, NetworkError, RateLimitError, TimeoutError } from './errors.js';
import { poll, type PollOptions } from './poll.js';

/** Hostens' `GET /server/{server_id}/task/{task_id}` answer; dates are ISO 8601, '' until set. */
export interface ServerTask {
  name?: string;
  activated?: string;
  assigned?: string;
  completed?: string;
  results?: string;
}

/** The part of a generated client that waitForTask needs; every provider client with the endpoint fits. */
export interface TaskClient {
  // `any`: each provider's GET is its own generic signature; this is the one call we make through it
  GET(path: '/server/{server_id}/task/{task_id}', init: any): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

/** Errors that say "try again later", not "this will never work". */
export function isTransientError(error: unknown): boolean {
  if (error instanceof NetworkError || error instanceof TimeoutError || error instanceof RateLimitError) return true;
  return error instanceof HostBillApiError && error.status !== undefined && error.status >= 500;
}

/**
 * Waits for an asynchronous server task (reboot, reinstall, ...) to finish: polls until the task
 * reports `completed`, then resolves with its `results`. Transient failures while polling are
 * retried; a timeout rejects with PollTimeoutError carrying the last state seen.
 */
export async function waitForTask(
  client: TaskClient,
  ids: { serverId: number | string; taskId: number | string },
  options: PollOptions<ServerTask> = {},
): Promise<string> {
  const fetchTask = async (): Promise<ServerTask> => {
    const { data, error, response } = await client.GET('/server/{server_id}/task/{task_id}', {
      params: { path: { server_id: ids.serverId, task_id: ids.taskId } },
    });
    if (error !== undefined || !response.ok) {
      throw errorForStatus(response.status, { method: 'GET', url: response.url, operation: 'GET /server/{server_id}/task/{task_id}' }, error);
    }
    return (data ?? {}) as ServerTask;
  };
  const done = await poll(fetchTask, (task) => typeof task.completed === 'string' && task.completed !== '', {
    intervalMs: 2000,
    isTransient: isTransientError,
    ...options,
  });
  return done.results ?? '';
}
