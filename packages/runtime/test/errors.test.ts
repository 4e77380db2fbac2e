import { describe, expect, it } from 'vitest';
import { AuthenticationError, errorForStatus, HostBillApiError, NotFoundError, RateLimitError } from '../src/errors.js';

const request = { method: 'post', url: 'https://u:p@billing.example.com/api/login?token=abc', operation: 'getToken' };

describe('typed errors', () => {
  it('map statuses to classes and carry HostBill\'s messages', () => {
    const error = errorForStatus(401, { request, body: { error: ['invalid_credentials'] } });
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toBeInstanceOf(HostBillApiError);
    expect(error.message).toBe('getToken failed with HTTP 401: invalid_credentials');
    expect(error.messages).toEqual(['invalid_credentials']);
    expect(errorForStatus(404, { request })).toBeInstanceOf(NotFoundError);
    expect(errorForStatus(429, { request })).toBeInstanceOf(RateLimitError);
  });

  it('never carry a secret: not in the message, the URL, the body, toJSON or inspect', () => {
    const error = errorForStatus(400, { request, body: { error: ['bad'], password: 'hunter2', token: 'eyJsecret', nested: { refresh: 'r-secret' } } });
    const everything = [error.message, error.url, JSON.stringify(error), String(error), JSON.stringify(error.body)].join('\n');
    for (const secret of ['hunter2', 'eyJsecret', 'r-secret', 'abc', 'u:p']) expect(everything).not.toContain(secret);
  });
});
