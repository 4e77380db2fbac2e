import { describe, expect, it } from 'vitest';
import { repairJson } from '../src/steps/repair-json.js';

describe('example JSON repair', () => {
  it('leaves valid JSON alone and reports no fix', () => {
    expect(repairJson('{"a": [1, 2], "b": null}')).toEqual({ ok: true, value: { a: [1, 2], b: null }, fixes: [] });
  });

  it('docs example: trailing commas', () => {
    expect(repairJson('{"a": 1, "b": [1, 2,],}')).toMatchObject({ ok: true, value: { a: 1, b: [1, 2] }, fixes: ['json-trailing-comma-removed'] });
  });

  it('docs example: (...) placeholders between items', () => {
    const result = repairJson('{"items": [{"id": 1},\n(...)\n]}');
    expect(result).toMatchObject({ ok: true, value: { items: [{ id: 1 }] } });
    expect(result.ok && result.fixes).toContain('json-placeholder-removed');
  });

  it('docs example: (...) inside a string is content, not a placeholder', () => {
    expect(repairJson('{"token": "abc(...)def"}')).toEqual({ ok: true, value: { token: 'abc(...)def' }, fixes: [] });
  });

  it('docs example: // comments', () => {
    expect(repairJson('{\n "a": "1", // sliders\n "b": 2\n}')).toMatchObject({ ok: true, value: { a: '1', b: 2 }, fixes: ['json-comment-removed'] });
  });

  it('docs example: missing commas between members', () => {
    expect(repairJson('{\n "a": 1\n "b": {"c": 2}\n "d": [1]\n}')).toMatchObject({
      ok: true,
      value: { a: 1, b: { c: 2 }, d: [1] },
      fixes: ['json-missing-comma-inserted'],
    });
  });

  it('PIO docs GET /balance: doubled outer braces', () => {
    const result = repairJson('{\n    {\n        "success": true,\n        "details": {"currency": "USD"}\n    }\n}');
    expect(result).toMatchObject({ ok: true, value: { success: true, details: { currency: 'USD' } }, fixes: ['json-doubled-braces-unwrapped'] });
  });

  it('stripped docs: outer braces restored when nothing nested was lost', () => {
    expect(repairJson('"token": "t",\n"refresh": "r"')).toMatchObject({ ok: true, value: { token: 't', refresh: 'r' }, fixes: ['json-outer-braces-restored'] });
  });

  it('stripped docs: a fragment whose nested brackets were lost is reported, never guessed', () => {
    const result = repairJson('"contact_id": "1",\n"info": [');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/brackets do not balance/);
  });

  it('garbage is reported with its reason', () => {
    expect(repairJson('<html>502</html>')).toMatchObject({ ok: false, reason: expect.stringMatching(/unexpected character/) });
    expect(repairJson('')).toMatchObject({ ok: false });
  });
});
