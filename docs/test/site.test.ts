import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { FakeServer } from '@hostbill-api/test-support';
import { CHROMIUM, hasChromium, inCi, launchChromium } from '@hostbill-api/test-support/chromium';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuiltSite } from '../src/build.js';
import { referenceProviders, ROOT } from '../src/providers.js';
import { serveSite } from './static-site.js';
import { sampleOperations, tagSlug, type SampleOperation } from './sample-operations.js';

const OUTPUT = join(import.meta.dirname, '..', 'test-output');
const SCREENSHOTS = join(OUTPUT, 'screenshots');
const providers = referenceProviders();
let site: BuiltSite;

beforeAll(async () => {
  const started = Date.now();
  site = await buildSite({ outDir: join(OUTPUT, 'site') });
  console.log(`docs test: site built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

/** Every HTML file of a folder, recursively. */
const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && d.name.endsWith('.html'))
    .map((d) => join(d.parentPath, d.name));

/** The runtime's exported functions, read from its committed API report: the reference must have a page for each. */
const runtimeFunctions = [...readFileSync(join(ROOT, 'packages', 'runtime', 'api', 'runtime.api.md'), 'utf8').matchAll(/^export function (\w+)/gm)].map((m) => m[1]!);

describe('the built site', () => {
  it('has one page per provider of specs/, the runtime reference and an index linking them', () => {
    expect(site.providers.map((p) => p.name)).toEqual(providers.map((p) => p.name));
    const index = readFileSync(site.index, 'utf8');
    for (const page of site.providers) {
      expect(existsSync(page.page)).toBe(true);
      expect(index).toContain(`href="${page.name}/index.html"`);
    }
    expect(index).toContain('href="runtime/index.html"');
    expect(runtimeFunctions.length).toBeGreaterThan(5);
    for (const name of runtimeFunctions) expect(existsSync(join(site.outDir, 'runtime', 'functions', `${name}.html`)), name).toBe(true);
  });

  it('loads no script, stylesheet, image or font from another host', () => {
    const files = htmlFiles(site.outDir);
    expect(files.length).toBeGreaterThan(providers.length + 10);
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      // a resource attribute or a module import pointing off the site; plain <a href> links are fine
      expect(html.match(/<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=["']?(?:https?:)?\/\/[^>]*>/gi), file).toBeNull();
      expect(html.match(/\bimport\b[^;]*from\s*["'](?:https?:)?\/\//g), file).toBeNull();
      // Redocly's attribution logo, the one remote image the bundle would load (build replaces it)
      expect(/cdn\.redoc\.ly\/redoc\/logo/.test(html), `${file} still names Redocly's remote logo`).toBe(false);
    }
  });
});

describe('in headless Chromium', () => {
  const missing = !hasChromium();
  let browser: Browser | undefined;
  let server: FakeServer | undefined;
  beforeAll(async () => {
    if (missing) return;
    server = await serveSite(site.outDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.runIf(missing && inCi())(`${CHROMIUM} is installed (.ci/run installs it)`, () => {
    throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (apt-get install -y chromium)`);
  });
  if (missing && !inCi()) console.warn(`api-reference: SKIPPING the page tests: ${CHROMIUM} not found (apt-get install -y chromium); CI=true fails instead`);

  /**
   * Runs `check` in a fresh page whose every request must go to the site's server on 127.0.0.1 (or be a
   * blob/data URL the page makes itself): anything else is aborted and recorded, so "nothing left the
   * machine" is asserted, not assumed; so is a page without script errors.
   */
  async function inOfflinePage(check: (page: Page) => Promise<void>): Promise<void> {
    const context = await browser!.newContext({ viewport: { width: 1400, height: 1000 } });
    try {
      const left: string[] = [];
      const errors: string[] = [];
      const local = (url: string) => url.startsWith(`${server!.url}/`) || /^(blob|data):/.test(url);
      await context.route(
        (url) => !local(url.href),
        (route) => {
          left.push(route.request().url());
          return route.abort('blockedbyclient');
        },
      );
      context.on('request', (request) => void (!local(request.url()) && left.push(request.url())));
      const page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
      await check(page);
      expect(left, 'requests that left the machine').toEqual([]);
      expect(errors, 'page errors').toEqual([]);
    } finally {
      await context.close();
    }
  }

  const url = (file: string) => `${server!.url}/${relative(site.outDir, file).split(sep).join('/')}`;

  for (const provider of providers) {
    it.skipIf(missing)(`${provider.name}: one operation per tag renders with its parameters, our client's code sample and its example`, async () => {
      await inOfflinePage(async (page) => {
        const file = join(site.outDir, provider.name, 'index.html');
        const samples = sampleOperations(provider);
        expect(samples.length).toBeGreaterThan(0);
        await page.goto(url(file), { waitUntil: 'load' });
        for (const [i, op] of samples.entries()) {
          await expectOperation(page, op);
          if (i === 0) await page.screenshot({ path: await screenshotPath(`${provider.name}.png`) });
        }
      });
    });
  }

  it.skipIf(missing)('runtime: the TypeDoc reference lists every exported function and renders its signature', async () => {
    await inOfflinePage(async (page) => {
      await page.goto(url(join(site.outDir, 'runtime', 'index.html')), { waitUntil: 'load' });
      await expect.poll(() => page.title()).toContain('@hostbill-api/runtime');
      await page.screenshot({ path: await screenshotPath('runtime.png') });
      const name = runtimeFunctions.includes('basicAuth') ? 'basicAuth' : runtimeFunctions[0]!;
      await page.goto(url(join(site.outDir, 'runtime', 'functions', `${name}.html`)), { waitUntil: 'load' });
      await expect.poll(() => page.locator('.tsd-signature').first().innerText()).toContain(name);
    });
  });

  it.skipIf(missing)('index: links every provider page and the runtime, and the links open them', async () => {
    await inOfflinePage(async (page) => {
      await page.goto(url(site.index), { waitUntil: 'load' });
      const links = await page.locator('a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
      expect(links).toEqual([...providers.map((p) => `${p.name}/index.html`), 'runtime/index.html']);
      await page.screenshot({ path: await screenshotPath('index.png') });
      await page.getByRole('link', { name: providers[0]!.config.title, exact: true }).click();
      await expect.poll(() => page.title()).toBe(`${providers[0]!.config.title} API reference`);
    });
  });
});

async function screenshotPath(name: string): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

/** Opens the operation by its link (`#/<tag>/<operationid>`) and checks what its section and panels show. */
async function expectOperation(page: Page, op: SampleOperation): Promise<void> {
  const id = `/${tagSlug(op.tag)}/${op.operationId.toLowerCase()}`;
  await page.evaluate((hash) => void (location.hash = hash), `#${id}`);
  const section = page.locator(`[data-section-id="${id}"]`);
  await section.waitFor({ state: 'visible' });
  const text = await section.innerText();
  const where = `${op.method.toUpperCase()} ${op.path} (tag ${op.tag})`;
  if (op.summary) expect(text, where).toContain(op.summary.trim().split('\n')[0]);
  for (const name of op.parameters) expect(text, `${where}: parameter ${name}`).toContain(name);
  // the request panel's first language is ours: the call through the provider's client
  expect(text, `${where}: code sample`).toContain(`${op.factory}({`);
  expect(text, `${where}: code sample`).toContain(`client.${op.method.toUpperCase()}('${op.path}'`);
  if (op.exampleText) expect(text, `${where}: response example`).toContain(op.exampleText);
}
