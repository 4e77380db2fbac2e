import { rewriteTexts } from './texts.js';
import type { Rule } from './types.js';

/** A label that announces a list of values (or the pattern values follow), at the very end of a text, with nothing after it. */
const EMPTY_LIST = /\s*\b(?:(?:available|possible|allowed|accepted|valid) (?:values|options)|value pattern)\s*:\s*$/i;

export const withoutEmptyValueList = (text: string): string => (EMPTY_LIST.test(text) ? text.replace(EMPTY_LIST, '') : text);

/**
 * Docs tables whose value list was lost in the capture end in `Available values:` (or `Value pattern:`)
 * and nothing: the label promises values no one will find, so it goes and the rest of the text stays.
 */
export const dropEmptyValueLists: Rule = {
  name: 'drop-empty-value-lists',
  apply(spec, { log }) {
    rewriteTexts(spec, withoutEmptyValueList, (where, key) => log.add('empty-value-list-dropped', where, key));
    return spec;
  },
};
