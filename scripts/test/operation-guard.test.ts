import { describe, expect, it } from 'vitest';
import type { OpenApi } from '../src/model.js';
import { checkOperationsKept, checkPatchRemovals, declaredOperations, operationShapes } from '../src/steps/operation-guard.js';

const spec = (paths: OpenApi['paths']): OpenApi => ({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths });
const ok = { responses: {} };

describe('operation guard', () => {
  it('compares operations by shape, so a renamed path parameter is the same operation', () => {
    const declared = declaredOperations({ paths: { '/service/{service_id}': { get: ok } } }, [{ operations: [{ method: 'post', path: '/cart' }] }], []);
    expect([...declared.values()]).toEqual(['GET /service/{service_id}', 'POST /cart']);
    expect(() => checkOperationsKept('x/openapi.json', spec({ '/service/{id}': { get: ok }, '/cart': { post: ok } }), declared, new Set())).not.toThrow();
    expect(() => checkOperationsKept('x/openapi.json', spec({ '/service/{id}': { get: ok } }), declared, new Set())).toThrow('x/openapi.json:/paths: loses 1 operation its sources declare: POST /cart');
  });

  it('refuses an empty spec even when nothing was declared', () => {
    expect(() => checkOperationsKept('x/openapi.json', spec({}), new Map(), new Set())).toThrow('x/openapi.json: has no operations');
  });

  it('a patch removes exactly the operations it lists', () => {
    const before = operationShapes(spec({ '/a': { get: ok, post: ok } }));
    const after = operationShapes(spec({ '/a': { get: ok } }));
    expect(checkPatchRemovals({ file: 'p.json', removesOperations: ['POST /a'] }, before, after)).toEqual(['POST /a']);
    expect(() => checkPatchRemovals({ file: 'p.json', removesOperations: [] }, before, after)).toThrow('p.json:/removesOperations: removes 1 operation it does not list: POST /a');
    expect(() => checkPatchRemovals({ file: 'p.json', removesOperations: ['POST /a', 'GET /a'] }, before, after)).toThrow('lists GET /a, which it does not remove');
  });
});
