/**
 * Bundle size a user pays: esbuild bundles a 5-line consumer of each provider package (runtime
 * included), minified, then gzip. openapi-fetch alone is the floor for comparison.
 */
import { providers } from '@hostbill-api/test-support';
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));

/** A path of the spec to call in the bundle (the first GET; the bytes are the client's either way). */
function firstPath(specFile: string): string {
  const paths = (JSON.parse(readFileSync(specFile, 'utf8')) as { paths: Record<string, { get?: unknown }> }).paths;
  return Object.keys(paths).find((path) => paths[path]!.get !== undefined) ?? Object.keys(paths)[0] ?? '/';
}

const consumers: Record<string, string> = {
  'axios alone': `import axios from 'axios';
export const get = () => axios.get('https://example.com/api/service');`,
  'openapi-fetch alone': `import createClient from 'openapi-fetch';
const client = createClient({ baseUrl: 'https://example.com/api' });
export const get = () => client.GET('/service' as never);`,
  // every provider in specs/, through the factory name all packages share and the auth provider.json prefers
  ...Object.fromEntries(
    providers().map((p) => {
      const auth = p.auth === 'bearer' ? 'jwtAuth' : 'basicAuth';
      return [
        p.packageName,
        `import { createClient, ${auth} } from '${p.packageName}';
const client = createClient({ baseUrl: 'https://example.com/api', auth: ${auth}({ username: 'u', password: 'p' }) });
export async function first() {
  return (await client.GET(${JSON.stringify(firstPath(p.specFile))})).data;
}`,
      ];
    }),
  ),
  // the target: runtime + one provider + waitForTask
  'hostens + waitForTask': `import { createHostensClient, basicAuth, waitForTask } from '@hostbill-api/hostens';
const client = createHostensClient({ auth: basicAuth({ username: 'u', password: 'p' }), throwOnError: true });
export async function reboot(serverId: number) {
  const { data } = await client.POST('/server/{server_id}/reboot', { params: { path: { server_id: serverId } } });
  return waitForTask(client, { server_id: serverId, task_id: data.task_id });
}`,
  // the same with response validation on: the validators arrive through their own subpath
  'hostens + waitForTask, validateResponses: warn': `import { createHostensClient, basicAuth, waitForTask } from '@hostbill-api/hostens';
const client = createHostensClient({ auth: basicAuth({ username: 'u', password: 'p' }), throwOnError: true, validateResponses: 'warn', validators: () => import('@hostbill-api/hostens/validators') });
export async function reboot(serverId: number) {
  const { data } = await client.POST('/server/{server_id}/reboot', { params: { path: { server_id: serverId } } });
  return waitForTask(client, { server_id: serverId, task_id: data.task_id });
}`,
};

/** Text only the response checker and the compiled validators hold: absent from a bundle that does not validate. */
export const VALIDATION_MARKERS = ['missingProperty', 'response drift'];

async function measure(name: string, source: string) {
  const result = await build({
    stdin: { contents: source, resolveDir: here, loader: 'ts', sourcefile: 'consumer.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const text = new TextDecoder().decode(code);
  return { name, minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength, validationCode: VALIDATION_MARKERS.some((marker) => text.includes(marker)) };
}

export async function measureBundleSizes() {
  const rows = [];
  for (const [name, source] of Object.entries(consumers)) rows.push(await measure(name, source));
  return rows;
}
