import { describe, expect, it } from 'vitest';
import { PipelineError } from '../src/errors.js';
import { parseLenientJson } from '../src/read/lenient-json.js';
import { HTMONI_SWAGGER, PIO_SWAGGER, vendorText } from './helpers.js';

describe('lenient JSON read', () => {
  it('PIO swagger: raw control characters inside strings are escaped, not fatal', () => {
    const text = vendorText('pio-hosting', PIO_SWAGGER);
    expect(() => JSON.parse(text)).toThrow(); // the defect is real
    const { value, escapedControlCharacters } = parseLenientJson(text, 'pio.json');
    expect(escapedControlCharacters).toBeGreaterThan(0);
    const paths = (value as { paths: Record<string, object> }).paths;
    expect(Object.values(paths).reduce((n, item) => n + Object.keys(item).length, 0)).toBe(20);
  });

  it('HT Moni swagger: same defect, 71 operations survive', () => {
    const { value } = parseLenientJson(vendorText('htmoni', HTMONI_SWAGGER), 'htmoni.json');
    const paths = (value as { paths: Record<string, object> }).paths;
    expect(Object.values(paths).reduce((n, item) => n + Object.keys(item).length, 0)).toBe(71);
  });

  it('keeps the text byte for byte apart from the escapes', () => {
    expect(parseLenientJson('{"a":"x\ny","b":"\\"q\\""}', 'f').value).toEqual({ a: 'x\ny', b: '"q"' });
  });

  it('a truncated file fails naming file, line and column', () => {
    const text = vendorText('pio-hosting', PIO_SWAGGER);
    const truncated = text.slice(0, 5000);
    const error = (() => {
      try {
        parseLenientJson(truncated, 'pio-hosting/source/001.txt');
      } catch (e) {
        return e as PipelineError;
      }
    })();
    expect(error).toBeInstanceOf(PipelineError);
    expect(error!.message).toMatch(/^pio-hosting\/source\/001\.txt:\d+:\d+: invalid JSON/);
  });

  it('bad JSON points at the offending line and column', () => {
    expect(() => parseLenientJson('{\n  "a": 1,\n  "b": nope\n}', 'x.json')).toThrow(/^x\.json:3:8: invalid JSON/);
  });

  it('an empty file is named as such', () => {
    expect(() => parseLenientJson('  \n', 'empty.json')).toThrow('empty.json:1:1: file is empty');
  });
});
