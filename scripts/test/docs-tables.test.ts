import { describe, expect, it } from 'vitest';
import { docsEvidence } from '../src/audit/vendor-evidence.js';
import { extractOperations } from '../src/docs/extract-operations.js';
import { isSeparatorRow } from '../src/docs/table-rows.js';

/** Two operations in the pipe-table layout; `separator` is the markdown row under the header. */
const docs = (separator: string) =>
  [
    'Refresh Token',
    'Generate new authorization token using refresh token',
    'curl -X POST "https://billing.acme.test/api/token" \\',
    'HTTP Request',
    'POST /token',
    'Query Parameters',
    '| Parameter | Type | Description |',
    separator,
    '| refresh_token | string |',
    'Refresh token (required) |',
    'Order Details',
    'Get order details',
    'curl -X GET "https://billing.acme.test/api/order/@number" \\',
    'HTTP Request',
    'GET /order/@number',
    '| Parameter | Type | Description |',
    separator,
    '| number | int |',
    'Order Number |',
    '',
  ].join('\n');

const SEPARATORS = ['|---|---|---|', '| :-------- | :---- | :------------ |', '|:---:|:---:|:---:|', '| ---: | ---: | ---: |', ':--- | :--- | :--- |'];

describe('docs tables: markdown separator rows', () => {
  it.each(SEPARATORS)('%s: every row is read and none leaks into the next operation', (separator) => {
    const [token, order] = extractOperations(docs(separator), 'acme');
    expect(token!.parameters.map((p) => [p.name, p.type, p.description])).toEqual([['refresh_token', 'string', 'Refresh token (required)']]);
    expect(order).toMatchObject({ title: 'Order Details', description: 'Get order details', path: '/order/{number}' });
    expect(order!.parameters.map((p) => p.name)).toEqual(['number']);
  });

  it.each(SEPARATORS)('%s: the audit reads the same rows and their "(required)"', (separator) => {
    const rows = docsEvidence(docs(separator), 'acme.txt').parameters.map((p) => [p.shape, p.name, p.required]);
    expect(rows).toEqual([
      ['post /token', 'refresh_token', true],
      ['get /order/{}', 'number', false],
    ]);
  });

  it('CRLF line ends and padded cells read as plain ones', () => {
    const padded = docs('|---|---|---|').replace('| refresh_token | string |', '|  refresh_token   |  string  |').replace(/\n/g, '\r\n');
    const [token] = extractOperations(padded, 'acme');
    expect(token!.parameters.map((p) => [p.name, p.type, p.description])).toEqual([['refresh_token', 'string', 'Refresh token (required)']]);
    expect(docsEvidence(padded, 'acme.txt').parameters.map((p) => [p.name, p.required])).toEqual([
      ['refresh_token', true],
      ['number', false],
    ]);
  });

  it('a separator row is dashes with optional alignment colons, nothing else', () => {
    for (const row of SEPARATORS) expect(isSeparatorRow(row)).toBe(true);
    for (const row of ['| id | int |', '- item', '| : | : |', '|--x--|', 'Parameter Type Description']) expect(isSeparatorRow(row)).toBe(false);
  });
});
