import type { TestProject } from 'vitest/node';
import { startPrism, type PrismMock } from '../src/prism.js';
import { PROVIDERS } from '../src/providers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mocks: Record<string, string>;
  }
}

/** One Prism mock per provider, started in parallel, stopped by PID when the run ends or is interrupted. */
export default async function setup(project: TestProject) {
  const mocks: PrismMock[] = [];
  const stopAll = () => Promise.all(mocks.map((m) => m.stop()));
  const onSignal = async (signal: NodeJS.Signals) => {
    await stopAll();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const names = PROVIDERS.map((p) => p.name);
    const started = await Promise.all(PROVIDERS.map((p) => startPrism(p.specFile)));
    mocks.push(...started);
    project.provide('mocks', Object.fromEntries(names.map((name, i) => [name, started[i]!.url])));
  } catch (error) {
    await stopAll();
    throw error;
  }
  return async () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stopAll();
  };
}
