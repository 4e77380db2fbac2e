import { forEachOperation, operationKey, type OpenApi, type RepairLog } from '../model.js';
import { setOwn } from '../patch/json-pointer.js';
import { templateShape } from '../rules/path-shape.js';

/**
 * The generic spec starts as the union of the finished provider specs: the first provider to
 * document an operation gives it; later ones add the query parameters and body fields it lacks.
 */
export function unionOfSpecs(specs: Array<{ name: string; spec: OpenApi }>, log: RepairLog): OpenApi {
  const union: OpenApi = { openapi: '3.1.0', paths: {}, components: { schemas: {} } };
  const byShape = new Map<string, OpenApi>();
  for (const { name, spec } of specs) {
    for (const [schemaName, schema] of Object.entries(spec.components?.schemas ?? {})) {
      if (!Object.hasOwn(union.components.schemas, schemaName)) setOwn(union.components.schemas, schemaName, structuredClone(schema));
    }
    forEachOperation(spec, (operation, method, path) => {
      const shape = operationKey(method, templateShape(path));
      const existing = byShape.get(shape);
      if (!existing) {
        const copy = structuredClone(operation);
        delete copy.security;
        union.paths[path] ??= {};
        union.paths[path][method] = copy;
        byShape.set(shape, copy);
        log.add('union-operation-added', operationKey(method, path), name);
        return;
      }
      const added = mergeOperationInputs(existing, operation);
      if (added.length) log.add('union-operation-extended', operationKey(method, path), `${name}: ${added.join(', ')}`);
    });
  }
  return union;
}

function mergeOperationInputs(target: OpenApi, source: OpenApi): string[] {
  const added: string[] = [];
  for (const parameter of source.parameters ?? []) {
    if (parameter.in === 'path') continue;
    target.parameters ??= [];
    if (!target.parameters.some((p: OpenApi) => p.in === parameter.in && p.name === parameter.name)) {
      target.parameters.push(structuredClone(parameter));
      added.push(parameter.name);
    }
  }
  const sourceProps = source.requestBody?.content?.['application/json']?.schema?.properties ?? {};
  for (const [name, schema] of Object.entries(sourceProps)) {
    target.requestBody ??= structuredClone({ ...source.requestBody, content: { 'application/json': { schema: { type: 'object', properties: {} } } } });
    const props = target.requestBody.content['application/json'].schema.properties;
    if (!Object.hasOwn(props, name)) {
      setOwn(props, name, structuredClone(schema));
      added.push(name);
    }
  }
  return added;
}
