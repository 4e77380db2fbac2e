// What a user of the operation functions gets, read from the built packages: a bundle with only the
// operations imported, and the vendor's words in the emitted .d.ts (what an editor shows on hover).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { providers, readSpec } from '@hostbill-api/test-support';
import { listOperations, type OperationDoc } from '@hostbill-api/spec-pipeline';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PROVIDERS = providers().map((p) => p.name);

/** Each operation as the generator names its function (the name the package exports). */
const operationsOf = (provider: string): OperationDoc[] => listOperations(readSpec(provider) as never, `specs/${provider}/openapi.json`);

describe.each(PROVIDERS)('@hostbill-api/%s operation functions', (provider) => {
  const operations = operationsOf(provider);

  it('a consumer that uses two operations bundles two', async () => {
    const [first, second] = [operations[0]!, operations.at(-1)!];
    const names = [first.name, second.name];
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
      const name = op.name;
      const at = dts.indexOf(`declare const ${name}:`);
      expect(at, `${name} in dist/index.d.ts`).toBeGreaterThan(0);
      const comment = dts.slice(dts.lastIndexOf('/**', at), at);
      expect(comment, `JSDoc of ${name}`).toContain(` * ${op.summary!.split(/\r?\n/)[0]!.trim()}`);
    }
  });
});
