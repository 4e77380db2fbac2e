import { PipelineError } from '../errors.js';
import { HTTP_METHODS, isReference, type OpenApi, type OpenApiReference, type RepairLog } from '../model.js';
import { parsePointer } from '../patch/json-pointer.js';
import { pointerSegment } from '../read/confine.js';

/** What an operation may point at in `components`, by the name of the place that points. */
const KINDS = ['parameters', 'requestBodies', 'responses', 'examples', 'headers'] as const;
type Kind = (typeof KINDS)[number];
const MAX_CHAIN = 32;

/**
 * OpenAPI exports (and converted Swaggers) share responses, bodies, parameters and examples through
 * `#/components/...`. Every rule reads an operation's own objects, so a `$ref` there would hide its
 * example from inference and validation and its parameter from renaming: each becomes a copy of
 * what it points at, and a component nothing points at any more is dropped. Schemas stay shared.
 * Only a vendor's document goes through it (`file` names it): the pipeline's own refs, such as the
 * error answers a union inherits from its providers, are not the vendor's to unfold.
 */
export function inlineComponentRefs(spec: OpenApi, file: string, log: RepairLog): OpenApi {
  const used = new Set<string>();
  const take = (value: unknown, kind: Kind, at: string): unknown => {
    if (!isReference(value)) return value;
    const target = follow(spec, value, kind, file, at);
    used.add(value.$ref);
    log.add('component-ref-inlined', at, value.$ref);
    return target;
  };
  const media = (content: unknown, at: string) => {
    for (const [type, m] of Object.entries(isObject(content) ? content : {})) {
      const examples = isObject(m) && isObject(m.examples) ? m.examples : undefined;
      for (const name of Object.keys(examples ?? {})) examples![name] = take(examples![name], 'examples', `${at}/${pointerSegment(type)}/examples/${pointerSegment(name)}`);
    }
  };
  const parameters = (list: unknown[] | undefined, at: string) =>
    list?.forEach((p, i) => {
      list[i] = take(p, 'parameters', `${at}/parameters/${i}`);
      const own = list[i] as { examples?: Record<string, unknown> };
      for (const name of Object.keys(isObject(own.examples) ? own.examples : {})) own.examples![name] = take(own.examples![name], 'examples', `${at}/parameters/${i}/examples/${pointerSegment(name)}`);
    });
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    if (!item) continue;
    const itemAt = `#/paths/${pointerSegment(path)}`;
    parameters(item.parameters, itemAt);
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const at = `${itemAt}/${method}`;
      parameters(operation.parameters, at);
      if (operation.requestBody) {
        operation.requestBody = take(operation.requestBody, 'requestBodies', `${at}/requestBody`) as typeof operation.requestBody;
        media((operation.requestBody as { content?: unknown }).content, `${at}/requestBody/content`);
      }
      for (const [code, response] of Object.entries(operation.responses ?? {})) {
        const own = take(response, 'responses', `${at}/responses/${code}`) as { content?: unknown; headers?: Record<string, unknown> };
        operation.responses![code] = own as never;
        media(own.content, `${at}/responses/${code}/content`);
        for (const name of Object.keys(isObject(own.headers) ? own.headers : {})) own.headers![name] = take(own.headers![name], 'headers', `${at}/responses/${code}/headers/${pointerSegment(name)}`);
      }
    }
  }
  dropUnused(spec, used);
  return spec;
}

/** The object a chain of `$ref`s ends at, copied; a ref that leads nowhere, or to another kind, is named with where it stands. */
function follow(spec: OpenApi, ref: OpenApiReference, kind: Kind, file: string, at: string): unknown {
  let value: unknown = ref;
  for (let hops = 0; isReference(value); hops++) {
    const segments = value.$ref.startsWith('#/') ? parsePointer(value.$ref.slice(1)) : undefined;
    if (hops === MAX_CHAIN || !Array.isArray(segments) || segments[0] !== 'components' || segments[1] !== kind || segments.length !== 3) {
      throw new PipelineError(file, at, `$ref "${ref.$ref}" must point at #/components/${kind}/<name> in this document${hops === MAX_CHAIN ? ' (a chain of more than 32 $refs)' : ''}`);
    }
    const place = (spec.components as Record<string, Record<string, unknown> | undefined> | undefined)?.[kind];
    if (!place || !Object.hasOwn(place, segments[2]!)) throw new PipelineError(file, at, `$ref "${ref.$ref}" points at nothing: #/components/${kind} has no "${segments[2]}"`);
    value = place[segments[2]!];
  }
  return structuredClone(value);
}

/** Components every operation now holds a copy of go; one still pointed at (from another component, say) stays. */
function dropUnused(spec: OpenApi, inlined: ReadonlySet<string>): void {
  const components = spec.components as Record<string, Record<string, unknown> | undefined> | undefined;
  if (!components || inlined.size === 0) return;
  const stillPointed = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isObject(node)) for (const [key, value] of Object.entries(node)) key === '$ref' && typeof value === 'string' ? stillPointed.add(value) : walk(value);
  };
  walk(spec);
  for (const kind of KINDS) {
    const place = components[kind];
    if (!place) continue;
    for (const name of Object.keys(place)) {
      const ref = `#/components/${kind}/${pointerSegment(name)}`;
      if (inlined.has(ref) && !stillPointed.has(ref)) delete place[name];
    }
    if (Object.keys(place).length === 0) delete components[kind];
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
