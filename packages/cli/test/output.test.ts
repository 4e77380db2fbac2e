import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatData, maskSecrets, printData } from '../src/output.js';
import { verboseLogger } from '../src/verbose.js';

const DATA = { id: 7, tags: ['a', 'b'], vms: [{ name: 'one', ram: 512 }, { name: 'two', disk: 10 }], owner: null };

describe('--output', () => {
  it('json and yaml parse back to the data', () => {
    expect(JSON.parse(formatData(DATA, 'json'))).toEqual(DATA);
    expect(parseYaml(formatData(DATA, 'yaml'))).toEqual(DATA);
  });

  it('table: a column per key over all rows of an array, a row per field of an object, nested ones as tables in cells, no ANSI codes', () => {
    const rows = formatData(DATA.vms, 'table');
    expect(rows.split('\n')[1]).toMatch(/│ name +│ ram +│ disk +│/);
    expect(rows).toMatch(/│ two +│ +│ 10 +│/);
    const object = formatData(DATA, 'table');
    for (const key of Object.keys(DATA)) expect(object).toMatch(new RegExp(`│ ${key} +│`));
    expect(object).toContain('│ name │ ram │ disk │');
    expect(object).not.toMatch(/\u001b\[/);
  });

  it('an unknown format is a usage error', () => {
    expect(() => formatData(DATA, 'xml')).toThrow('--output: one of json, table, yaml');
  });
});

describe('secrets', () => {
  const env = { HOSTBILL_USERNAME: 'me@example.com', HOSTBILL_PASSWORD: 'p@ss word!', HOSTBILL_TOKEN: 'tok-12345' };
  const basic = Buffer.from('me@example.com:p@ss word!').toString('base64');

  it('the printed answer masks the credentials of the environment in every form a server may echo', async () => {
    const { knownSecrets } = await import('../src/output.js');
    const secrets = knownSecrets(env);
    const text = maskSecrets(`a p@ss word! b ${encodeURIComponent('p@ss word!')} c Basic ${basic} d tok-12345`, secrets);
    expect(text).toBe('a [redacted] b [redacted] c Basic [redacted] d [redacted]');
  });

  it('printData writes the format with a newline, and nothing for an empty answer', () => {
    const out: string[] = [];
    printData({ a: 1 }, 'yaml', (t) => out.push(t));
    printData([], 'table', (t) => out.push(t));
    expect(out).toEqual(['a: 1\n', '']);
  });

  it('--verbose prints request and response lines from the masked events', () => {
    const lines: string[] = [];
    const log = verboseLogger((line) => lines.push(line));
    log({ type: 'request', method: 'post', url: 'http://h/x', attempt: 0, headers: { authorization: '[redacted]' } });
    log({ type: 'response', method: 'post', url: 'http://h/x', attempt: 0, status: 200, durationMs: 12.4, body: { ok: true } });
    log({ type: 'retry', method: 'get', url: 'http://h/y', attempt: 1, status: 503, delayMs: 100 });
    expect(lines).toEqual(['> POST http://h/x', '> authorization: [redacted]', '< 200 POST http://h/x (12 ms)', '< {"ok":true}', '! retry GET http://h/y after HTTP 503 in 100 ms']);
  });
});
