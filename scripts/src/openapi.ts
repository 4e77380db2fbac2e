import type { OpenAPIV3, OpenAPIV3_1 } from 'openapi-types';

/**
 * The OpenAPI 3.1 document every step after conversion works on, so a rule that writes the wrong
 * shape does not compile. openapi-types' 3.1 parameter reuses the 3.0 one (a 3.0 `schema`), so the
 * parameter, and the operation and path item holding it, are narrowed to 3.1 schemas here.
 */
export type HttpMethod = OpenAPIV3.HttpMethods;
export type OpenApiSchema = OpenAPIV3_1.SchemaObject;
export type OpenApiReference = OpenAPIV3_1.ReferenceObject;
export type OpenApiResponse = OpenAPIV3_1.ResponseObject;
export type OpenApiRequestBody = OpenAPIV3_1.RequestBodyObject;
export type OpenApiMediaType = OpenAPIV3_1.MediaTypeObject;
export type OpenApiParameter = Omit<OpenAPIV3_1.ParameterObject, 'schema'> & { schema?: OpenApiSchema | OpenApiReference };
export type OpenApiOperation = Omit<OpenAPIV3_1.OperationObject, 'parameters'> & { parameters?: Array<OpenApiParameter | OpenApiReference> };
export type OpenApiPathItem = Omit<OpenAPIV3_1.PathItemObject, HttpMethod | 'parameters'> & {
  parameters?: Array<OpenApiParameter | OpenApiReference>;
} & { [method in HttpMethod]?: OpenApiOperation };
export type OpenApi = Omit<OpenAPIV3_1.Document, 'paths'> & { paths?: Record<string, OpenApiPathItem | undefined> };

/** In the order canonical output lists them (openapi-types types them as an enum, whose values these are). */
export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as HttpMethod[];

export function isReference(value: unknown): value is OpenApiReference {
  return typeof value === 'object' && value !== null && '$ref' in value;
}

const COMPONENT_SCHEMA = '#/components/schemas/';

/** The component a `$ref` names (`#/components/schemas/Server` -> `Server`, JSON pointer escapes undone), if it names one. */
export function componentName(schema: unknown): string | undefined {
  return isReference(schema) && schema.$ref.startsWith(COMPONENT_SCHEMA) ? decodeURIComponent(schema.$ref.slice(COMPONENT_SCHEMA.length)).replace(/~1/g, '/').replace(/~0/g, '~') : undefined;
}

/** The part of a spec a rule reads or writes unless it is a `$ref` (a vendor's `$ref` parameters, bodies and answers are unfolded at conversion, steps/inline-refs.ts). */
export function inline<T extends object>(value: T | OpenApiReference | undefined): T | undefined {
  return value === undefined || isReference(value) ? undefined : value;
}

/** The inline JSON schema of an operation's request body, where it has one. */
export function jsonBodySchema(operation: OpenApiOperation): OpenApiSchema | undefined {
  return inline(inline(operation.requestBody)?.content['application/json']?.schema);
}
