import { PipelineError } from '../errors.js';
import type { OpenApi, RepairLog } from '../model.js';

/**
 * Hand corrections: `specs/<provider>/patches/*.json`, each `{ "reason": "...", "patch": [RFC 6902 ops] }`.
 * Supports add, replace, remove and test; any failure names the patch file and the JSON pointer.
 */
export interface PatchFile {
  file: string;
  reason: string;
  patch: Array<{ op: string; path: string; value?: unknown }>;
}

export function parsePatchFile(value: unknown, file: string): PatchFile {
  const v = value as Partial<PatchFile>;
  if (typeof v !== 'object' || v === null) throw new PipelineError(file, '', 'a patch file must be an object');
  if (typeof v.reason !== 'string' || !v.reason.trim()) throw new PipelineError(file, '/reason', 'every patch needs a one-line "reason"');
  if (!Array.isArray(v.patch)) throw new PipelineError(file, '/patch', '"patch" must be an array of JSON Patch operations');
  return { file, reason: v.reason, patch: v.patch };
}

const unescape = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

export function applyPatches(spec: OpenApi, patches: PatchFile[], log: RepairLog): OpenApi {
  const doc = structuredClone(spec);
  for (const { file, reason, patch } of patches) {
    patch.forEach((operation, index) => {
      const at = `/patch/${index}`;
      if (typeof operation.path !== 'string' || !operation.path.startsWith('/')) throw new PipelineError(file, at, `"path" must be a JSON pointer, got ${JSON.stringify(operation.path)}`);
      const tokens = operation.path.slice(1).split('/').map(unescape);
      const last = tokens.pop()!;
      let parent: OpenApi = doc;
      for (const token of tokens) {
        if (parent[token] === undefined || typeof parent[token] !== 'object') {
          throw new PipelineError(file, at, `${operation.path}: nothing at "${token}" in the spec`);
        }
        parent = parent[token];
      }
      switch (operation.op) {
        case 'add':
        case 'replace':
          if (operation.op === 'replace' && !(last in parent)) throw new PipelineError(file, at, `${operation.path}: nothing to replace`);
          if (Array.isArray(parent) && last === '-') (parent as unknown[]).push(structuredClone(operation.value));
          else (parent as OpenApi)[last] = structuredClone(operation.value);
          break;
        case 'remove':
          if (!(last in parent)) throw new PipelineError(file, at, `${operation.path}: nothing to remove`);
          if (Array.isArray(parent)) parent.splice(Number(last), 1);
          else delete parent[last];
          break;
        case 'test':
          if (JSON.stringify(parent[last]) !== JSON.stringify(operation.value)) throw new PipelineError(file, at, `${operation.path}: test failed, the spec changed under this patch`);
          break;
        default:
          throw new PipelineError(file, at, `unsupported op ${JSON.stringify(operation.op)} (add, replace, remove, test)`);
      }
    });
    log.add('patch-applied', file, reason);
  }
  return doc;
}
