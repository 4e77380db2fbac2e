import type { OperationDoc } from './operations.js';

/**
 * An API's task endpoint, found in its spec: a GET `.../task/{id}` whose answer has the field that
 * marks a task finished. The one source of truth for the generated `waitForTask` and the README.
 */
export interface TaskEndpoint {
  /** the path template, as in `paths` */
  path: string;
  /** the answer's field that holds a value once the task is finished */
  doneWhen: string;
  /** the path parameters, in path order */
  params: string[];
}

/** The field a task answer sets when the task finishes (HostBill: the completion date, '' until then). */
const DONE_FIELD = 'completed';

export function findTaskEndpoint(operations: OperationDoc[]): TaskEndpoint | undefined {
  const op = operations.find((o) => o.method === 'get' && /\/task\/\{[^}]+\}$/.test(o.path) && o.success?.properties?.[DONE_FIELD] !== undefined);
  if (!op) return undefined;
  return { path: op.path, doneWhen: DONE_FIELD, params: [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!) };
}
