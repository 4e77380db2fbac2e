import { describe, expect, it } from 'vitest';
import { auditSpec } from '../src/audit/audit-spec.js';
import { docsEvidence } from '../src/audit/vendor-evidence.js';
import { extractOperations, type DocsOperation } from '../src/docs/extract-operations.js';
import { fieldFormats, requestSamples } from '../src/docs/request-samples.js';
import { SPECS_DIR } from '../src/generate.js';
import { operationKey, RepairLog, type OpenApi, type PipelineContext } from '../src/model.js';
import { RULES } from '../src/pipeline.js';
import { templateShape } from '../src/rules/path-shape.js';
import { applyRules } from '../src/rules/types.js';
import { auditAll } from '../src/specs-audit.js';
import { committedSpec, HOSTENS_DOCS, vendorText } from './helpers.js';
import { listProviders } from '../src/read/list-providers.js';

/**
 * Shapes the seeds do not have: a curl form sample three brackets deep, a PHP `array(...)` holding a map
 * keyed by ids, a Python payload with `True`/`None`, a dotted docs row, a "Format of" sketch, and an answer a
 * body field is "formatted the same way as". Each goes through the registered rules, as `pnpm generate` runs them.
 */
const DOCS = `Cart
Add to cart
Put several items in the cart
curl -X POST "https://panel.acme.test/api/cart" \\
-u user:pass \\
-d 'items[0][kind]=vps&items[0][config][disk]=20&items[0][config][ram]=2&items[1][kind]=ip&note=first'
HTTP Request
POST /cart
Query Parameters
| Parameter | Type | Description |
|---|---|---|
| items | array |
things to buy |
| note | string |
a note |
| items[].coupon | string |
coupon of one item |
Quote the cart
Price a cart. Use the same parameters as for POST /cart
curl -X POST "https://panel.acme.test/api/cart/quote" \\
-u user:pass
HTTP Request
POST /cart/quote
Query Parameters
| Parameter | Type | Description |
|---|---|---|
| items | array |
things to price |
Configure a machine
Set the options of a machine
// Format of 'options' parameter
{
"option_id" : "value", // a slider
"option_id" : {
"choice_id": "qty" // a dropdown with a quantity
}
}
curl -X POST "https://panel.acme.test/api/machine/@id/configure" \\
-u user:pass
use GuzzleHttp\\Client;
$client = new Client(['base_uri' => 'https://panel.acme.test/api']);
$resp = $client->post('/machine/@id/configure', [
'json' => array(
"addons" => array(77 => array("qty" => 2), 81 => array("qty" => 1)),
"label" => 'web # one'
)
]);
payload = {
'disks': [{'size': 10, 'ssd': True}, {'size': 20, 'ssd': False, 'tier': None}],
'options': 'optionsValue'
}
req = requests.post('https://panel.acme.test/api/machine/@id/configure', json=payload)
HTTP Request
POST /machine/@id/configure
Query Parameters
| Parameter | Type | Description |
|---|---|---|
| id | int |
Machine id |
| addons | array |
addons to add |
| disks | array |
disks |
| options | array |
machine options |
| label | string |
label |
List grants
List what a member may do
curl -X GET "https://panel.acme.test/api/member/grants" \\
-u user:pass
Example Response:
{
"grants": {
"billing": ["pay", "view"],
"machines": {"12": ["reboot"]}
}
}
HTTP Request
GET /member/grants
Add member
Invite a member
curl -X POST "https://panel.acme.test/api/member" \\
-u user:pass
HTTP Request
POST /member
Query Parameters
| Parameter | Type | Description |
|---|---|---|
| grants | array |
What the member may do. Formatted the same way as output from |
| profile | array |
Member details |
`;

const FILE = 'acme/source/docs.txt';
const docsOperations = () => extractOperations(DOCS, FILE, new Set(['Cart']));

function context(own: DocsOperation[], others: DocsOperation[] = []): PipelineContext {
  const byKey = (ops: DocsOperation[], file: string) => ops.map((op) => [operationKey(op.method, templateShape(op.path)), { ...op, file }] as const);
  const catalogue = new Map<string, Array<DocsOperation & { file: string }>>();
  for (const [key, op] of [...byKey(own, FILE), ...byKey(others, 'other/docs.txt')]) catalogue.set(key, [...(catalogue.get(key) ?? []), op]);
  return { provider: { name: 'acme', title: 'Acme', auth: ['basic'], servers: [{ url: 'https://panel.acme.test/api' }] }, docs: new Map(byKey(own, FILE)), catalogue, log: new RepairLog() };
}

const emptySpec = (): OpenApi => ({ openapi: '3.1.0', info: { title: 'Acme', version: '1' }, paths: {} });
const body = (spec: OpenApi, path: string): Record<string, any> => (spec.paths![path]!.post!.requestBody as any).content['application/json'].schema;

describe('request samples in every language the docs write them', () => {
  it('curl form fields in bracket notation nest as PHP reads them (0..n-1 keys are a list, `[]` appends)', () => {
    const [sample] = requestSamples(`curl -X POST x \\\n-d 'a[0][b][c]=1&a[0][b][d]=x%20y&a[1][b][c]=2&t[]=p&t[]=q&m[7][k]=v'`);
    expect(sample).toEqual({ source: 'curl-form', value: { a: [{ b: { c: 1, d: 'x y' } }, { b: { c: 2 } }], t: ['p', 'q'], m: { '7': { k: 'v' } } } });
  });

  it("PHP: `array(...)` and `[...]`, numeric keys as a map unless they run 0..n-1, `#` inside a string kept", () => {
    const [sample] = requestSamples(`$c->post('/x', [\n'json' => array(\n"m" => array(77 => ['q' => 2]), // note\n"l" => [10, 20], "s" => 'a # b', "n" => null\n)\n]);`);
    expect(sample).toEqual({ source: 'php', value: { m: { '77': { q: 2 } }, l: [10, 20], s: 'a # b', n: null } });
  });

  it('Python: a payload dict with True/False/None and nested lists', () => {
    const [sample] = requestSamples(`payload = {\n'd': [{'s': 1, 'ok': True}, {'ok': False, 't': None}], # why\n"e": {}\n}`);
    expect(sample).toEqual({ source: 'python', value: { d: [{ s: 1, ok: true }, { ok: false, t: null }], e: {} } });
  });

  it('hostile names: `__proto__[x]` and a PHP `"__proto__" =>` key are own fields, nothing reaches Object.prototype', () => {
    const [form] = requestSamples(`curl x \\\n-d '__proto__[polluted]=1&constructor[prototype][p]=2'`);
    const [php] = requestSamples(`'json' => ["__proto__" => ["polluted" => 1]]`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(form!.value, '__proto__') && Object.hasOwn(php!.value, '__proto__')).toBe(true);
    expect(JSON.parse(JSON.stringify(form!.value))).toEqual({ ['__proto__']: { polluted: 1 }, constructor: { prototype: { p: 2 } } });
  });

  it('a stripped capture that lost its bracket lines reads as nothing, never a guess', () => {
    expect(requestSamples(`payload = {\n'custom': {\n'1618': {\n'10330': 1\n'promocode': "T"`)).toEqual([]);
  });

  it('a "Format of \'x\' parameter" sketch: repeated or id-named keys make a map, placeholders any scalar', () => {
    expect(fieldFormats(`// Format of ''res'' paremeter\n{\n"res_id" : "qty", // one\n"res_id" : { "item_id": "qty" }\n}`).get('res')).toEqual({
      type: 'object',
      additionalProperties: { anyOf: [{ type: ['string', 'number'] }, { type: 'object', additionalProperties: { type: ['string', 'number'] } }] },
    });
  });
});

describe('nested-bodies rule (registered in the pipeline)', () => {
  const build = (spec = emptySpec(), own = docsOperations(), others: DocsOperation[] = []) => {
    const ctx = context(own, others);
    return { spec: applyRules(spec, RULES, ctx), repairs: ctx.log.repairs };
  };

  it('a 3-level bracket curl sample makes `items` a list of objects, and a dotted docs row joins the items', () => {
    const { spec, repairs } = build();
    const cart = body(spec, '/cart');
    expect(cart.properties.items).toEqual({
      description: 'things to buy',
      type: 'array',
      items: { type: 'object', properties: { kind: { type: 'string' }, config: { type: 'object', properties: { disk: { type: 'integer' }, ram: { type: 'integer' } } }, coupon: { type: 'string', description: 'coupon of one item' } } },
    });
    expect(Object.keys(cart.properties)).toEqual(['items', 'note']);
    expect(repairs).toContainEqual({ kind: 'body-field-moved-into-nesting', where: 'POST /cart', detail: 'items[].coupon -> items []' + '.coupon' });
  });

  it('"Use the same parameters as for POST /cart": the quote takes the cart\'s items', () => {
    expect(body(build().spec, '/cart/quote').properties.items).toMatchObject({ description: 'things to price', type: 'array', items: { properties: { kind: { type: 'string' } } } });
  });

  it('a PHP array keyed by ids is a map, a Python list of dicts a list of objects, a Format sketch beats the placeholder', () => {
    const machine = body(build().spec, '/machine/{id}/configure').properties;
    expect(machine.addons).toEqual({ description: 'addons to add', type: 'object', propertyNames: { pattern: '^[0-9]+$' }, additionalProperties: { type: 'object', properties: { qty: { type: 'integer' } } } });
    expect(machine.disks).toMatchObject({ type: 'array', items: { type: 'object', properties: { size: { type: 'integer' }, ssd: { type: 'boolean' }, tier: { type: 'null' } } } });
    expect(machine.disks.items.required).toBeUndefined(); // one sample is one request: nothing inside it is required
    expect(machine.options).toMatchObject({ type: 'object', additionalProperties: { anyOf: [{ type: ['string', 'number'] }, { type: 'object' }] } });
    expect(machine.label).toEqual({ type: 'string', description: 'label' });
  });

  it('"formatted the same way as output from" (path lost) borrows GET /member/grants\' answer; "details" is an object', () => {
    const member = body(build().spec, '/member').properties;
    expect(member.grants).toMatchObject({ type: 'object', properties: { billing: { type: 'array', items: { type: 'string' } }, machines: { type: 'object', propertyNames: { pattern: '^[0-9]+$' } } } });
    expect(JSON.stringify(member.grants)).not.toContain('"required"');
    expect(member.profile).toEqual({ description: 'Member details', type: 'object', additionalProperties: true });
  });

  it("a Swagger body without samples of its own: other providers' samples replace string[], and lifted fields leave the top", () => {
    const swaggerish: OpenApi = {
      ...emptySpec(),
      paths: {
        '/cart': {
          post: {
            requestBody: {
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { items: { anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'array', items: {} }] }, kind: { type: 'string' }, '7': { type: 'string' }, note: { type: 'string' } } },
                },
              },
            },
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    };
    const other = docsOperations().filter((op) => op.path === '/cart');
    other[0]!.requestSamples![0]!.value.items = [{ kind: 'vps', extra: { '7': 'x' } }];
    const { spec } = build(swaggerish, [], other);
    const cart = body(spec, '/cart');
    expect(Object.keys(cart.properties)).toEqual(['items', 'note']);
    expect(cart.properties.items.anyOf).toBeUndefined();
    expect(cart.properties.items).toMatchObject({ type: 'array', items: { type: 'object', properties: { kind: { type: 'string' } } } });
  });
});

describe('specs:audit: bodies as the samples nest them', () => {
  const spec = (items: object, extra: Record<string, object> = {}): OpenApi =>
    ({
      ...emptySpec(),
      paths: { '/cart': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { items, note: { type: 'string' }, ...extra } } } } }, responses: { '200': { description: 'ok' } } } } },
    }) as OpenApi;
  const evidence = docsEvidence(`curl -X POST x \\\n-u u:p \\\n-d "{\n\\"items\\": [{\\"kind\\": \\"vps\\", \\"id\\": 1618}],\n\\"note\\": \\"n\\"\n}"\nHTTP Request\nPOST /cart\n`, FILE);

  it('counts a top-level field the samples only nest, a numeric name, and a nested field typed string[]', () => {
    const audit = auditSpec('acme', spec({ type: 'array', items: { type: 'string' } }, { kind: { type: 'string' }, '1618': { type: 'integer' } }), evidence, new Set());
    expect(audit.liftedBodyFields.map((f) => `${f.where}: ${f.detail}`)).toEqual([
      'requestBody 1618: a field named by a number: an id, which belongs inside a map',
      `requestBody kind: the samples send it only inside items (${FILE}:3)`,
    ]);
    expect(audit.flatNestedBodyFields.map((f) => f.where)).toEqual(['requestBody items']);
    expect(audit.vendorRequests.failing).toHaveLength(1);
  });

  it('finds nothing once the body nests what the samples nest', () => {
    const audit = auditSpec('acme', spec({ type: 'array', items: { type: 'object', properties: { kind: { type: 'string' }, id: { type: 'integer' } } } }), evidence, new Set());
    expect([audit.liftedBodyFields, audit.flatNestedBodyFields, audit.vendorRequests.failing]).toEqual([[], [], []]);
  });

  it('a "Format of" sketch or "formatted the same way as output from" row, with no sample, still holds the field to a structure', () => {
    const sketched = docsEvidence(
      `// Format of 'opts' parameter\n{ "opt_id": "v" }\ncurl -X POST x\nHTTP Request\nPOST /cart\n| Parameter | Type | Description |\n|---|---|---|\n| opts | array |\nopts |\n| grants | array |\nFormatted the same way as output from |\n| note | string |\nnote |\n`,
      FILE,
    );
    expect(sketched.parameters.filter((p) => p.shapedBy).map((p) => p.name)).toEqual(['opts', 'grants']);
    const flat = auditSpec('acme', spec({ type: 'array', items: { type: 'string' } }, { opts: { type: 'array', items: {} }, grants: { type: 'object', properties: { a: { type: 'string' } } } }), sketched, new Set());
    expect(flat.flatNestedBodyFields.map((f) => f.where)).toEqual(['requestBody opts']);
  });

  it('every committed spec: 0 lifted, 0 flat-typed nested body fields, every vendor request sample valid', () => {
    for (const audit of auditAll(SPECS_DIR)) {
      expect([audit.provider, audit.liftedBodyFields, audit.flatNestedBodyFields, audit.vendorRequests.failing]).toEqual([audit.provider, [], [], []]);
    }
  });
});

describe('the committed specs: the seed bodies the audit found flat', () => {
  it('Hostens docs: the curl, PHP and Python samples of POST /order read to the same body', () => {
    const order = extractOperations(vendorText('hostens', HOSTENS_DOCS), 'hostens').find((o) => o.method === 'post' && o.path === '/order')!;
    expect(order.requestSamples!.map((s) => s.source)).toEqual(['curl-json', 'php', 'python']);
    for (const sample of order.requestSamples!) expect(sample.value).toEqual(order.bodySample);
  });

  const field = (spec: Record<string, any>, method: string, path: string, name: string) => spec.paths[path]?.[method]?.requestBody.content['application/json'].schema.properties[name];
  for (const provider of listProviders(SPECS_DIR)) {
    it(`${provider}: items, custom, resources, privileges and organization nest as the vendors send them`, () => {
      const spec = committedSpec(provider);
      const checks: Array<[string, string, string, (schema: Record<string, any>) => void]> = [
        ['post', '/order', 'items', (s) => expect(s).toMatchObject({ type: 'array', items: { type: 'object', properties: { type: {}, product_id: {} } } })],
        ['post', '/quote', 'items', (s) => expect(s).toMatchObject({ type: 'array', items: { type: 'object', properties: { type: {}, product_id: {} } } })],
        ['post', '/order/{product_id}', 'custom', (s) => expect(s).toMatchObject({ type: 'object', propertyNames: { pattern: '^[0-9]+$' } })],
        ['post', '/service/{id}/upgrade', 'resources', (s) => expect(s).toMatchObject({ type: 'object', additionalProperties: {} })],
        ['post', '/contact', 'privileges', (s) => expect(s).toMatchObject({ type: 'object', properties: { billing: { type: 'array' } } })],
        ['put', '/contact/{id}', 'privileges', (s) => expect(s).toMatchObject({ type: 'object' })],
        ['post', '/certificate/order', 'organization', (s) => expect(s).toMatchObject({ type: 'object' })],
      ];
      for (const [method, path, name, check] of checks) {
        const schema = field(spec, method, path, name);
        if (!schema) continue; // the provider does not have the operation
        expect(schema.anyOf, `${method} ${path} ${name}`).toBeUndefined();
        check(schema);
      }
    });
  }
});
