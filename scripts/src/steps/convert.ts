/// <reference path="../types/swagger2openapi.d.ts" />
// (referenced here so that other packages type-checking this module see the declaration too)
import swagger2openapi from 'swagger2openapi';
import { PipelineError } from '../errors.js';
import type { OpenApi, RepairLog } from '../model.js';
import { PROTO_STANDIN, renameKeys } from './own-keys.js';
import { forEachSchema, type SchemaNode } from './schema-walk.js';

/** Swagger 2.0 -> OpenAPI 3.0 with swagger2openapi; its fixes are counted but never silent. */
export async function convertSwagger(swagger: unknown, file: string): Promise<OpenApi> {
  if (!isObject(swagger) || swagger.swagger !== '2.0') {
    throw new PipelineError(file, '/swagger', 'expected a Swagger 2.0 document ("swagger": "2.0")');
  }
  if (!isObject(swagger.paths)) {
    throw new PipelineError(file, '/paths', 'Swagger document has no "paths" object');
  }
  try {
    const result = await swagger2openapi.convertObj(renameKeys(swagger, '__proto__', PROTO_STANDIN), { patch: true, warnOnly: true, resolve: false });
    // swagger2openapi's contract is an OpenAPI 3.0 document; upgradeTo31 and the rules take it from here
    return renameKeys(result.openapi, PROTO_STANDIN, '__proto__') as OpenApi;
  } catch (error) {
    throw new PipelineError(file, '', `swagger2openapi could not convert it: ${(error as Error).message}`);
  }
}

/** An OpenAPI 3.x source as the chain starts from it: 3.0 is upgraded, 3.1 passes through. */
export function openApiSource(document: unknown, file: string, log: RepairLog): OpenApi {
  if (!isObject(document) || typeof document.openapi !== 'string') throw new PipelineError(file, '/openapi', 'expected an OpenAPI 3.x document ("openapi": "3.x.y")');
  if (!isObject(document.paths)) throw new PipelineError(file, '/paths', 'OpenAPI document has no "paths" object');
  const spec = structuredClone(document) as OpenApi;
  return document.openapi.startsWith('3.0.') ? upgradeTo31(spec, log, file) : spec;
}

/**
 * 3.0 -> 3.1, schema by schema: what 3.0 documents really carry and 3.1 (JSON Schema 2020-12) says
 * differently. `nullable` becomes a `null` type (or an `anyOf` with null beside a `$ref`/`allOf`,
 * which take no `type`), boolean `exclusiveMinimum`/`exclusiveMaximum` become the bound itself, and
 * a schema's single `example` becomes `examples`. Each change is logged with its pointer.
 */
export function upgradeTo31(spec: OpenApi, log?: RepairLog, file?: string): OpenApi {
  const upgraded = structuredClone(spec);
  upgraded.openapi = '3.1.0';
  forEachSchema(upgraded, (schema, pointer) => {
    const changes = [upgradeNullable(schema), ...(['Minimum', 'Maximum'] as const).map((bound) => upgradeExclusive(schema, bound)), upgradeExample(schema)].filter((c) => c !== undefined);
    if (changes.length && log) log.add('schema-upgraded-to-3.1', file ? `${file}:${pointer}` : pointer, changes.join('; '));
  });
  return upgraded;
}

function upgradeNullable(schema: SchemaNode): string | undefined {
  if (!('nullable' in schema)) return undefined;
  const nullable = schema.nullable;
  delete schema.nullable;
  if (nullable !== true) return 'nullable: false dropped';
  if (typeof schema.type === 'string' || Array.isArray(schema.type)) {
    const types = [schema.type].flat();
    if (!types.includes('null')) schema.type = [...types, 'null'];
    // an enum restricts the values too: 3.0 let `nullable` widen it, 2020-12 needs null listed
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
    return `nullable -> type ${JSON.stringify(schema.type)}`;
  }
  const composed = ['$ref', 'allOf'].filter((key) => key in schema);
  if (composed.length) {
    const inner: SchemaNode = {};
    for (const key of [...composed, ...(schema.anyOf ? ['anyOf'] : [])]) {
      inner[key] = schema[key];
      delete schema[key];
    }
    schema.anyOf = [inner, { type: 'null' }];
    return `nullable ${composed.join(' + ')} -> anyOf [${composed.join(' + ')}, null]`;
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) {
      if (!list.some((s) => isObject(s) && s.type === 'null')) list.push({ type: 'null' });
      return `nullable ${key} -> ${key} with null`;
    }
  }
  return 'nullable dropped (the schema has no type, so it already allows null)';
}

function upgradeExclusive(schema: SchemaNode, bound: 'Minimum' | 'Maximum'): string | undefined {
  const [exclusive, inclusive] = [`exclusive${bound}`, bound.toLowerCase()];
  if (typeof schema[exclusive] !== 'boolean') return undefined;
  const flag = schema[exclusive];
  delete schema[exclusive];
  if (flag && typeof schema[inclusive] === 'number') {
    schema[exclusive] = schema[inclusive];
    delete schema[inclusive];
    return `${exclusive}: true + ${inclusive} -> ${exclusive}: ${String(schema[exclusive])}`;
  }
  return `${exclusive}: ${String(flag)} dropped (${flag ? `no ${inclusive} to make exclusive` : 'the default'})`;
}

function upgradeExample(schema: SchemaNode): string | undefined {
  if (!('example' in schema)) return undefined;
  if (!Array.isArray(schema.examples)) schema.examples = [schema.example];
  delete schema.example;
  return 'example -> examples';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
