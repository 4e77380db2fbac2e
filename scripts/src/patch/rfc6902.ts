import { jsonEqual } from './json-equal.js';
import { arrayIndex, getMember, hasMember, isContainer, parsePointer, setOwn, type JsonContainer } from './json-pointer.js';

/**
 * RFC 6902 JSON Patch: add, remove, replace, move, copy, test. Pure: the caller's document is never
 * changed; each operation returns the next document. Only own properties are ever read or written.
 */
export type PatchOperation =
  | { op: 'add' | 'replace' | 'test'; path: string; value: unknown }
  | { op: 'remove'; path: string }
  | { op: 'move' | 'copy'; from: string; path: string };

/** What is wrong with one operation; the caller adds which file and which operation. */
export class PatchProblem extends Error {}

const fail = (problem: string): never => {
  throw new PatchProblem(problem);
};

/** The document sits under a holder, so the root pointer `""` has a parent like every other one. */
interface Location {
  parent: JsonContainer;
  token: string;
}

function locate(holder: JsonContainer, pointer: string): Location {
  const tokens = parsePointer(pointer);
  if (typeof tokens === 'string') return fail(tokens);
  let parent: unknown = holder;
  let token = 'document';
  for (const next of tokens) {
    const child = getMember(parent as JsonContainer, token);
    if (!isContainer(child)) return fail(hasMember(parent as JsonContainer, token) ? `"${token}" is not an object or array` : `nothing at "${token}"`);
    parent = child;
    token = next;
  }
  return { parent: parent as JsonContainer, token };
}

function read({ parent, token }: Location): unknown {
  if (!hasMember(parent, token)) return fail(Array.isArray(parent) ? `no element ${token} (the array has ${parent.length})` : `nothing at "${token}"`);
  return getMember(parent, token);
}

function insert({ parent, token }: Location, value: unknown): void {
  if (!Array.isArray(parent)) return setOwn(parent, token, value);
  const index = token === '-' ? parent.length : arrayIndex(token);
  if (index < 0) return fail(`"${token}" is not an array index (a number, or "-" to append)`);
  if (index > parent.length) return fail(`index ${index} is past the end of the array (${parent.length} element${parent.length === 1 ? '' : 's'}); use "-" to append`);
  parent.splice(index, 0, value);
}

function removeAt(location: Location): unknown {
  const value = read(location);
  const { parent, token } = location;
  if (Array.isArray(parent)) parent.splice(arrayIndex(token), 1);
  else delete parent[token];
  return value;
}

export function applyOperation(document: unknown, operation: PatchOperation): unknown {
  const holder: Record<string, unknown> = {};
  setOwn(holder, 'document', structuredClone(document));
  const at = (pointer: string) => locate(holder, pointer);
  switch (operation.op) {
    case 'add':
      insert(at(operation.path), structuredClone(operation.value));
      break;
    case 'remove':
      if (operation.path === '') fail('the whole document cannot be removed');
      removeAt(at(operation.path));
      break;
    case 'replace': {
      const location = at(operation.path);
      read(location);
      setOwn(location.parent as Record<string, unknown>, location.token, structuredClone(operation.value));
      break;
    }
    case 'move': {
      if (operation.path.startsWith(`${operation.from}/`)) fail(`cannot move ${operation.from} into its own child`);
      if (operation.path === operation.from) read(at(operation.from));
      else insert(at(operation.path), removeAt(at(operation.from)));
      break;
    }
    case 'copy':
      insert(at(operation.path), structuredClone(read(at(operation.from))));
      break;
    case 'test':
      if (!jsonEqual(read(at(operation.path)), operation.value)) fail('test failed: the value there differs, so the spec changed under this patch');
      break;
  }
  return holder.document;
}
