import { generatedBanner } from './sources.js';

/** `src/record.ts` of a provider package: the runtime's recorder under the provider's name, so users need no second dependency. */
export function recordEntrySource(provider: string): string {
  return [
    generatedBanner(provider),
    `/** Redacted recording of answers, for \`pnpm specs:learn\`: \`createClient({ recordResponses: recordResponses({ path: 'answers.jsonl' }) })\`. Node only. */\n`,
    "export { recordResponses, redactBody, type RecordedExchange, type RecordResponsesOptions } from '@hostbill-api/runtime/record';\n",
  ].join('');
}
