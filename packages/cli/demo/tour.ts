/**
 * `pnpm demo`: a scripted tour of the CLI and the library against a Prism mock of Hostens' spec (the
 * one the contract tests use). No account, nothing beyond 127.0.0.1; everything it starts it stops,
 * also when a step fails or on Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHostensClient, basicAuth, isAuthenticationError, listServices, type HostBillApiError } from '@hostbill-api/hostens';
import { startPrism, type PrismMock } from '@hostbill-api/test-support/prism';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const BIN = join(import.meta.dirname, '..', 'dist', 'cli.js');
const SPEC = join(ROOT, 'specs', 'hostens', 'openapi.json');
// demo credentials: Prism checks that they are sent, not what they are
const DEMO = { username: 'demo@example.com', password: 'demo-password' };

const started = performance.now();
const section = (title: string) => console.log(`\n== ${title}`);
let prism: PrismMock | undefined;
const config = mkdtempSync(join(tmpdir(), 'hostbill-demo-'));
let cleaned = false;

async function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  await prism?.stop();
  rmSync(config, { recursive: true, force: true });
  if (prism) console.log(`\nstopped the Prism mock (pid ${prism.pid}); removed the demo profile directory`);
}

process.once('SIGINT', () => {
  void cleanUp().then(() => process.exit(130));
});

/** Runs the CLI like a user would, its output straight to the terminal (a spinner there, plain lines in a pipe). */
function hostbill(args: string[], env: Record<string, string> = {}): Promise<number> {
  console.log(`$ hostbill ${args.map((a) => (/[\s{}]/.test(a) ? `'${a}'` : a)).join(' ')}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['ignore', 'inherit', 'inherit'],
      // the user's own HOSTBILL_* settings stay out of the tour
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HOSTBILL_'))), HOSTBILL_CONFIG_DIR: config, ...env },
    });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function step(args: string[], expected: number, env: Record<string, string> = {}) {
  const code = await hostbill(args, env);
  if (code !== expected) throw new Error(`hostbill ${args.join(' ')} exited ${code}, expected ${expected}`);
  if (code !== 0) console.log(`(exit code ${code})`);
}

async function tour() {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run \`pnpm build\` first`);
  section('Start a Prism mock of specs/hostens/openapi.json (the contract tests use the same one)');
  prism = await startPrism(SPEC);
  console.log(`Prism answers on ${prism.url} (pid ${prism.pid}) with the spec's examples`);
  const at = ['--provider', 'hostens', '--base-url', prism.url];

  section('Log in: Hostens has no POST /login in its spec, so the profile keeps Basic credentials (file mode 0600)');
  await step([...at, 'login'], 0, { HOSTBILL_USERNAME: DEMO.username, HOSTBILL_PASSWORD: DEMO.password });
  await step(['profiles'], 0);

  section('List services (provider and address now come from the profile; every operation is a command)');
  await step(['services', 'list', '--output', 'table'], 0);

  section('Reboot server 113 and wait for its task, with progress');
  console.log("(Prism answers the spec's example task, which is already completed, so the first check finds it done;");
  console.log(' against a live server the progress line shows the task pending until then.)');
  await step(['server', 'reboot', '113', '--wait', '--poll-interval', '0.2'], 0);

  section('The library: the same list with @hostbill-api/hostens, typed');
  const client = createHostensClient({ baseUrl: prism.url, auth: basicAuth(DEMO), throwOnError: true });
  const { data } = await listServices(client);
  for (const s of data.services ?? []) console.log(`service ${s.id}: ${s.name} (${s.domain}), ${s.status}, next due ${s.next_due}`);

  section('A typed error: no credentials, so the API answers 401');
  const anonymous = createHostensClient({ baseUrl: prism.url, throwOnError: true });
  try {
    await listServices(anonymous);
    throw new Error('expected a 401 without credentials');
  } catch (error) {
    if (!isAuthenticationError(error)) throw error;
    const e = error as HostBillApiError;
    console.log(`isAuthenticationError(error) === true; ${e.name}: ${e.message}`);
  }
  // `call` reaches any operation by method and path, the same as its resource command
  await step([...at, 'call', 'GET', '/service'], 3, { HOSTBILL_CONFIG_DIR: join(config, 'empty') });
}

try {
  await tour();
  await cleanUp();
  console.log(`\ndemo finished in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (error) {
  console.error(`\ndemo failed: ${(error as Error).message}`);
  await cleanUp();
  process.exitCode = 1;
}
