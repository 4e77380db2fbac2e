import { PipelineError } from '../errors.js';
import type { OpenApi, RepairLog } from '../model.js';
import { FORBIDDEN_SEGMENTS, parsePointer } from '../patch/json-pointer.js';
import { applyOperation, PatchProblem, type PatchOperation } from '../patch/rfc6902.js';
import { checkPatchRemovals, operationShapes } from './operation-guard.js';

/**
 * Hand corrections: `specs/<provider>/patches/*.json`, each `{ "reason": "...", "patch": [RFC 6902 ops] }`,
 * plus `"removesOperations": ["METHOD /path", ...]` when the patch deletes operations on purpose.
 * Every operation is checked before any is applied; a failure names the file and `/patch/<index>`.
 */
export interface PatchFile {
  file: string;
  reason: string;
  patch: PatchOperation[];
  /** operations this patch deletes on purpose (`GET /path`); deleting any other one is refused */
  removesOperations: string[];
}

const OPS = ['add', 'remove', 'replace', 'move', 'copy', 'test'];
const OPERATION_KEY = /^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) \/\S*$/;

export function parsePatchFile(value: unknown, file: string): PatchFile {
  const v = value as Partial<PatchFile>;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new PipelineError(file, '', 'a patch file must be an object');
  if (typeof v.reason !== 'string' || !v.reason.trim()) throw new PipelineError(file, '/reason', 'every patch needs a one-line "reason"');
  if (!Array.isArray(v.patch)) throw new PipelineError(file, '/patch', '"patch" must be an array of JSON Patch operations');
  const removes = v.removesOperations ?? [];
  if (!Array.isArray(removes)) throw new PipelineError(file, '/removesOperations', 'must be an array of "METHOD /path" strings');
  removes.forEach((key, index) => {
    if (typeof key !== 'string' || !OPERATION_KEY.test(key)) throw new PipelineError(file, `/removesOperations/${index}`, `must be "METHOD /path" (e.g. "DELETE /item/{id}"), got ${JSON.stringify(key)}`);
  });
  return { file, reason: v.reason, patch: v.patch.map((operation, index) => checkOperation(operation, file, index)), removesOperations: removes };
}

/** The shape RFC 6902 requires of one operation, and no pointer segment that names a prototype. */
function checkOperation(operation: unknown, file: string, index: number): PatchOperation {
  const fail = (problem: string): never => {
    throw new PipelineError(file, `/patch/${index}`, problem);
  };
  if (typeof operation !== 'object' || operation === null || Array.isArray(operation)) return fail('an operation must be an object');
  const o = operation as Record<string, unknown>;
  if (typeof o.op !== 'string' || !OPS.includes(o.op)) return fail(`unsupported op ${JSON.stringify(o.op)} (${OPS.join(', ')})`);
  const pointers: Array<['path' | 'from', unknown]> = [['path', o.path], ...(o.op === 'move' || o.op === 'copy' ? [['from', o.from] as ['from', unknown]] : [])];
  for (const [member, pointer] of pointers) {
    if (typeof pointer !== 'string') return fail(`"${member}" must be a JSON pointer string, got ${JSON.stringify(pointer)}`);
    const label = `${o.op} ${pointer}`;
    const tokens = parsePointer(pointer);
    if (typeof tokens === 'string') return fail(`${label}: ${tokens}`);
    const forbidden = tokens.find((t) => FORBIDDEN_SEGMENTS.has(t));
    if (forbidden) return fail(`${label}: "${forbidden}" is not allowed in a patch path (it names a JavaScript prototype, not part of the spec)`);
  }
  if ((o.op === 'add' || o.op === 'replace' || o.op === 'test') && !Object.hasOwn(o, 'value')) return fail(`${o.op} ${String(o.path)}: needs a "value"`);
  return o as PatchOperation;
}

export function applyPatches(spec: OpenApi, patches: PatchFile[], log: RepairLog): { spec: OpenApi; removed: Set<string> } {
  let doc: unknown = spec;
  const removed = new Set<string>();
  for (const patch of patches) {
    const before = operationShapes(doc as OpenApi);
    patch.patch.forEach((operation, index) => {
      try {
        doc = applyOperation(doc, operation);
      } catch (error) {
        if (!(error instanceof PatchProblem)) throw error;
        throw new PipelineError(patch.file, `/patch/${index}`, `${operation.op} ${operation.path}: ${error.message}`);
      }
    });
    for (const key of checkPatchRemovals(patch, before, operationShapes(doc as OpenApi))) removed.add(key);
    log.add('patch-applied', patch.file, patch.reason);
  }
  return { spec: doc as OpenApi, removed };
}
