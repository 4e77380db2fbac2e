import pluralize from 'pluralize';
import { forEachOperation, inline, isReference, operationKey, type OpenApi, type OpenApiOperation, type OpenApiSchema, type PipelineContext } from '../model.js';
import { templateShape } from './path-shape.js';

/**
 * Values an operation's own description gives a field of its body's records, not the field's text:
 *
 *     Each item in the items array needs to include order type ...
 *     • POST /order/$product_id - use product for item type
 *     • POST /domain/order - use domain for item type
 *
 * "use V for (or as) <noun> type" names a value of `type` (or `<noun>_type`) of the body's `<noun>s`
 * array's items, or of its `<noun>` object; two values or more make a list. The operation's docs at
 * every provider count (one platform: a Swagger export that kept only the first bullet borrows the
 * docs' whole list). An operation that says "Use the same parameters as for POST /x" takes /x's lists
 * for the same fields of its own body.
 */
export interface OperationFieldValues {
  /** `POST /order requestBody items[].type` */
  where: string;
  schema: OpenApiSchema;
  values: string[];
  path: string;
  method: string;
}

const USE_FOR = /\buse\s+[`'"‘“]?([\w.-]+)[`'"’”]?\s+(?:for|as)\s+(?:the\s+|an?\s+)?([a-z][a-z_-]*)\s+type\b/gi;
const SAME_AS = /\bsame\s+(?:parameters|fields|body)\s+as\s+(?:for\s+|in\s+)?[`'"]?(get|post|put|patch|delete)\s+(\/[^\s`'",;]*)/i;

/** `noun -> values`, in the order the texts give them. */
function typeValues(texts: string[]): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [, value, noun] of texts.flatMap((text) => [...text.matchAll(USE_FOR)])) {
    const key = noun!.toLowerCase();
    const list = found.get(key) ?? [];
    if (!list.includes(value!)) list.push(value!);
    found.set(key, list);
  }
  for (const [noun, values] of found) if (values.length < 2) found.delete(noun);
  return found;
}

const objectSchema = (schema: unknown): OpenApiSchema | undefined => (schema && !isReference(schema) && typeof schema === 'object' ? (schema as OpenApiSchema) : undefined);
const property = (schema: OpenApiSchema | undefined, name: string) => (schema?.properties && Object.hasOwn(schema.properties, name) ? objectSchema(schema.properties[name]) : undefined);

/** The schema of the field a noun's type names in a body, and where it is. */
function typeField(body: OpenApiSchema, noun: string): { at: string; schema: OpenApiSchema } | undefined {
  const records = [
    { at: pluralize.plural(noun), schema: objectSchema((property(body, pluralize.plural(noun)) as { items?: unknown } | undefined)?.items), suffix: '[]' },
    { at: noun, schema: property(body, noun), suffix: '' },
  ];
  for (const { at, schema, suffix } of records) {
    const field = property(schema, 'type') ?? property(schema, `${noun}_type`);
    if (field) return { at: `${at}${suffix}.${property(schema, 'type') ? 'type' : `${noun}_type`}`, schema: field };
  }
  const own = property(body, `${noun}_type`);
  return own ? { at: `${noun}_type`, schema: own } : undefined;
}

const bodyOf = (operation: OpenApiOperation | undefined) => objectSchema(inline(operation?.requestBody)?.content?.['application/json']?.schema);

export function operationFieldValues(spec: OpenApi, { catalogue }: Pick<PipelineContext, 'catalogue'>): OperationFieldValues[] {
  const found: OperationFieldValues[] = [];
  // the spec's own description first, then every provider's docs of the operation
  const texts = (method: string, path: string, operation: OpenApiOperation | undefined) => [operation?.description ?? '', ...(catalogue.get(operationKey(method, templateShape(path))) ?? []).map((d) => d.description)];
  forEachOperation(spec, (operation, method, path) => {
    const body = bodyOf(operation);
    if (!body) return;
    const same = texts(method, path, operation).map((t) => SAME_AS.exec(t)).find(Boolean);
    const [otherMethod, otherPath] = same ? [same[1]!.toLowerCase(), same[2]!.replace(/[.)]+$/, '')] : [];
    const other = same ? (spec.paths?.[otherPath!] as Record<string, OpenApiOperation> | undefined)?.[otherMethod!] : undefined;
    const lists = new Map([...(same ? typeValues(texts(otherMethod!, otherPath!, other)) : []), ...typeValues(texts(method, path, operation))]);
    for (const [noun, values] of lists) {
      const field = typeField(body, noun);
      if (field) found.push({ where: `${operationKey(method, path)} requestBody ${field.at}`, schema: field.schema, values, path, method });
    }
  });
  return found;
}
