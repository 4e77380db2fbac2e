/**
 * AbortSignal.any and AbortSignal.timeout are missing or incomplete on some of the runtimes we
 * support (Node 18), so combining is done by hand; `dispose` removes every listener and timer.
 */
export interface LinkedSignal {
  signal: AbortSignal;
  /** true once the timeout (not a caller) aborted the signal */
  timedOut(): boolean;
  dispose(): void;
}

export function linkSignals(timeoutMs: number | undefined, ...signals: Array<AbortSignal | null | undefined>): LinkedSignal {
  const controller = new AbortController();
  let timedOut = false;
  const cleanups: Array<() => void> = [];
  for (const signal of signals) {
    if (!signal) continue;
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    const forward = () => controller.abort(signal.reason);
    signal.addEventListener('abort', forward, { once: true });
    cleanups.push(() => signal.removeEventListener('abort', forward));
  }
  if (timeoutMs !== undefined && timeoutMs > 0 && timeoutMs !== Infinity && !controller.signal.aborted) {
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new Error(`timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    cleanups.push(() => clearTimeout(timer));
  }
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => cleanups.splice(0).forEach((cleanup) => cleanup()),
  };
}
