/**
 * `pnpm docs`: the API reference site in docs/dist (git-ignored): one Redocly page per provider of
 * specs/, TypeDoc for the runtime, and an index page linking them. Everything a page needs is inside
 * the site, so it opens offline.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listOperations } from '@hostbill-api/spec-pipeline';
import { indexPage, providerEntry } from './index-page.js';
import { referenceProviders, ROOT, SPECS_DIR } from './providers.js';
import { renderProviderPage } from './redoc-page.js';
import { renderRuntimeReference } from './typedoc-runtime.js';

export const DEFAULT_OUT = join(ROOT, 'docs', 'dist');

export interface BuiltSite {
  outDir: string;
  index: string;
  providers: Array<{ name: string; page: string; operations: number }>;
  runtime: string;
}

export async function buildSite({ outDir = DEFAULT_OUT, specsDir = SPECS_DIR, log = (_: string) => {} } = {}): Promise<BuiltSite> {
  const providers = referenceProviders(specsDir);
  if (providers.length === 0) throw new Error(`${specsDir}: no provider folder holds an openapi.json`);
  await rm(outDir, { recursive: true, force: true });
  const work = await mkdtemp(join(tmpdir(), 'hostbill-api-reference-'));
  const shown = (file: string) => relative(ROOT, file);
  try {
    const pages: BuiltSite['providers'] = [];
    for (const provider of providers) {
      const started = Date.now();
      const page = await renderProviderPage(provider, outDir, work);
      const operations = listOperations(provider.spec, `${provider.name}/openapi.json`).length;
      pages.push({ name: provider.name, page, operations });
      log(`docs: ${provider.name}: ${operations} operations -> ${shown(page)} (${await size(page)}, ${seconds(started)})`);
    }
    const started = Date.now();
    const runtime = await renderRuntimeReference(outDir);
    log(`docs: runtime: TypeDoc -> ${shown(runtime)} (${seconds(started)})`);
    const index = join(outDir, 'index.html');
    const entries = pages.map((p) => providerEntry(providers.find((x) => x.name === p.name)!, p.operations));
    await writeFile(index, indexPage(entries, { href: 'runtime/index.html', title: '@hostbill-api/runtime', detail: 'auth, retries, timeouts, typed errors, poll and tasks (TypeDoc)' }));
    log(`docs: index -> ${shown(index)}`);
    return { outDir, index, providers: pages, runtime };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const size = async (file: string) => `${((await stat(file)).size / 1024 / 1024).toFixed(1)} MB`;

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  buildSite({ log: (line) => console.log(line) }).then(
    (site) => console.log(`docs: ${site.providers.length} provider pages + runtime in ${seconds(started)}; open ${relative(ROOT, site.index)}`),
    (error: unknown) => {
      console.error(`error: ${(error as Error).message}`);
      process.exitCode = 1;
    },
  );
}
