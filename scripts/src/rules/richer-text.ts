import { withoutEmptyValueList } from './empty-value-lists.js';
import { withoutHtmlDebris } from './html-debris.js';

/** A text's words, as the later rules leave it (no markup, no empty value list), case folded: what a reader learns from it. */
const words = (text: string): string[] => withoutEmptyValueList(withoutHtmlDebris(text)).toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];

/** Every word of `part`, in its order, within `whole`: `whole` says what `part` says, and maybe more. */
function extends_(whole: string[], part: string[]): boolean {
  let at = 0;
  for (const word of whole) if (word === part[at]) at++;
  return at === part.length;
}

/**
 * Of two texts describing the same thing, the one a reader learns more from: the candidate wins
 * when it says all the current one says, in order, and more (`Server ID` -> `Server ID, see GET
 * /server`), or has twice its distinct words. Texts that differ in what they say, not how much
 * (`/templates` against `/rebuild`), keep the current one, so a run never swaps facts and never
 * keeps both.
 */
export function richerText(current: string | undefined, candidate: string | undefined, options: { doubling?: boolean } = {}): string | undefined {
  if (!candidate?.trim()) return current;
  if (!current?.trim()) return candidate;
  const [have, offered] = [words(current), words(candidate)];
  if (offered.length > have.length && extends_(offered, have)) return candidate;
  const [a, b] = [new Set(have).size, new Set(offered).size];
  return options.doubling !== false && b >= 2 * a && b - a >= 3 ? candidate : current;
}
