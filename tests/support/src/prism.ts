import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PRISM_BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.bin', 'prism');

export interface PrismMock {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Asks the OS for a free port on 127.0.0.1 (listen on 0, read it back, release it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `prism mock` for one spec on 127.0.0.1 and resolves once it answers HTTP (polling, no fixed
 * sleep). Prism runs in its own process group so `stop()` ends it and any child it made.
 */
export async function startPrism(specFile: string, options: { port?: number; startupTimeoutMs?: number; inheritOutput?: boolean } = {}): Promise<PrismMock> {
  const port = options.port ?? (await freePort());
  const child = spawn(PRISM_BIN, ['mock', '--host', '127.0.0.1', '--port', String(port), specFile], {
    detached: true,
    stdio: options.inheritOutput ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
  child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return; // already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 3000);
    await exited;
    clearTimeout(timer);
  };
  // about 10x a start-up with four Prisms and every other suite sharing the 2-core CI machine
  const startupTimeoutMs = options.startupTimeoutMs ?? 120_000;
  const deadline = Date.now() + startupTimeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`prism exited (code ${child.exitCode}) before answering for ${specFile}:\n${output}`);
    try {
      // refused until Prism listens; once it does, wait for its (maybe slow) answer up to the deadline
      // rather than abort a slow first answer and retry
      await fetch(`${url}/__prism_ready_probe__`, { signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())) });
      return { url, pid: child.pid!, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`prism did not answer on ${url} within ${startupTimeoutMs} ms for ${specFile}:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
