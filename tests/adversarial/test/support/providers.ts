import { join } from 'node:path';
import { sha256, writeJson, writeText } from './fixture.js';

/** A small but complete Swagger 2.0 source: three operations, one definition, one example. */
export function tinySwagger(host = 'acme.example'): Record<string, any> {
  return {
    swagger: '2.0',
    info: { title: 'Acme', version: '1' },
    host,
    basePath: '/api',
    schemes: ['https'],
    paths: {
      '/item': {
        get: { summary: 'List items', responses: { '200': { description: 'OK' } } },
        post: { summary: 'Add item', parameters: [{ name: 'label', in: 'query', type: 'string' }], responses: { '200': { description: 'OK' } } },
      },
      '/item/{id}': {
        get: {
          summary: 'One item',
          parameters: [{ name: 'id', in: 'path', required: true, type: 'integer' }],
          responses: { '200': { description: 'OK', schema: { $ref: '#/definitions/Item' } } },
        },
      },
    },
    definitions: { Item: { type: 'object', properties: { id: { type: 'integer' }, label: { type: 'string' } } } },
  };
}

export interface ProviderFixture {
  /** Swagger source text (`source/swagger.json`); a tiny valid one unless given */
  swaggerText?: string;
  /** replaces or adds provider.json fields; `sha256` defaults to the hash of every source written */
  config?: Record<string, unknown>;
  /** patches/<name>.json, as objects or raw text */
  patches?: Record<string, unknown>;
}

export const PREVIOUS_OUTPUT = '{ "previous": "output" }\n';

/**
 * Writes `specs/<name>/` with a Swagger source, its hash, optional patches, and a stand-in for the
 * last good `openapi.json`/`report.json`, so a test can prove a refused run left them alone.
 */
export function writeProvider(specsDir: string, name: string, fixture: ProviderFixture = {}): string {
  const dir = join(specsDir, name);
  writeText(join(dir, 'source', 'swagger.json'), fixture.swaggerText ?? JSON.stringify(tinySwagger(`${name}.example`), null, 2));
  for (const [file, patch] of Object.entries(fixture.patches ?? {})) {
    const path = join(dir, 'patches', `${file}.json`);
    if (typeof patch === 'string') writeText(path, patch);
    else writeJson(path, patch);
  }
  writeJson(join(dir, 'provider.json'), {
    name,
    title: name,
    swagger: 'source/swagger.json',
    auth: ['basic'],
    sha256: { 'source/swagger.json': sha256(join(dir, 'source', 'swagger.json')) },
    ...fixture.config,
  });
  writeText(join(dir, 'openapi.json'), PREVIOUS_OUTPUT);
  writeText(join(dir, 'report.json'), PREVIOUS_OUTPUT);
  return dir;
}
