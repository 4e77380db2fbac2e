import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { FakeApi } from './fake-api.js';
import type { ProbeArgs, ProbeResult } from './runtimes.js';

export { CHROMIUM, hasChromium, launchChromium } from '@hostbill-api/test-support/chromium';

/**
 * Bundles the shared probe with the installed package for the browser (esbuild, as a user's bundler
 * would: `browser`/`import` conditions) and serves page and bundle from the fake API's origin.
 * Returns the page URL.
 */
export async function servePage(api: FakeApi, consumerDir: string, packageName: string): Promise<string> {
  const slug = packageName.replace(/\W+/g, '-');
  const entry = join(consumerDir, `browser-${slug}.mjs`);
  await writeFile(
    entry,
    `import * as provider from '${packageName}';\nimport * as runtime from '@hostbill-api/runtime';\nimport core from './probe-core.cjs';\nglobalThis.runProbe = (args) => core.probe(provider, runtime, args);\n`,
  );
  const bundled = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, absWorkingDir: consumerDir, logLevel: 'silent' });
  api.serve(`/${slug}.js`, 'text/javascript', bundled.outputFiles[0]!.text);
  api.serve(`/${slug}.html`, 'text/html', `<!doctype html><title>${packageName}</title><script type="module" src="/${slug}.js"></script>`);
  return `${api.url}/${slug}.html`;
}

/** Opens the page (goto waits for `load`, which a module script precedes) and runs the probe in it. */
export async function runInPage(browser: Browser, pageUrl: string, args: ProbeArgs): Promise<ProbeResult> {
  const page = await browser.newPage();
  try {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
    await page.goto(pageUrl);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    return await page.evaluate((a) => (globalThis as unknown as { runProbe: (a: ProbeArgs) => Promise<ProbeResult> }).runProbe(a), args);
  } finally {
    await page.close();
  }
}
