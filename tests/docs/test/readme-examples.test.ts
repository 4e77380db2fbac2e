import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeExamples } from '../src/readmes.js';
import { typecheckExamples } from '../src/typecheck.js';

const modules = readmeExamples();
const results = typecheckExamples(modules, join(import.meta.dirname, '..'));

it('the READMEs have TypeScript examples to check', () => {
  expect(modules.length).toBeGreaterThan(0);
});

describe('README examples type-check against the built packages', () => {
  for (const { module, errors } of results) {
    it(`${module.file}:${module.line} (${module.commonJs ? 'CommonJS' : 'ESM'})`, () => {
      expect(errors, errors.join('\n')).toEqual([]);
    });
  }
});
