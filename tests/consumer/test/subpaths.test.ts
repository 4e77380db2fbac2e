// What a client that does not record or validate pays for those features: nothing. Each lives on its own
// subpath of every provider package, bundled only by code that imports it. Read from the built packages.
import { build } from 'esbuild';
import { join } from 'node:path';
import { providers } from '@hostbill-api/test-support';
import { describe, expect, it } from 'vitest';

const CONSUMER_DIR = join(import.meta.dirname, '..');

async function bundle(contents: string): Promise<string> {
  const result = await build({ stdin: { contents, resolveDir: CONSUMER_DIR, loader: 'ts' }, bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent', mainFields: ['module', 'main'] });
  return result.outputFiles[0]!.text;
}

/** Text only the recorder holds (its cap message) and only the body redaction holds (a placeholder). */
const RECORDER = 'later answers are not recorded';
const REDACTION = '<ipv4>';

describe.each(providers().map((p) => p.packageName))('%s subpaths', (pkg) => {
  it('a client that does not record bundles neither the recorder nor the body redaction', async () => {
    const text = await bundle(`import { createClient } from '${pkg}';\nexport const client = createClient({ baseUrl: 'http://127.0.0.1:9/api' });\n`);
    expect(text).not.toContain(RECORDER);
    expect(text).not.toContain(REDACTION);
  });

  it('one that records gets both through /record', async () => {
    const text = await bundle(
      `import { createClient } from '${pkg}';\nimport { recordResponses } from '${pkg}/record';\nexport const client = createClient({ baseUrl: 'http://127.0.0.1:9/api', recordResponses: recordResponses({ path: 'a.jsonl' }) });\n`,
    );
    expect(text).toContain(RECORDER);
    expect(text).toContain(REDACTION);
  });
});
