import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HTTP_METHODS, withCodeSamples, type CodeSample } from '@hostbill-api/spec-pipeline';
import { USER_COMPILER_OPTIONS } from '@hostbill-api/test-support/user-compiler-options';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { referenceProviders } from '../src/providers.js';

// inside the package, so `@hostbill-api/<provider>` resolves through docs/node_modules to the BUILT packages
const DIR = join(import.meta.dirname, '..', 'test-output', 'samples');


describe('the code samples on the pages', () => {
  it('compile against the built provider packages, every operation of every spec', () => {
    rmSync(DIR, { recursive: true, force: true });
    const files = new Map<string, string>();
    for (const provider of referenceProviders()) {
      mkdirSync(join(DIR, provider.name), { recursive: true });
      const spec = withCodeSamples(provider.spec, provider.config);
      for (const [path, item] of Object.entries(spec.paths ?? {})) {
        for (const method of HTTP_METHODS) {
          const samples = (item?.[method] as { 'x-codeSamples'?: CodeSample[] } | undefined)?.['x-codeSamples'];
          for (const [i, sample] of (samples ?? []).entries()) {
            const file = join(DIR, provider.name, `${files.size}.mts`);
            writeFileSync(file, sample.source);
            files.set(file, `${provider.name}: ${method.toUpperCase()} ${path} sample ${i + 1}`);
          }
        }
      }
    }
    expect(files.size).toBeGreaterThan(referenceProviders().length);
    const program = ts.createProgram([...files.keys()], USER_COMPILER_OPTIONS);
    const errors = ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file ? (files.get(d.file.fileName) ?? d.file.fileName) : '';
      const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      return `${where}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
    expect(errors).toEqual([]);
  });
});
