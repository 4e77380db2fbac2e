import type { OpenApiReference, OpenApiSchema } from '../model.js';

/** Maps a docs table type (`int`, `string[]`, `bool`, ...) to a JSON Schema. */
export function schemaForDocsType(type: string): OpenApiSchema {
  if (type.endsWith('[]')) return { type: 'array', items: schemaForDocsType(type.slice(0, -2)) };
  switch (type) {
    case 'int':
    case 'integer':
      return { type: 'integer' };
    case 'number':
    case 'float':
    case 'double':
    case 'decimal':
      return { type: 'number' };
    case 'bool':
    case 'boolean':
      return { type: 'boolean' };
    case 'array':
      return { type: 'array', items: {} };
    case 'object':
      return { type: 'object' };
    case 'mixed':
      return {};
    default:
      return { type: 'string' };
  }
}

export function sameType(a: OpenApiSchema | OpenApiReference | undefined, b: OpenApiSchema | undefined): boolean {
  return JSON.stringify(a && 'type' in a ? a.type : undefined) === JSON.stringify(b?.type);
}
