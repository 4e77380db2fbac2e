import { describe, expect, it } from 'vitest';
import { extractOperations } from '../src/docs/extract-operations.js';
import { PipelineError } from '../src/errors.js';
import { HOSTENS_DOCS, PIO_DOCS, STRIPPED_DOCS, vendorText } from './helpers.js';

const PIO_SECTIONS = new Set(['Clientarea', 'Billing', 'Services', 'Cart']);
const HOSTENS_SECTIONS = new Set(['Clientarea', 'Billing', 'Domains', 'SSL Certificates', 'Services', 'Cart', 'DNS', 'Server Management', 'Init Script Management']);

describe('docs extraction', () => {
  const pio = extractOperations(vendorText('pio-hosting', PIO_DOCS), 'pio', PIO_SECTIONS);
  const hostens = extractOperations(vendorText('hostens', HOSTENS_DOCS), 'hostens', HOSTENS_SECTIONS);
  const stripped = extractOperations(vendorText('hostbill', STRIPPED_DOCS), 'stripped');
  const find = (ops: typeof pio, key: string) => ops.find((o) => `${o.method.toUpperCase()} ${o.path}` === key)!;

  it('reads every documented operation of each layout', () => {
    expect(pio).toHaveLength(20);
    expect(hostens).toHaveLength(87);
    expect(stripped).toHaveLength(71);
  });

  it('docs path parameters: @id becomes {id}', () => {
    expect(find(hostens, 'GET /server/{server_id}/task/{task_id}').documentedPath).toBe('/server/@server_id/task/@task_id');
  });

  it('paragraph layout (PIO): title, description, section and parameter rows', () => {
    const cancel = find(pio, 'POST /service/{id}/cancel');
    expect(cancel).toMatchObject({ title: 'Cancel Service', description: 'Request service cancellation', tag: 'Services', auth: 'bearer' });
    expect(cancel.parameters.map((p) => [p.name, p.type, p.description])).toEqual([
      ['id', 'int', 'Service id'],
      ['immediate', 'string', 'set to false to terminate service at the end of billing date, true - terminate immediately'],
      ['reason', 'string', 'Reason for this request'],
    ]);
    // a row with no description must not eat the next section heading
    expect(find(pio, 'GET /balance').tag).toBe('Billing');
  });

  it('pipe-table layout (Hostens): rows, multi-line cells, section headings', () => {
    const reinstall = find(hostens, 'POST /server/{server_id}/reinstall');
    expect(reinstall.parameters.map((p) => `${p.name}:${p.type}`)).toEqual(['server_id:int', 'os:string', 'script:int', 'ssh_key:string']);
    expect(reinstall.bodyFields).toEqual(['os', 'script', 'ssh_key']);
    expect(reinstall.tag).toBe('Server Management');
    expect(find(hostens, 'GET /server').title).toBe('List All Servers');
    expect(find(hostens, 'POST /server/{server_id}/resetpassword').title).toBe('Reset Password');
  });

  it('Hostens docs: a row whose name cell was lost is kept nameless for the merge step to recover', () => {
    const details = find(hostens, 'PUT /details');
    expect(details.parameters.filter((p) => p.name === undefined)).toHaveLength(1);
    expect(details.bodyFields).toContain('email');
  });

  it('auth is read from each sample: Basic, Bearer, or none for login/token', () => {
    expect(find(hostens, 'GET /details').auth).toBe('basic');
    expect(find(hostens, 'POST /token').auth).toBe('none');
    expect(find(pio, 'POST /login').auth).toBe('none');
    expect(find(stripped, 'GET /details').auth).toBe('bearer');
  });

  it('stripped docs: example fragments are captured raw with their line', () => {
    const login = find(stripped, 'POST /login');
    expect(login.exampleResponse!.text).toMatch(/^"token"/);
    expect(login.exampleResponse!.line).toBeGreaterThan(1);
  });

  it('a docs text with no operation fails with a clear message', () => {
    expect(() => extractOperations('Introduction\nnothing here\n', 'empty.txt')).toThrow(PipelineError);
    expect(() => extractOperations('Introduction\nnothing here\n', 'empty.txt')).toThrow(/empty\.txt: no documented operation found/);
  });

  it('an unknown block after "HTTP Request" names the line', () => {
    expect(() => extractOperations('Title\ncurl x\nHTTP Request\nFETCH something\n', 'odd.txt')).toThrow(/^odd\.txt:4: "HTTP Request" must be followed by "METHOD \/path"/);
  });
});
