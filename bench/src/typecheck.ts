/**
 * Type-check cost for a user: `tsc --noEmit` on a file that calls 20 operations of the largest
 * client (hostbill) against the same 20 calls made with plain fetch.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HERE } from './lib.js';

const OUT = join(HERE, '..', '.typecheck');

function sample(schema: { type?: string | string[] } | undefined): string {
  const type = Array.isArray(schema?.type) ? schema!.type[0] : schema?.type;
  return type === 'integer' || type === 'number' ? '1' : "'1'";
}

function writeConsumers(): void {
  const spec = JSON.parse(readFileSync(join(HERE, '..', '..', 'specs', 'hostbill', 'openapi.json'), 'utf8'));
  const gets = Object.entries(spec.paths as Record<string, { get?: { parameters?: Array<{ name: string; in: string; schema?: { type?: string } }> } }>)
    .filter(([, item]) => item.get)
    .slice(0, 20);
  const withClient = gets.map(([path, item], i) => {
    const params = (item.get!.parameters ?? []).filter((p) => p.in === 'path').map((p) => `${p.name}: ${sample(p.schema)}`);
    return `  const r${i} = await client.GET('${path}'${params.length ? `, { params: { path: { ${params.join(', ')} } } }` : ''});\n  use(r${i}.data);`;
  });
  const withFetch = gets.map(([path], i) => `  const r${i} = await (await fetch(base + '${path.replace(/\{[^}]+\}/g, '1')}')).json();\n  use(r${i});`);
  const head = 'declare function use(value: unknown): void;\n';
  writeFileSync(join(OUT, 'with-client.ts'), `${head}import { createHostBillClient } from '@hostbill-api/hostbill';\nconst client = createHostBillClient({ baseUrl: 'https://example.com/api' });\nexport async function run() {\n${withClient.join('\n')}\n}\n`);
  writeFileSync(join(OUT, 'with-fetch.ts'), `${head}const base = 'https://example.com/api';\nexport async function run() {\n${withFetch.join('\n')}\n}\n`);
}

function tscSeconds(file: string): number {
  const started = performance.now();
  execFileSync('pnpm', ['exec', 'tsc', '--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--types', 'node', join(OUT, file)], {
    cwd: join(HERE, '..'),
    stdio: 'inherit',
  });
  return (performance.now() - started) / 1000;
}

export function measureTypecheck() {
  mkdirSync(OUT, { recursive: true });
  writeConsumers();
  const client = tscSeconds('with-client.ts');
  const plain = tscSeconds('with-fetch.ts');
  return { clientSeconds: client, fetchSeconds: plain, extraSeconds: client - plain };
}
