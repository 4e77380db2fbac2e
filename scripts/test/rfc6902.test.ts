import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../src/errors.js';
import { applyOperation } from '../src/patch/rfc6902.js';
import { parsePatchFile } from '../src/steps/apply-patches.js';

/** The JSON Patch test suite (json-patch-test-suite: the RFC's own examples plus edge cases). */
interface SuiteCase {
  comment?: string;
  doc: unknown;
  patch: unknown[];
  expected?: unknown;
  error?: string;
  disabled?: boolean;
}

const require = createRequire(import.meta.url);
const suite: SuiteCase[] = [...require('json-patch-test-suite/spec_tests.json'), ...require('json-patch-test-suite/tests.json')];

/** What the pipeline does with one patch file: check every operation, then apply them in order. */
function patchDocument(doc: unknown, patch: unknown[]): unknown {
  return parsePatchFile({ reason: 'suite', patch }, 'suite.json').patch.reduce(applyOperation, doc);
}

describe('RFC 6902 (json-patch-test-suite)', () => {
  const cases = suite.filter((c) => !c.disabled);
  it.each(cases.map((c, i) => [c.comment ?? `case ${i}`, c] as const))('%s', (_name, c) => {
    const before = structuredClone(c.doc);
    if (c.error !== undefined) {
      expect(() => patchDocument(c.doc, c.patch)).toThrow();
    } else {
      expect(patchDocument(c.doc, c.patch)).toEqual(c.expected ?? c.doc);
    }
    expect(c.doc).toEqual(before); // pure: the input is never changed
  });
});

describe('patch paths never reach a prototype', () => {
  for (const path of ['/__proto__/polluted', '/a/constructor/prototype/polluted', '/prototype']) {
    it(`refuses ${path} before applying anything`, () => {
      const read = () => parsePatchFile({ reason: 'r', patch: [{ op: 'test', path: '/a', value: 1 }, { op: 'add', path, value: 1 }] }, 'p.json');
      expect(read).toThrow(PipelineError);
      expect(read).toThrow(/^p\.json:\/patch\/1: add .*: "(__proto__|constructor|prototype)" is not allowed in a patch path/);
    });
  }

  it('refuses a forbidden "from" of move and copy', () => {
    expect(() => parsePatchFile({ reason: 'r', patch: [{ op: 'copy', from: '/__proto__', path: '/x' }] }, 'p.json')).toThrow(/^p\.json:\/patch\/0: copy \/__proto__: "__proto__"/);
  });

  it('reads and writes a "__proto__" key of the data as an own property', () => {
    const doc = JSON.parse('{"a": {"__proto__": {"kept": true}}}');
    const out = applyOperation(doc, { op: 'copy', from: '/a', path: '/b' }) as Record<string, Record<string, unknown>>;
    expect(Object.hasOwn(out.b!, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(out.b)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).kept).toBeUndefined();
  });

  it('names the problem and the index past an array end', () => {
    expect(() => applyOperation({ a: [1] }, { op: 'add', path: '/a/2', value: 2 })).toThrow('index 2 is past the end of the array (1 element); use "-" to append');
  });
});
