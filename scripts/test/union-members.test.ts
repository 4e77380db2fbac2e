import { describe, expect, it } from 'vitest';
import type { ProviderConfig } from '../src/model.js';
import { buildOrder, unionMembers } from '../src/union-members.js';

const provider = (name: string, extra: Partial<ProviderConfig> = {}): ProviderConfig => ({ name, title: name, auth: ['basic'], ...extra });
const union = provider('generic', { unionOf: '*' });
const swaggerAndDocs = provider('zeta', { swagger: 'source/s.json', docs: ['source/d.txt'] });
const swaggerOnly = provider('mid', { swagger: 'source/s.json' });
const docsOnly = provider('alpha', { docs: ['source/d.txt'] });
const names = (configs: ProviderConfig[]) => configs.map((c) => c.name);

describe('a union unites every other provider unless it opts out', () => {
  it('a provider folder that is added is in the union, without editing the union', () => {
    const before = [union, swaggerAndDocs, swaggerOnly];
    expect(unionMembers(union, before)).toEqual(['zeta', 'mid']);
    expect(unionMembers(union, [...before, docsOnly])).toEqual(['zeta', 'mid', 'alpha']);
  });

  it('a removed one is gone from it; one with "excludeFromUnion": true is left out', () => {
    expect(unionMembers(union, [union, swaggerOnly])).toEqual(['mid']);
    expect(unionMembers(union, [union, swaggerAndDocs, { ...swaggerOnly, excludeFromUnion: true }, docsOnly])).toEqual(['zeta', 'alpha']);
  });

  it('a union never unites a union (so there is no cycle), and a provider that is none unites nothing', () => {
    expect(unionMembers(union, [union, provider('other-union', { unionOf: '*' }), docsOnly])).toEqual(['alpha']);
    expect(unionMembers(docsOnly, [union, docsOnly])).toEqual([]);
  });

  it('build order is source authority (Swagger with docs, Swagger, docs, unions), then name; never folder listing order', () => {
    const order = ['generic', 'alpha', 'mid', 'zeta', 'beta'].map((n) => ({ config: [union, docsOnly, swaggerOnly, swaggerAndDocs, provider('beta', { docs: ['d'] })].find((c) => c.name === n)! }));
    expect(names(buildOrder(order).map((i) => i.config))).toEqual(['zeta', 'mid', 'alpha', 'beta', 'generic']);
    expect(names(buildOrder([...order].reverse()).map((i) => i.config))).toEqual(['zeta', 'mid', 'alpha', 'beta', 'generic']);
  });
});
