/**
 * Bundle size a user pays: esbuild bundles a 5-line consumer of each provider package (runtime
 * included), minified, then gzip. openapi-fetch alone is the floor for comparison.
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

const consumers: Record<string, string> = {
  'openapi-fetch alone': `import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: 'https://example.com/api' });
export const get = () => client.GET('/service' as never);`,
  ...Object.fromEntries(
    [
      ['@hostbill-api/pio-hosting', 'createPioHostingClient', 'jwtAuth'],
      ['@hostbill-api/htmoni', 'createHtMoniClient', 'basicAuth'],
      ['@hostbill-api/hostens', 'createHostensClient', 'basicAuth'],
      ['@hostbill-api/hostbill', 'createHostBillClient', 'jwtAuth'],
    ].map(([pkg, factory, auth]) => [
      pkg,
      `import { ${factory}, ${auth} } from '${pkg}';
const client = ${factory}({ baseUrl: 'https://example.com/api', auth: ${auth}({ username: 'u', password: 'p' }) });
export async function services() {
  return (await client.GET('/service')).data;
}`,
    ]),
  ),
};

async function measure(name: string, source: string) {
  const result = await build({
    stdin: { contents: source, resolveDir: here, loader: 'ts', sourcefile: 'consumer.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { name, minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}

const rows = [];
for (const [name, source] of Object.entries(consumers)) rows.push(await measure(name, source));
console.log('bundle size (esbuild --minify, gzip -9)\n');
console.log('| bundle | minified | gzip |\n|---|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${(r.minifiedBytes / 1024).toFixed(1)} kB | ${(r.gzipBytes / 1024).toFixed(2)} kB |`);
mkdirSync(join(here, '..'), { recursive: true });
writeFileSync(join(here, '..', 'results.json'), `${JSON.stringify({ bundleSize: rows }, null, 2)}\n`);
