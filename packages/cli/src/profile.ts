import { chmodSync, mkdirSync, renameSync, rmSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from './exit-codes.js';

/** One named profile: where to talk to and how to authenticate. */
export interface Profile {
  provider: string;
  baseUrl?: string;
  username: string;
  /** `jwt`: the provider's `POST /login`, tokens in the token cache; `basic`: the password is stored here */
  auth: 'jwt' | 'basic';
  password?: string;
}

/** A JWT session as the runtime's jwtAuth reports it, pinned to the deployment that issued it. */
export interface CachedSession {
  provider: string;
  baseUrl: string;
  token: string;
  refresh?: string;
}

/** `$HOSTBILL_CONFIG_DIR`, else `$XDG_CONFIG_HOME/hostbill`, else `~/.config/hostbill`. */
export function configDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HOSTBILL_CONFIG_DIR) return env.HOSTBILL_CONFIG_DIR;
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'hostbill');
}

export const profilesFile = () => join(configDir(), 'profiles.json');
export const tokensFile = () => join(configDir(), 'tokens.json');

/**
 * Reads a JSON file that holds secrets; absent is empty. One that others may read is refused (like
 * ssh does with keys): its secrets may already have leaked, and using it would hide that.
 */
function readSecret<T>(file: string): Record<string, T> {
  let mode: number;
  try {
    mode = statSync(file).mode;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  if (mode & 0o077) {
    throw new UsageError(`${file} is readable by others (mode ${(mode & 0o777).toString(8).padStart(4, '0')}); it holds credentials: run \`chmod 600 ${file}\``);
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, T>;
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${(error as Error).message}): fix or delete it`);
  }
}

/** Writes through a 0600 temporary file and a rename, so a reader never sees half a file or a wider mode. */
function writeSecret(file: string, data: Record<string, unknown>): void {
  const dir = configDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (Object.keys(data).length === 0) {
    rmSync(file, { force: true });
    return;
  }
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(data, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600); // the mode of writeFileSync is only used when it creates the file
  renameSync(temporary, file);
}

export const readProfiles = () => readSecret<Profile>(profilesFile());
export const readSessions = () => readSecret<CachedSession>(tokensFile());

export function saveProfile(name: string, profile: Profile | undefined): void {
  const all = readProfiles();
  if (profile) all[name] = profile;
  else delete all[name];
  writeSecret(profilesFile(), all);
}

export function saveSession(name: string, session: CachedSession | undefined): void {
  const all = readSessions();
  if (session) all[name] = session;
  else delete all[name];
  writeSecret(tokensFile(), all);
}
