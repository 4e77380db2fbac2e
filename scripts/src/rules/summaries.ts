import { forEachOperation, operationKey } from '../model.js';
import type { Rule } from './types.js';

const MAX_SUMMARY = 80;

/**
 * An export may leave an operation without a summary; it is the one line an editor and the reference
 * site show (Redocly's recommended rules require it). The vendor's own words come first: the first
 * sentence of its description when that is short and one line, else the operationId read as words
 * (`listServices` -> "List services"), which assign-operation-ids has already made verb first.
 */
export const summarizeOperations: Rule = {
  name: 'summarize-operations',
  apply(spec, { log }) {
    forEachOperation(spec, (operation, method, path) => {
      if (typeof operation.summary === 'string' && operation.summary.trim() !== '') return;
      const summary = firstSentence(operation.description) ?? (operation.operationId ? words(operation.operationId) : `${method.toUpperCase()} ${path}`);
      operation.summary = summary;
      log.add('operation-summary-derived', operationKey(method, path), summary);
    });
    return spec;
  },
};

function firstSentence(text: string | undefined): string | undefined {
  const line = text?.trim().split('\n')[0]?.trim();
  const sentence = line?.match(/^(.+?)(?:[.!?](?:\s|$)|$)/)?.[1]?.trim();
  return sentence && sentence.length <= MAX_SUMMARY ? sentence : undefined;
}

/** `listServices` -> "List services", `getDNSZone` -> "Get DNS zone": acronyms keep their case. */
export function words(id: string): string {
  const parts = id.match(/[A-Z]{2,}(?=[A-Z][a-z]|\d|$)|[A-Z]?[a-z]+|[A-Z]+|\d+/g) ?? [id];
  const text = parts.map((w, i) => (i > 0 && !/^[A-Z]{2,}$/.test(w) ? w.toLowerCase() : w)).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
