/**
 * The provider.json a new provider starts with, from its vendor files alone: which field names each
 * file (by content, never by name), the title, the auth style, the servers and the docs' section headings
 * where the files say so.
 * What cannot be read from the files is a `guess` the command prints, so the user knows what to check.
 */
import { createHash } from 'node:crypto';
import { extractOperations, type DocsOperation } from '../docs/extract-operations.js';
import { PipelineError } from '../errors.js';
import type { AuthStyle } from '../model.js';
import type { ProviderJson } from '../read/provider-config.js';
import { describeSource, refuseJsonAsDocs } from '../read/source-kind.js';
import { parseStructuredSource } from '../read/structured-source.js';
import { docsSections, documentTags, possibleHeadings } from './docs-sections.js';
import { docsServer } from './docs-server.js';

export interface VendorFile {
  /** the name it gets under source/ */
  name: string;
  bytes: Buffer;
}

export interface NewProviderOptions {
  title?: string;
  baseUrl?: string;
  auth?: AuthStyle[];
  /** section names other providers' docs use (their provider.json `sections`): a docs line with one is a heading */
  knownSections?: string[];
}

export interface NewProvider {
  config: ProviderJson & { $schema: string };
  /** what was guessed rather than read, for the user to check */
  guesses: string[];
}

export const PROVIDER_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

export function describeNewProvider(name: string, files: VendorFile[], options: NewProviderOptions = {}): NewProvider {
  if (!PROVIDER_NAME.test(name)) throw new PipelineError(name, '', 'a provider name is lower-case letters, digits and dashes (it becomes the npm name @hostbill-api/<name>)');
  if (files.length === 0) throw new PipelineError(name, '', 'give at least one vendor file: a Swagger 2.0 or OpenAPI 3.x export (JSON or YAML), or a docs text capture');
  const names = new Set<string>();
  for (const file of files) {
    if (names.has(file.name)) throw new PipelineError(file.name, '', 'two vendor files have this name; rename one copy before adding it');
    names.add(file.name);
  }
  const described = files.map((file) => ({ file, source: describeSource(file.bytes) }));
  for (const d of described) if (d.source.kind === 'docs') refuseJsonAsDocs(d.file.bytes.toString('utf8'), d.file.name);
  const documents = described.filter((d) => d.source.kind !== 'docs');
  if (documents.length > 1) throw new PipelineError(documents[1]!.file.name, '', `is a second API document (${documents.map((d) => d.source.label).join(', ')}); a provider has one Swagger or OpenAPI file and any number of docs captures`);
  const document = documents[0];
  const parsed = document ? (parseStructuredSource(document.file.bytes.toString('utf8'), document.file.name).value as ApiDocument) : undefined;
  const docsFiles = described.filter((d) => d.source.kind === 'docs').map((d) => d.file);
  const docsText = docsFiles.map((file) => file.bytes.toString('utf8'));
  const guesses: string[] = [];

  const operations = docsOperations(docsFiles, [...(options.knownSections ?? []), ...documentTags(parsed)]);
  const title = options.title ?? titleFrom(parsed) ?? docsText.map(docsTitle).find(Boolean) ?? guess(guesses, `title "${titleCase(name)}" (from the folder name; give --title)`, titleCase(name));
  const auth = options.auth ?? authFrom(parsed, docsText) ?? guess(guesses, 'auth ["basic"] (no security scheme or login found; give --auth)', ['basic' as AuthStyle]);
  const servers = options.baseUrl ? [{ url: options.baseUrl.replace(/\/+$/, '') }] : hasServer(parsed) ? undefined : serversFromDocs(docsText, operations, title, guesses);
  // docs the extraction refuses say nothing of sections: `pnpm generate` reports them
  const sections = operations.length ? sectionsFromDocs(operations, guesses) : [];

  const source = (file: VendorFile) => `source/${file.name}`;
  const config: NewProvider['config'] = {
    $schema: '../provider.schema.json',
    name,
    title,
    ...(document ? { [document.source.kind === 'swagger2' ? 'swagger' : 'openapi']: source(document.file) } : {}),
    ...(docsFiles.length ? { docs: docsFiles.map(source) } : {}),
    ...(servers ? { servers } : {}),
    auth,
    ...(sections.length ? { sections } : {}),
    sha256: Object.fromEntries(files.map((f) => [source(f), createHash('sha256').update(f.bytes).digest('hex')])),
  };
  return { config, guesses };
}

type ApiDocument = {
  info?: { title?: unknown };
  tags?: unknown;
  host?: unknown;
  servers?: Array<{ url?: unknown }>;
  securityDefinitions?: Record<string, { type?: string; name?: string; in?: string }>;
  components?: { securitySchemes?: Record<string, { type?: string; scheme?: string; name?: string }> };
  paths?: Record<string, unknown>;
};

function guess<T>(guesses: string[], note: string, value: T): T {
  guesses.push(note);
  return value;
}

/** "Acme Cloud User API" -> "Acme Cloud": the spec's title is "<title> User API" again. */
function titleFrom(document: ApiDocument | undefined): string | undefined {
  const title = typeof document?.info?.title === 'string' ? document.info.title.trim() : '';
  const stripped = title.replace(/\s*[-–:]?\s*((client|user|public|rest)\s+)*api(\s+v?\d+(\.\d+)*)?$/i, '').trim();
  return stripped || undefined;
}

function titleCase(name: string): string {
  return name
    .split('-')
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(' ');
}

/** The styles the runtime has: HTTP Basic, or a bearer token (from `POST /login`, or given). */
function authFrom(document: ApiDocument | undefined, docs: string[]): AuthStyle[] | undefined {
  const styles = new Set<AuthStyle>();
  const schemes = [...Object.values(document?.securityDefinitions ?? {}), ...Object.values(document?.components?.securitySchemes ?? {})] as Array<{ type?: string; scheme?: string; name?: string }>;
  for (const scheme of schemes) {
    if (scheme.type === 'basic' || (scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'basic')) styles.add('basic');
    if ((scheme.type === 'http' && scheme.scheme?.toLowerCase() === 'bearer') || scheme.type === 'oauth2' || (scheme.type === 'apiKey' && scheme.name?.toLowerCase() === 'authorization')) styles.add('bearer');
  }
  const paths = Object.keys(document?.paths ?? {});
  if (paths.some((p) => /(^|\/)login$/.test(p))) styles.add('bearer');
  for (const text of docs) {
    if (/authorization:\s*basic|basic auth/i.test(text)) styles.add('basic');
    if (/authorization:\s*bearer|POST\s+\/login\b/i.test(text)) styles.add('bearer');
  }
  return styles.size ? [...styles] : undefined;
}

function hasServer(document: ApiDocument | undefined): boolean {
  return typeof document?.host === 'string' || (Array.isArray(document?.servers) && document.servers.some((s) => typeof s?.url === 'string' && /^https?:\/\//.test(s.url)));
}

/**
 * Every docs file's operations, read with the known section names as headings. A file the extraction
 * refuses gives none here: `pnpm generate` reports it with its line.
 */
function docsOperations(files: VendorFile[], sections: string[]): DocsOperation[] {
  return files.flatMap((file) => {
    try {
      return extractOperations(file.bytes.toString('utf8'), file.name, new Set(sections));
    } catch (error) {
      if (error instanceof PipelineError) return [];
      throw error;
    }
  });
}

function sectionsFromDocs(operations: DocsOperation[], guesses: string[]): string[] {
  const sections = docsSections(operations);
  const effect = 'a heading not listed becomes the title of its first operation, and the heading and its intro that operation\'s description';
  guesses.push(
    sections.length
      ? `sections ${JSON.stringify(sections)} (docs lines that are known section names or the API document's tags, standing before operations' titles): ${effect}; add any other heading to "sections"`
      : `no sections: no docs line is a known section name or a tag of the API document, so headings cannot be told from operation titles: ${effect}; list the docs' headings under "sections" in provider.json`,
  );
  const possible = possibleHeadings(operations);
  if (possible.length) guesses.push(`titles that may be unlisted section headings (each over another title-like line): ${possible.join(', ')}`);
  return sections;
}

/** The server the docs' samples call, where they agree on one; otherwise a host variable to fill in. */
function serversFromDocs(docs: string[], operations: DocsOperation[], title: string, guesses: string[]): ProviderJson['servers'] {
  const { url, prefixes } = docsServer(docs, operations);
  if (url) return guess(guesses, `server URL ${url} (from the docs: all ${prefixes.get(url)} sample URLs that end in a documented path start with it; give --base-url otherwise)`, [{ url }]);
  const disagree = prefixes.size > 1 ? ` (the docs samples call ${[...prefixes.keys()].join(', ')})` : '';
  return guess(guesses, `no server URL in the files${disagree}: the client will require \`baseUrl\` (give --base-url for a default)`, [
    { url: 'https://{host}/api', description: `${title}'s client area`, variables: { host: { default: 'billing.example.com', description: 'Host name of the client area' } } },
  ]);
}

/** A Slate capture opens with its menu: `NAV`, then the provider's name ("PIO Hosting GmbH"). */
function docsTitle(text: string): string | undefined {
  const [nav, title] = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  return nav === 'NAV' && title && title.length <= 60 && /^[A-Z0-9]/.test(title) ? title : undefined;
}
