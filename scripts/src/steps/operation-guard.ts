import { PipelineError } from '../errors.js';
import { forEachOperation, HTTP_METHODS, operationKey, type OpenApi } from '../model.js';
import { sharedBasePath, templateAtNames, templateShape } from '../rules/path-shape.js';

/**
 * A spec may only lose an operation its sources declare when a patch removes it on purpose and
 * lists it in "removesOperations"; a spec with no operation at all is never written.
 * Operations compare by shape (`GET /item/{}`), since rules rename path parameters.
 */
export type OperationShapes = Map<string, string>;

const shapeOf = (key: string) => templateShape(key);

/** Every operation of a spec: shape -> `METHOD /path` as the spec spells it. */
export function operationShapes(spec: OpenApi): OperationShapes {
  const shapes: OperationShapes = new Map();
  if (typeof spec !== 'object' || spec === null || typeof spec.paths !== 'object' || spec.paths === null) return shapes;
  forEachOperation(spec, (_operation, method, path) => shapes.set(shapeOf(operationKey(method, path)), operationKey(method, path)));
  return shapes;
}

/**
 * The operations a Swagger or OpenAPI `paths` object declares, before any conversion or rule, by the
 * shape they have once spelled as every provider spells them: `@id` templated and the base path every
 * path repeats moved out (the same functions the normalising rules use), keyed to the vendor's spelling.
 */
export function swaggerOperations(swagger: unknown): OperationShapes {
  const shapes: OperationShapes = new Map();
  const paths = (swagger as OpenApi | undefined)?.paths;
  if (typeof paths !== 'object' || paths === null) return shapes;
  const base = sharedBasePath(Object.keys(paths).map(templateAtNames));
  for (const [path, item] of Object.entries(paths)) {
    const normal = templateAtNames(path).slice(base.length);
    for (const method of HTTP_METHODS) {
      if (typeof item === 'object' && item !== null && Object.hasOwn(item, method)) shapes.set(shapeOf(operationKey(method, normal)), operationKey(method, path));
    }
  }
  return shapes;
}

const list = (keys: string[]) => (keys.length > 8 ? `${keys.slice(0, 8).join(', ')} and ${keys.length - 8} more` : keys.join(', '));

/** One patch file's removals must be exactly what it lists; returns the shapes it removed. */
export function checkPatchRemovals(patch: { file: string; removesOperations: string[] }, before: OperationShapes, after: OperationShapes): string[] {
  const removed = [...before.keys()].filter((shape) => !after.has(shape));
  const listed = new Set(patch.removesOperations.map(shapeOf));
  const unlisted = removed.filter((shape) => !listed.has(shape)).map((shape) => before.get(shape)!);
  if (unlisted.length) {
    throw new PipelineError(patch.file, '/removesOperations', `removes ${unlisted.length} operation${unlisted.length === 1 ? '' : 's'} it does not list: ${list(unlisted)} (list each in "removesOperations" if that is the intent)`);
  }
  const stale = patch.removesOperations.filter((key) => !removed.includes(shapeOf(key)));
  if (stale.length) throw new PipelineError(patch.file, '/removesOperations', `lists ${list(stale)}, which it does not remove`);
  return removed;
}

/** The finished spec keeps every declared operation but those patches removed on purpose, and has at least one. */
export function checkOperationsKept(file: string, spec: OpenApi, declared: OperationShapes, removedOnPurpose: ReadonlySet<string>): void {
  const present = operationShapes(spec);
  if (present.size === 0) throw new PipelineError(file, '', 'has no operations; refusing to write an empty spec');
  const lost = [...declared.keys()].filter((shape) => !present.has(shape) && !removedOnPurpose.has(shape)).map((shape) => declared.get(shape)!);
  if (lost.length) throw new PipelineError(file, '/paths', `loses ${lost.length} operation${lost.length === 1 ? '' : 's'} its sources declare: ${list(lost)}`);
}

/** What a provider's sources declare: its Swagger's operations, its docs' operations, the specs it unites. */
export function declaredOperations(swagger: unknown, docs: Array<{ operations: Array<{ method: string; path: string }> }>, united: OpenApi[]): OperationShapes {
  const declared = swaggerOperations(swagger);
  for (const { operations } of docs) for (const op of operations) declared.set(shapeOf(operationKey(op.method, op.path)), operationKey(op.method, op.path));
  for (const spec of united) for (const [shape, key] of operationShapes(spec)) declared.set(shape, key);
  return declared;
}
