import { describe, expect, it } from 'vitest';
import { SPECS_DIR } from '../src/generate.js';
import { RepairLog, type OpenApi, type PipelineContext } from '../src/model.js';
import { removeHtmlDebris, withoutHtmlDebris } from '../src/rules/html-debris.js';
import { applyRules } from '../src/rules/types.js';
import { auditAll } from '../src/specs-audit.js';

const context = (log = new RepairLog()): PipelineContext => ({ provider: { name: 'acme', title: 'Acme', auth: ['basic'] }, docs: new Map(), catalogue: new Map(), log });

/** A docs capture whose opening tags were stripped and whose closing ones were not, in every place a text sits. */
const fixture = (): OpenApi =>
  ({
    openapi: '3.1.0',
    info: { title: 'Acme', version: '1' },
    paths: {
      '/vm/{id}': {
        delete: {
          summary: 'Cancel <strong>now</strong>',
          description: 'set to false</code> to cancel later, true</code> - at once</p>',
          parameters: [{ name: 'id', in: 'path', required: true, description: 'VM id &amp; name', schema: { type: 'integer' } }],
          responses: {
            '200': {
              description: 'ok',
              content: { 'application/json': { schema: { type: 'object', properties: { list: { type: 'array', description: 'Array<string> of ids, x < 5', items: { type: 'string', description: 'one id</li></ul>' } } } } } },
            },
          },
        },
      },
    },
  }) as OpenApi;

describe('remove-html-debris', () => {
  it('drops stray tags and decodes entities, keeping the words', () => {
    expect(withoutHtmlDebris('set to false</code> to cancel</strong></p>')).toBe('set to false to cancel');
    expect(withoutHtmlDebris('Options\n\n    \n\n  • short</code> - basic</li>\n</ul>')).toBe('Options\n\n  • short - basic');
    expect(withoutHtmlDebris('a &quot;b&quot; &#169;&nbsp;c')).toBe('a "b" © c');
  });

  it('leaves prose that only looks like markup: Array<string>, x < 5, <id>', () => {
    for (const text of ['Array<string> of ids', 'x < 5 and y > 2', 'GET /service/<id>', 'ends with spaces  ']) expect(withoutHtmlDebris(text)).toBe(text);
  });

  it('cleans operations, parameters and schemas, and logs only the texts it changed', () => {
    const log = new RepairLog();
    const spec = applyRules(fixture(), [removeHtmlDebris], context(log)) as any;
    const op = spec.paths['/vm/{id}'].delete;
    expect(op.summary).toBe('Cancel now');
    expect(op.description).toBe('set to false to cancel later, true - at once');
    expect(op.parameters[0].description).toBe('VM id & name');
    const list = op.responses['200'].content['application/json'].schema.properties.list;
    expect(list.description).toBe('Array<string> of ids, x < 5');
    expect(list.items.description).toBe('one id');
    expect(log.repairs.map((r) => `${r.where} ${r.detail}`)).toEqual([
      'DELETE /vm/{id} summary',
      'DELETE /vm/{id} description',
      'DELETE /vm/{id} id description',
      '#/paths/~1vm~1{id}/delete/responses/200/content/application~1json/schema/properties/list/items description',
    ]);
  });
});

describe('the committed specs', () => {
  it('hold no HTML debris in their texts (specs:audit "summaries and descriptions with HTML debris" is 0)', () => {
    for (const audit of auditAll(SPECS_DIR)) expect(audit.htmlDebris, audit.provider).toEqual([]);
  });
});
