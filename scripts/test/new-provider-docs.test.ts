import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { extractOperations } from '../src/docs/extract-operations.js';
import { newProvider } from '../src/new-provider.js';
import { describeNewProvider } from '../src/new-provider/describe.js';

const file = (name: string, text: string) => ({ name, bytes: Buffer.from(text) });

/** A Hostens-like capture: two sections, the second with an intro, every sample calling `origin`. */
const docs = (origin = 'https://billing.acme.test/api', cartOrigin = origin) =>
  [
    'echo $resp->getBody();',
    'Clientarea',
    'Refresh Token',
    'Generate new authorization token using refresh token',
    `curl -X POST "${origin}/token" \\`,
    'HTTP Request',
    'POST /token',
    '| Parameter | Type | Description |',
    '|---|---|---|',
    '| refresh_token | string |',
    'Refresh token |',
    'Cart',
    'Most of API methods found here will require service @id, you can lookup your service ids with /service method',
    'List product categories',
    'Return a list of product categories.',
    `curl -X GET "${cartOrigin}/category" \\`,
    '-u user:pass',
    "$client = new Client(['base_uri' => '" + cartOrigin + "/',",
    `req = requests.get('${cartOrigin}/category/7/product', auth=auth)`,
    'HTTP Request',
    'GET /category',
    'Get products',
    'List products in a category',
    `curl -X GET "${cartOrigin}/category/@category_id/product" \\`,
    'HTTP Request',
    'GET /category/@category_id/product',
    '',
  ].join('\n');

const checks = (guesses: string[]) => guesses.join('\n');

describe('new-provider on docs captures: sections', () => {
  it('takes as sections the docs lines that are known section names, and says so', () => {
    const { config, guesses } = describeNewProvider('acme', [file('docs.txt', docs())], { knownSections: ['Clientarea', 'Billing', 'Cart'] });
    expect(config.sections).toEqual(['Clientarea', 'Cart']);
    expect(checks(guesses)).toMatch(/sections \["Clientarea","Cart"\]/);
    // with them, headings and intros stay out of the operations' text
    const [token, category] = extractOperations(docs(), 'acme', new Set(config.sections));
    expect(token).toMatchObject({ title: 'Refresh Token', description: 'Generate new authorization token using refresh token', tag: 'Clientarea' });
    expect(category).toMatchObject({ title: 'List product categories', description: 'Return a list of product categories.', tag: 'Cart' });
  });

  it("takes the API document's tags as section names", () => {
    const swagger = JSON.stringify({ swagger: '2.0', info: { title: 'Acme', version: '1' }, host: 'billing.acme.test', tags: [{ name: 'Clientarea' }], paths: { '/category': { get: { tags: ['Cart'], responses: {} } } } });
    expect(describeNewProvider('acme', [file('api.json', swagger), file('docs.txt', docs())]).config.sections).toEqual(['Clientarea', 'Cart']);
  });

  it('without a known name writes no sections, and says what that causes and which titles may be headings', () => {
    const { config, guesses } = describeNewProvider('acme', [file('docs.txt', docs())]);
    expect(config.sections).toBeUndefined();
    expect(checks(guesses)).toMatch(/no sections: .*becomes the title of its first operation/);
    expect(checks(guesses)).toMatch(/may be unlisted section headings.*"Clientarea" \(POST \/token\)/);
  });

  it('pnpm new-provider reads the known names from the providers already in specs/', async () => {
    const root = mkdtempSync(join(tmpdir(), 'new-provider-docs-'));
    const specsDir = join(root, 'specs');
    mkdirSync(join(specsDir, 'seed'), { recursive: true });
    writeFileSync(join(specsDir, 'seed', 'provider.json'), JSON.stringify({ name: 'seed', sections: ['Cart', 'Clientarea'] }));
    writeFileSync(join(root, 'docs.txt'), docs());
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await newProvider(['acme', 'docs.txt'], { cwd: root, specsDir, generate: async () => 0, syncDeps: () => 0 })).toBe(0);
    const printed = log.mock.calls.map((c) => String(c[0])).join('\n');
    log.mockRestore();
    expect(JSON.parse(readFileSync(join(specsDir, 'acme', 'provider.json'), 'utf8')).sections).toEqual(['Clientarea', 'Cart']);
    expect(printed).toMatch(/check: sections \["Clientarea","Cart"\]/);
  });
});

describe('new-provider on docs captures: server URL and title', () => {
  it('the server URL is the prefix every sample URL has before a documented path', () => {
    const { config, guesses } = describeNewProvider('acme', [file('docs.txt', docs())]);
    expect(config.servers).toEqual([{ url: 'https://billing.acme.test/api' }]);
    expect(checks(guesses)).toMatch(/server URL https:\/\/billing\.acme\.test\/api \(from the docs: all 5 sample URLs/);
    expect(checks(guesses)).not.toMatch(/no server URL/);
  });

  it('samples that disagree leave the host variable, naming what they call', () => {
    const { config, guesses } = describeNewProvider('acme', [file('docs.txt', docs('https://billing.acme.test/api', 'https://shop.acme.test/v2'))]);
    expect(config.servers![0]!.url).toBe('https://{host}/api');
    expect(checks(guesses)).toMatch(/no server URL in the files \(the docs samples call https:\/\/billing\.acme\.test\/api, https:\/\/shop\.acme\.test\/v2\)/);
  });

  it("the title is a Slate capture's name under NAV", () => {
    const { config, guesses } = describeNewProvider('acme', [file('docs.txt', `NAV\nAcme Hosting GmbH\nbash php python\n${docs()}`)]);
    expect(config.title).toBe('Acme Hosting GmbH');
    expect(checks(guesses)).not.toMatch(/^title /m);
  });
});
