// What a user of the operation functions gets, read from the built packages: a bundle with only the
// operations imported, and the vendor's words in the emitted .d.ts (what an editor shows on hover).
import { build } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const PROVIDERS = readdirSync(join(ROOT, 'specs'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .filter((name) => readdirSync(join(ROOT, 'specs', name)).includes('provider.json'))
  .sort();

type Operation = { operationId: string; summary?: string; path: string; method: string };
function operationsOf(provider: string): Operation[] {
  const spec = JSON.parse(readFileSync(join(ROOT, 'specs', provider, 'openapi.json'), 'utf8')) as { paths: Record<string, Record<string, { operationId: string; summary?: string }>> };
  return Object.entries(spec.paths).flatMap(([path, item]) => Object.entries(item).filter(([method]) => method !== 'parameters').map(([method, op]) => ({ ...op, path, method })));
}

/** The generated function's name is the operationId, camelCased; found in the package's operation list. */
function exportedName(provider: string, op: Operation): string {
  const source = readFileSync(join(ROOT, 'packages', provider, 'src', 'operations.ts'), 'utf8');
  const match = new RegExp(`export const (\\w+) = /\\* @__PURE__ \\*/ defineOperation<paths, '${op.method}', '${op.path.replace(/[{}]/g, '\\$&')}'>`).exec(source);
  if (!match) throw new Error(`packages/${provider}/src/operations.ts has no function for ${op.method.toUpperCase()} ${op.path}`);
  return match[1]!;
}

describe.each(PROVIDERS)('@hostbill-api/%s operation functions', (provider) => {
  const operations = operationsOf(provider);

  it('a consumer that uses two operations bundles two', async () => {
    const [first, second] = [operations[0]!, operations.at(-1)!];
    const names = [exportedName(provider, first), exportedName(provider, second)];
    const entry = `import { createClient, ${names.join(', ')} } from '@hostbill-api/${provider}';\nconst client = createClient({ baseUrl: 'http://127.0.0.1:9/api' });\nexport const run = () => Promise.all([${names.map((n) => `${n}(client, {} as never)`).join(', ')}]);\n`;
    const result = await build({ stdin: { contents: entry, resolveDir: join(ROOT, 'tests', 'consumer'), loader: 'ts' }, bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent', mainFields: ['module', 'main'] });
    const bundle = result.outputFiles[0]!.text;
    const calls = [...bundle.matchAll(/defineOperation\(\s*"(\w+)",\s*"([^"]+)"\)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(calls.sort()).toEqual([`${first.method} ${first.path}`, `${second.method} ${second.path}`].sort());
  });

  it("the .d.ts carries each operation's summary as JSDoc", () => {
    const dts = readFileSync(join(ROOT, 'packages', provider, 'dist', 'index.d.ts'), 'utf8');
    const documented = operations.filter((op) => op.summary && !op.summary.includes('*/'));
    expect(documented.length).toBeGreaterThan(0);
    for (const op of documented) {
      const name = exportedName(provider, op);
      const at = dts.indexOf(`declare const ${name}:`);
      expect(at, `${name} in dist/index.d.ts`).toBeGreaterThan(0);
      const comment = dts.slice(dts.lastIndexOf('/**', at), at);
      expect(comment, `JSDoc of ${name}`).toContain(` * ${op.summary!.split(/\r?\n/)[0]!.trim()}`);
    }
  });
});
