/**
 * One signal per attempt: the caller's signal plus a timer. Hand-linked rather than with
 * `AbortSignal.any` (slower on Node 20, and it keeps its sources only weakly).
 */
export interface LinkedSignal {
  signal: AbortSignal;
  /** true once the timer (not a caller) aborted the signal */
  timedOut(): boolean;
  /**
   * Settles with `work`, or rejects with the abort reason the moment the signal aborts: the same
   * guarantee as settleWithin, without a listener on the signal (Node 20 listeners cost µs per call).
   */
  race<T>(work: Promise<T>): Promise<T>;
  dispose(): void;
}

/**
 * One listener per caller signal, whatever the number of calls sharing it: a signal given to fifty
 * calls would otherwise carry fifty listeners (and Node's MaxListenersExceededWarning).
 */
const followers = new WeakMap<AbortSignal, Set<() => void>>();

function follow(signal: AbortSignal, onAbort: () => void): () => void {
  let set = followers.get(signal);
  if (!set) {
    const created = new Set<() => void>();
    set = created;
    followers.set(signal, created);
    signal.addEventListener('abort', () => {
      followers.delete(signal);
      for (const callback of created) callback();
    }, { once: true });
  }
  set.add(onAbort);
  return () => {
    set!.delete(onAbort);
  };
}

export function linkSignals(timeoutMs: number | undefined, callerSignal?: AbortSignal | null): LinkedSignal {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unfollow: (() => void) | undefined;
  let aborted: Promise<never> | undefined;
  let rejectAborted: ((reason: unknown) => void) | undefined;
  const abort = (reason: unknown) => {
    controller.abort(reason);
    rejectAborted?.(reason);
  };
  if (callerSignal?.aborted) controller.abort(callerSignal.reason);
  else {
    if (callerSignal) unfollow = follow(callerSignal, () => abort(callerSignal.reason));
    if (timeoutMs !== undefined && timeoutMs !== Infinity) {
      timer = setTimeout(() => {
        timedOut = true;
        abort(new Error(`timed out after ${timeoutMs} ms`));
      }, Math.max(0, timeoutMs));
    }
  }
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    race<T>(work: Promise<T>): Promise<T> {
      if (controller.signal.aborted) {
        discardLate(work);
        return Promise.reject(controller.signal.reason);
      }
      if (!aborted) {
        aborted = new Promise<never>((_resolve, reject) => (rejectAborted = reject));
        aborted.catch(() => {});
      }
      return Promise.race([work, aborted]).catch((error) => {
        if (controller.signal.aborted) discardLate(work);
        throw error;
      });
    },
    dispose: () => {
      if (timer !== undefined) clearTimeout(timer);
      unfollow?.();
      timer = unfollow = undefined;
    },
  };
}

/**
 * Settles with `work`, or rejects with the signal's reason the moment it aborts, whether or not
 * `work` ever notices the signal. Why: Node 20's fetch can lose track of an abort once objects are
 * garbage collected (nodejs/undici#4068), and a body can drip forever; our deadline must not
 * depend on it. A Response that arrives after we gave up has its body cancelled, freeing the socket.
 */
export function settleWithin<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    discardLate(work);
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      discardLate(work);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

function discardLate(work: Promise<unknown>): void {
  work.then(
    (late) => {
      if (late instanceof Response && !late.bodyUsed) late.body?.cancel().catch(() => {});
    },
    () => {},
  );
}
