import { rewriteTexts } from './texts.js';
import type { Rule } from './types.js';

/** HTML's text tags, the ones a docs capture leaves behind; `Array<string>` or `<id>` in prose is no tag of these. */
const TAG = /<\/?(?:a|b|br|code|div|em|h[1-6]|i|li|ol|p|pre|small|span|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul)(?:\s[^<>]*)?\/?>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** `set to false</code> to end` -> `set to false to end`; entities decoded, the blank lines a tag left collapsed. */
export function withoutHtmlDebris(text: string): string {
  if (!new RegExp(TAG.source, 'i').test(text) && !/&(?:amp|lt|gt|quot|apos|nbsp|#\d{1,6});/.test(text)) return text;
  const cleaned = text
    .replace(TAG, '')
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ENTITIES[name]!)
    .replace(/&#(\d{1,6});/g, (whole, code: string) => (Number(code) <= 0x10ffff ? String.fromCodePoint(Number(code)) : whole))
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n');
  return cleaned.trim();
}

export const hasHtmlDebris = (text: string): boolean => withoutHtmlDebris(text) !== text;

/**
 * Docs captured from HTML keep closing tags and entities their opening halves lost (`</code>`,
 * `</strong></p>`, `&quot;`), and they reach every client's JSDoc. The text stays; the markup goes,
 * in operations, parameters, bodies, answers and schemas alike.
 */
export const removeHtmlDebris: Rule = {
  name: 'remove-html-debris',
  apply(spec, { log }) {
    rewriteTexts(spec, withoutHtmlDebris, (where, key) => log.add('html-debris-removed', where, key));
    return spec;
  },
};
