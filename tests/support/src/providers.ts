import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The one list of providers every suite tests: the folders of `specs/` that hold a provider.json.
 * Suites derive from it instead of naming providers, so a new folder is tested everywhere the moment
 * it exists, and a removed one is gone everywhere.
 */
export const SPECS_DIR = join(import.meta.dirname, '..', '..', '..', 'specs');

export type AuthStyle = 'basic' | 'bearer';

export interface Provider {
  /** the folder's name, also the package's: `@hostbill-api/<name>` */
  name: string;
  title: string;
  /** provider.json `auth[0]`: how a client of it authenticates by preference */
  auth: AuthStyle;
  /** `"unionOf"` is set: its spec unites the others' */
  union: boolean;
  /** a union takes this provider's operations (it is no union and has no `"excludeFromUnion": true`) */
  inUnion: boolean;
  packageName: string;
  specFile: string;
  /** provider.json as written, for what the fields above leave out (sources, sections) */
  config: Record<string, unknown>;
}

/** The provider.json fields the suites read; the spec pipeline validates the whole file against its schema. */
interface ProviderJson {
  name?: unknown;
  title?: unknown;
  auth?: unknown;
  unionOf?: unknown;
  excludeFromUnion?: unknown;
}

export function providers(specsDir: string = SPECS_DIR): Provider[] {
  return readdirSync(specsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(specsDir, d.name, 'provider.json')))
    .map((d) => d.name)
    .sort()
    .map((name) => readProviderJson(specsDir, name));
}

function readProviderJson(specsDir: string, name: string): Provider {
  const file = join(specsDir, name, 'provider.json');
  const config = JSON.parse(readFileSync(file, 'utf8')) as ProviderJson & Record<string, unknown>;
  // a suite must not guess: anything it would need to guess is named, with its file and pointer
  if (typeof config.title !== 'string') throw new Error(`${file}:/title: must be a string`);
  const auth = Array.isArray(config.auth) ? config.auth[0] : undefined;
  if (auth !== 'basic' && auth !== 'bearer') throw new Error(`${file}:/auth/0: must be "basic" or "bearer"`);
  const union = config.unionOf !== undefined;
  return {
    name,
    title: config.title,
    auth,
    union,
    inUnion: !union && config.excludeFromUnion !== true,
    packageName: `@hostbill-api/${name}`,
    specFile: join(specsDir, name, 'openapi.json'),
    config,
  };
}

/** One provider by name; an unknown name is an error listing the known ones. */
export function provider(name: string, specsDir: string = SPECS_DIR): Provider {
  const found = providers(specsDir).find((p) => p.name === name);
  if (!found) throw new Error(`no provider "${name}" in ${specsDir} (known: ${providers(specsDir).map((p) => p.name).join(', ')})`);
  return found;
}
