import { describe, expect, it } from 'vitest';
import { PipelineError } from '../src/errors.js';
import { RepairLog, type OpenApi, type PipelineContext } from '../src/model.js';
import { applyServers } from '../src/rules/servers.js';
import { applyRules, type Rule } from '../src/rules/types.js';

const spec: OpenApi = { openapi: '3.1.0', info: { title: 'Acme', version: '1' }, paths: {} };
const context = (): PipelineContext => ({ provider: { name: 'acme', title: 'Acme', auth: ['basic'] }, docs: new Map(), catalogue: new Map(), log: new RepairLog() });
const throwing = (error: unknown): Rule => ({
  name: 'explode',
  apply() {
    throw error;
  },
});

describe('rules', () => {
  it('an error thrown inside a rule becomes a PipelineError naming the rule and the provider', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'content')");
    let caught: unknown;
    try {
      applyRules(spec, [applyServers, throwing(bug)], { ...context(), provider: { ...context().provider, servers: [{ url: 'https://acme.example' }] } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PipelineError);
    expect((caught as PipelineError).message).toBe("acme/openapi.json: rule explode failed: Cannot read properties of undefined (reading 'content')");
    expect((caught as PipelineError).cause).toBe(bug);
  });

  it('a PipelineError from a rule already names its file and place, and passes through as it is', () => {
    const named = new PipelineError('acme/provider.json', '/auth', 'no');
    expect(() => applyRules(spec, [throwing(named)], context())).toThrow(named);
  });

  it('no servers in provider.json nor the Swagger file is a config mistake, named with its place', () => {
    expect(() => applyRules(spec, [applyServers], context())).toThrow(
      new PipelineError('acme/provider.json', '/servers', 'missing, and the Swagger file has no host: add "servers": [{ "url": "https://<host>/api" }]'),
    );
  });
});
