import { describe, expect, it } from 'vitest';
import { lineColumnAt } from '../src/errors.js';
import { scanJson } from '../src/read/json-scan.js';

const at = (text: string) => {
  const found = scanJson(text);
  return found && { where: lineColumnAt(text, found.offset), problem: found.problem };
};

describe('scanJson', () => {
  it('accepts what JSON.parse accepts', () => {
    for (const text of ['{}', '[]', '"x"', ' 1 ', '-0.5E-3', 'null', '[[],{},{"a":[{}]}]', '{"__proto__":{"x":1}}', '"\\u00e9\\n"']) {
      expect(scanJson(text), text).toBeUndefined();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it('names the first error and its line:col', () => {
    expect(at('{\n  "a": 1\n  "b": 2\n}')).toEqual({ where: '3:3', problem: "expected ',' or '}' after a property value" });
    expect(at('{"a": "\\x"}')).toEqual({ where: '1:8', problem: 'invalid escape \\x in a string' });
    expect(at('[1,]')).toMatchObject({ where: '1:4' });
    expect(at('{"a":1,}')).toMatchObject({ where: '1:8', problem: 'expected a property name in double quotes' });
    expect(at('{"a":1}\nx')).toMatchObject({ where: '2:1', problem: 'unexpected text after the JSON value' });
    expect(at('[1')).toMatchObject({ problem: "unexpected end of the file, expected ',' or ']'" });
  });

  it('refuses nesting deeper than the bound at the bracket that crosses it, without recursing', () => {
    expect(scanJson(`${'['.repeat(256)}${']'.repeat(256)}`)).toBeUndefined();
    expect(scanJson(`${'['.repeat(1_000_000)}`)).toEqual({ offset: 256, problem: 'JSON nested deeper than 256 levels', kind: 'depth' });
    expect(scanJson('[[[]]]', 2)).toMatchObject({ offset: 2, kind: 'depth' });
  });
});
