/**
 * 1,000 concurrent waitForTask calls with its default intervals; each task completes at a random time within 5 s. Compared
 * with an ideal poller on the same schedule without jitter (it stops at the first check after the
 * task completed), plus the client's peak RSS and event-loop delay.
 */
import { createHostBillClient, waitForTask } from '@hostbill-api/hostbill';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startServer } from './lib.js';

// waitForTask's own defaults: what a user who writes `waitForTask(client, ids)` gets
const INTERVAL_MS = 2000;
const MAX_INTERVAL_MS = 10_000;

/** How many checks the jitter-free schedule (interval, 2x, 4x ... capped) needs to see completion. */
function idealChecks(doneAfterMs: number): number {
  let at = 0;
  let checks = 1;
  for (let attempt = 0; at < doneAfterMs; attempt++) {
    at += Math.min(MAX_INTERVAL_MS, INTERVAL_MS * 2 ** attempt);
    checks++;
  }
  return checks;
}

export async function measurePolling(tasks: number) {
  const server = await startServer();
  try {
    const client = createHostBillClient({ baseUrl: server.url });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = Date.now();
    await Promise.all(
      Array.from({ length: tasks }, (_, i) => waitForTask(client, { server_id: 1, task_id: i }, { intervalMs: INTERVAL_MS, maxIntervalMs: MAX_INTERVAL_MS, timeoutMs: 30_000 })),
    );
    const seconds = (Date.now() - started) / 1000;
    delay.disable();
    const stats = (await (await fetch(`${server.url}/__stats`)).json()) as { taskRequests: number; doneAt: number[] };
    const ideal = stats.doneAt.reduce((sum, at) => sum + idealChecks(Math.max(0, at - started)), 0);
    return {
      tasks,
      seconds,
      requests: stats.taskRequests,
      idealRequests: ideal,
      ratioToIdeal: stats.taskRequests / ideal,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      eventLoopP99Ms: delay.percentile(99) / 1e6,
    };
  } finally {
    server.stop();
  }
}
