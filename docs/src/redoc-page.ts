import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { withCodeSamples } from '@hostbill-api/spec-pipeline';
import type { ReferenceProvider } from './providers.js';

const run = promisify(execFile);
const TEMPLATE = join(import.meta.dirname, 'redoc-page.hbs');
const require = createRequire(import.meta.url);

/** The pinned @redocly/cli's own entry, run with this Node (no global install, no npx download). */
function redoclyBin(): string {
  const manifest = require.resolve('@redocly/cli/package.json');
  const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(manifest), bin.redocly!);
}

/**
 * `<outDir>/<provider>/index.html`: Redocly's build-docs of the spec with our code samples, its Redoc
 * scripts inlined (`--inlineBundle`; without it the page loads them from Redocly's CDN when viewed).
 */
export async function renderProviderPage(provider: ReferenceProvider, outDir: string, workDir: string): Promise<string> {
  const specFile = join(workDir, `${provider.name}.openapi.json`);
  await writeFile(specFile, JSON.stringify(withCodeSamples(provider.spec, provider.config)));
  // the request panel's languages: ours first (from x-codeSamples), then the curl Redoc writes itself
  const config = join(workDir, 'redocly.yaml');
  await writeFile(config, JSON.stringify({ openapi: { codeSamples: { languages: [{ lang: 'TypeScript' }, { lang: 'curl' }] } } }));
  const page = join(outDir, provider.name, 'index.html');
  await mkdir(dirname(page), { recursive: true });
  const args = [redoclyBin(), 'build-docs', specFile, '--inlineBundle', '--template', TEMPLATE, '--config', config, '--lint-config', 'off', '--output', page, '--title', `${provider.config.title} API reference`];
  try {
    await run(process.execPath, args, {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`redocly build-docs failed for specs/${provider.name}/openapi.json:\n${stderr || stdout || (error as Error).message}`, { cause: error });
  }
  await writeFile(page, withoutRemoteLogo(await readFile(page, 'utf8')));
  return page;
}

// Redoc's sidebar footer shows Redocly's logo from their CDN, which no option turns off; an empty inline
// SVG in its place keeps the page from fetching anything when it is viewed (the page test checks that)
const REMOTE_LOGO = /https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(?:-full)?\.svg/g;
const EMPTY_SVG = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='1' height='1'/%3E";

export function withoutRemoteLogo(html: string): string {
  return html.replace(REMOTE_LOGO, EMPTY_SVG);
}
