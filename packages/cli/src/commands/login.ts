import { createInterface } from 'node:readline';
import type { AuthContext, AuthStrategy } from '@hostbill-api/runtime';
import type { Command } from 'commander';
import { createCliClient, resolveProvider, type GlobalOptions } from '../context.js';
import { EXIT, UsageError, exitCodeOf } from '../exit-codes.js';
import { profilesFile, readProfiles, readSessions, saveProfile, saveSession, tokensFile } from '../profile.js';
import { effectiveBaseUrl, hasJwtLogin, jwtFor, profileName } from '../session.js';

/** Asks on the terminal; `hidden` echoes nothing (a password). */
function ask(question: string, hidden: boolean): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  if (hidden) {
    // readline echoes what is typed through _writeToOutput; print the question only
    (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text) => {
      if (text.includes(question)) process.stderr.write(question);
    };
  }
  // raw mode turns Ctrl-C into a readline event: honour it as the interrupt it is
  rl.on('SIGINT', () => {
    rl.close();
    process.stderr.write('\n');
    process.exit(EXIT.interrupted);
  });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      if (hidden) process.stderr.write('\n');
      resolve(answer);
    });
  });
}

async function credential(env: string, question: string, hidden: boolean): Promise<string> {
  const value = process.env[env];
  if (value) return value;
  if (!process.stdin.isTTY) throw new UsageError(`login: set ${env} or run on a terminal to be asked`);
  const answer = await ask(question, hidden);
  if (!answer) throw new UsageError(`login: no ${hidden ? 'password' : 'user name'} given`);
  return answer;
}

async function login(opts: GlobalOptions) {
  const name = profileName(opts);
  const ctx = await resolveProvider(opts);
  const username = await credential('HOSTBILL_USERNAME', 'E-mail: ', false);
  const password = await credential('HOSTBILL_PASSWORD', 'Password: ', true);
  const baseUrl = ctx.baseUrl;
  const where = baseUrl ? { baseUrl } : {};
  if (!hasJwtLogin(ctx.spec)) {
    saveProfile(name, { provider: ctx.provider, ...where, username, auth: 'basic', password });
    saveSession(name, undefined);
    console.log(`profile "${name}": ${ctx.provider} as ${username} (HTTP Basic: ${ctx.provider}'s spec has no POST /login), saved in ${profilesFile()}`);
    return;
  }
  // The runtime's own login (its answer checks, timeouts, redaction), run now rather than on first use:
  // the strategy is bound through a client, then asked to authorize once.
  const jwt = jwtFor(ctx, name, username, password);
  let context: AuthContext | undefined;
  const capture: AuthStrategy = { kind: 'jwt', bind: (c) => ((context = c), jwt.bind(c)) };
  createCliClient(ctx, opts, capture);
  await jwt.bind(context!).authorize({}, AbortSignal.timeout(60_000));
  saveProfile(name, { provider: ctx.provider, ...where, username, auth: 'jwt' });
  console.log(`profile "${name}": ${ctx.provider} as ${username}, logged in (POST /login); token cached in ${tokensFile()}`);
}

async function logout(opts: GlobalOptions) {
  const name = profileName(opts);
  const profile = readProfiles()[name];
  if (!profile) throw new UsageError(`logout: no profile "${name}" in ${profilesFile()}`);
  const session = readSessions()[name];
  if (profile.auth === 'jwt' && session) {
    try {
      const ctx = await resolveProvider(opts);
      const jwt = jwtFor(ctx, name, profile.username, '', { token: session.token, ...(session.refresh ? { refresh: session.refresh } : {}) });
      createCliClient(ctx, opts, jwt);
      await jwt.revoke({ signal: AbortSignal.timeout(60_000) });
      console.log(`revoked the session at ${effectiveBaseUrl(ctx)} (POST /revoke)`);
    } catch (error) {
      // the local copy goes anyway: a logout must not leave credentials behind
      console.error(`warning: could not revoke the session on the server: ${(error as Error).message}`);
      process.exitCode = exitCodeOf(error);
    }
  }
  saveSession(name, undefined);
  saveProfile(name, undefined);
  console.log(`profile "${name}" deleted`);
}

/** The stored profiles, without their secrets. */
function listProfiles() {
  const sessions = readSessions();
  for (const [name, p] of Object.entries(readProfiles())) {
    const auth = p.auth === 'jwt' ? `jwt, ${sessions[name] ? 'token cached' : 'no token'}` : 'basic';
    console.log(`${name}\t${p.provider}\t${p.baseUrl ?? '(spec address)'}\t${p.username}\t${auth}`);
  }
}

export function registerSession(program: Command): void {
  const global = () => program.opts<GlobalOptions>();
  program
    .command('login')
    .description('log in and save a profile: JWT (POST /login) where the spec has it, else Basic credentials (HOSTBILL_USERNAME/HOSTBILL_PASSWORD, or asked on a terminal)')
    .action(() => login(global()));
  program.command('logout').description("revoke the profile's session (POST /revoke) and delete the profile").action(() => logout(global()));
  program.command('profiles').description('list the saved profiles (never their secrets)').action(() => listProfiles());
}
