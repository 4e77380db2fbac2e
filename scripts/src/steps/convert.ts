/// <reference path="../types/swagger2openapi.d.ts" />
// (referenced here so that other packages type-checking this module see the declaration too)
import swagger2openapi from 'swagger2openapi';
import { PipelineError } from '../errors.js';
import type { OpenApi } from '../model.js';
import { PROTO_STANDIN, renameKeys } from './own-keys.js';

/** Swagger 2.0 -> OpenAPI 3.0 with swagger2openapi; its fixes are counted but never silent. */
export async function convertSwagger(swagger: unknown, file: string): Promise<OpenApi> {
  if (typeof swagger !== 'object' || swagger === null || (swagger as OpenApi).swagger !== '2.0') {
    throw new PipelineError(file, '/swagger', 'expected a Swagger 2.0 document ("swagger": "2.0")');
  }
  if (typeof (swagger as OpenApi).paths !== 'object' || (swagger as OpenApi).paths === null) {
    throw new PipelineError(file, '/paths', 'Swagger document has no "paths" object');
  }
  try {
    const result = await swagger2openapi.convertObj(renameKeys(swagger, '__proto__', PROTO_STANDIN), { patch: true, warnOnly: true, resolve: false });
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

function visitSchemas(node: unknown, visit: (schema: OpenApi) => void): void {
  if (Array.isArray(node)) node.forEach((n) => visitSchemas(n, visit));
  else if (node && typeof node === 'object') {
    if ('nullable' in node) visit(node as OpenApi);
    Object.values(node).forEach((n) => visitSchemas(n, visit));
  }
}
