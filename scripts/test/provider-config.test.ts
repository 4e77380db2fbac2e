import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPECS_DIR, listProviders } from '../src/generate.js';
import { checkProviderConfig } from '../src/read/provider-config.js';

const good = { name: 'acme', title: 'Acme', docs: ['source/a.txt'], auth: ['basic'], sha256: { 'source/a.txt': 'a'.repeat(64) } };
const problem = (config: unknown) => {
  try {
    checkProviderConfig(config, 'acme/provider.json', 'acme');
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
};

describe('provider.json is checked against specs/provider.schema.json', () => {
  it('accepts a small valid config, with or without "$schema"', () => {
    expect(problem(good)).toBe('accepted');
    expect(problem({ $schema: '../provider.schema.json', ...good })).toBe('accepted');
  });

  it('names the file and the JSON pointer of the first problem, in one line', () => {
    expect(problem({ ...good, auth: ['oauth'] })).toBe('acme/provider.json:/auth/0: must be one of basic, bearer');
    expect(problem({ ...good, auth: [] })).toBe('acme/provider.json:/auth: must NOT have fewer than 1 items');
    expect(problem({ ...good, title: undefined })).toBe('acme/provider.json:/title: is required');
    expect(problem({ ...good, servres: [] })).toBe('acme/provider.json:/servres: is not a provider.json field (see specs/provider.schema.json)');
    expect(problem({ ...good, servers: [{ url: 'https://x', variables: { host: {} } }] })).toBe('acme/provider.json:/servers/0/variables/host/default: is required');
    expect(problem({ ...good, docs: 'source/a.txt' })).toBe('acme/provider.json:/docs: must be array');
    expect(problem({ ...good, sha256: { 'source/a.txt': 'abc' } })).toBe("acme/provider.json:/sha256/source~1a.txt: must be the 64 hex digits of the file's sha256sum");
    expect(problem([good])).toBe('acme/provider.json: must be object');
  });

  it('then checks what a schema cannot: the folder name, and that some source is named', () => {
    expect(problem({ ...good, name: 'other' })).toBe('acme/provider.json:/name: must be "acme", the folder\'s name');
    expect(problem({ ...good, docs: [], sha256: {} })).toBe('acme/provider.json: names no source: give "swagger", "openapi", "docs" or "unionOf"');
  });

  it('a union is "unionOf": "*" (the old opt-in list is refused, saying why); a member opts out with "excludeFromUnion"', () => {
    expect(problem({ ...good, docs: [], sha256: {}, unionOf: '*' })).toBe('accepted');
    expect(problem({ ...good, unionOf: ['htmoni'] })).toBe('acme/provider.json:/unionOf: must be "*" (a union unites every provider that is not one; a provider opts out with "excludeFromUnion": true)');
    expect(problem({ ...good, excludeFromUnion: true })).toBe('accepted');
    expect(problem({ ...good, excludeFromUnion: 'yes' })).toBe('acme/provider.json:/excludeFromUnion: must be boolean');
    expect(problem({ ...good, unionOf: '*', excludeFromUnion: true })).toBe('acme/provider.json:/excludeFromUnion: is for a provider a union unites; this one is a union ("unionOf")');
  });

  it('every committed provider.json is valid and names the schema for editors', () => {
    for (const name of listProviders(SPECS_DIR)) {
      const config = JSON.parse(readFileSync(join(SPECS_DIR, name, 'provider.json'), 'utf8'));
      expect(config.$schema, name).toBe('../provider.schema.json');
      expect(() => checkProviderConfig(config, `${name}/provider.json`, name)).not.toThrow();
    }
  });
});
