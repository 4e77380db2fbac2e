/// <reference path="../types/swagger2openapi.d.ts" />
// (referenced here so that other packages type-checking this module see the declaration too)
import swagger2openapi from 'swagger2openapi';
import { PipelineError } from '../errors.js';
import type { OpenApi } from '../model.js';
import { PROTO_STANDIN, renameKeys } from './own-keys.js';

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

/**
 * 3.0 -> 3.1. These documents use none of `nullable`, `exclusiveMinimum` or file uploads, so the
 * upgrade is the version string plus `nullable`, handled wherever it appears.
 */
export function upgradeTo31(spec: OpenApi): OpenApi {
  const upgraded = structuredClone(spec);
  upgraded.openapi = '3.1.0';
  visitSchemas(upgraded, (schema) => {
    if (schema.nullable === true && typeof schema.type === 'string') schema.type = [schema.type, 'null'];
    delete schema.nullable;
  });
  return upgraded;
}

/** A 3.0 schema as the upgrade sees it: any JSON object that has `nullable`. */
type NullableSchema = { nullable?: unknown; type?: unknown };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function visitSchemas(node: unknown, visit: (schema: NullableSchema) => void): void {
  if (Array.isArray(node)) node.forEach((n) => visitSchemas(n, visit));
  else if (isObject(node)) {
    if ('nullable' in node) visit(node);
    Object.values(node).forEach((n) => visitSchemas(n, visit));
  }
}
