import { describe, expect, it } from 'vitest';
import { operations, type Doc } from '../src/params.js';
import { resourceTree, selectedProvider } from '../src/resources.js';
import fixture from './fixtures/shapes.json' with { type: 'json' };

const tree = resourceTree(operations(fixture as unknown as Doc));
const actions = (name: string) => Object.fromEntries(tree.find((r) => r.name === name)!.actions.map((a) => [a.name, `${a.operation.method.toUpperCase()} ${a.operation.path}`]));

describe('resourceTree (names from method + path, whatever the operationIds look like)', () => {
  it('skips the prefix every path shares and names resources by the next segment; a path with none goes under its tag', () => {
    expect(tree.map((r) => r.name)).toEqual(['category', 'dns', 'gadget', 'odd-bits', 'widget']);
  });

  it('names actions list/get/create/update/delete, a POST (or a PUT nothing reads) to a named endpoint by that endpoint, sub-paths by verb + segment', () => {
    expect(actions('widget')).toMatchObject({
      list: 'GET /v2/app/widget',
      create: 'POST /v2/app/widget',
      'delete': 'DELETE /v2/app/widget/{shop}/{widget_id}',
      'paint-job': 'POST /v2/app/widget/{widget_id}/paint-job',
      'list-paint-job': 'GET /v2/app/widget/{widget_id}/paint-job',
      'update-paint-job': 'PUT /v2/app/widget/{widget_id}/paint-job',
    });
    expect(actions('gadget')).toEqual({ 'list-setting': 'GET /v2/app/gadget/{id}/setting', 'update-setting': 'PUT /v2/app/gadget/{id}/setting', close: 'PUT /v2/app/gadget/{id}/close' });
    expect(actions('odd-bits')).toEqual({ get: 'GET /v2/app/{anything}' });
  });

  it('tells apart operations that would share a name by their path values, then by operationId', () => {
    expect(actions('widget')).toMatchObject({
      'get-by-shop-widget-id': 'GET /v2/app/widget/{shop}/{widget_id}',
      'get-by-widget-id': 'GET /v2/app/widget/{widget_id}',
      'update-paint-job': 'PUT /v2/app/widget/{widget_id}/paint-job',
      'touch-up-paint': 'PATCH /v2/app/widget/{widget_id}/paint-job',
    });
    expect(actions('widget')).not.toHaveProperty('get');
  });

  it('gives a singular resource its plural as alias (category -> categories), none to one that may be plural already', () => {
    expect(tree.find((r) => r.name === 'category')?.alias).toBe('categories');
    expect(tree.find((r) => r.name === 'widget')?.alias).toBe('widgets');
    expect(tree.find((r) => r.name === 'dns')?.alias).toBeUndefined();
  });

  it('groups a resource under the tag most of its operations carry', () => {
    expect(tree.find((r) => r.name === 'widget')?.group).toBe('Widgets');
  });
});

describe('selectedProvider', () => {
  it('reads --provider wherever it stands, then HOSTBILL_PROVIDER; a completion request from its words', () => {
    expect(selectedProvider(['server', 'get', '1', '--output', 'json', '--provider', 'x'], {})).toBe('x');
    expect(selectedProvider(['--provider=y', 'server'], {})).toBe('y');
    expect(selectedProvider(['server'], { HOSTBILL_PROVIDER: 'z' })).toBe('z');
    expect(selectedProvider(['complete', '--', '--provider', 'w', 'ser'], {})).toBe('w');
    expect(selectedProvider(['--provider'], {})).toBeUndefined();
  });
});
