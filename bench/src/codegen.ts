/** Wall time of a full regeneration (specs + types, turbo cache bypassed) and of the no-change rerun. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { HERE } from './lib.js';

const ROOT = join(HERE, '..', '..');

function wall(args: string[]): number {
  const started = performance.now();
  execFileSync('pnpm', ['exec', 'turbo', ...args], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' } });
  return (performance.now() - started) / 1000;
}

/** `pnpm generate` is two turbo passes (specs, then each provider's types), so both are timed. */
export function measureCodegen() {
  const clean = wall(['run', 'specs', '--force']) + wall(['run', 'generate', '--force']);
  const cached = wall(['run', 'specs']) + wall(['run', 'generate']);
  return { cleanSeconds: clean, noChangeSeconds: cached };
}
