/**
 * Headless Chromium for the browser suites (tests/runtimes, the API reference's page test): Debian's
 * chromium driven by playwright-core, never a downloaded browser. A separate entry
 * (`@hostbill-api/test-support/chromium`) so suites without a browser never load playwright-core.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's chromium, installed by .ci/run. */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = (): boolean => existsSync(CHROMIUM);

/** With `CI` set a missing browser fails the suite; locally it skips with a message. */
export const inCi = (): boolean => Boolean(process.env.CI) && process.env.CI !== 'false';

// without the background-networking flags Chromium keeps dialling hosts this closed network refuses
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: ARGS });
