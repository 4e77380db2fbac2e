import type { Finding, SampleTally, SpecAudit } from './audit-spec.js';

const percent = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`);
const tally = (t: SampleTally) => `${t.valid} ok (${t.repaired.length} repaired, ${t.recovered.length} recovered), ${t.failing.length} failing, ${t.unreadable.length} unrepairable, ${t.unmatched.length} unmatched`;

/** The numbers a reader compares from run to run, a row per measure and a column per provider. */
export function summaryTable(audits: SpecAudit[]): string {
  const rows: Array<[string, (a: SpecAudit) => string]> = [
    ['operations', (a) => String(a.operations)],
    ['typed 200 responses', (a) => `${a.typedResponses} (${percent(a.typedResponses, a.operations)})`],
    ['body fields with a type', (a) => `${a.typedBodyFields}/${a.bodyFields} (${percent(a.typedBodyFields, a.bodyFields)})`],
    ['required body fields (from docs)', (a) => `${a.requiredBodyFields.length} (${a.requiredBodyFields.filter((f) => f.detail.startsWith('required in the vendor docs')).length})`],
    ['enums', (a) => String(a.enums)],
    ['limits (min/max, length, items)', (a) => String(a.limits)],
    ['tags with a description', (a) => `${a.tags.described}/${a.tags.total}`],
    ['examples in the spec: valid / failing', (a) => `${a.attachedExamples.valid} / ${a.attachedExamples.failing.length}`],
    ['vendor example answers', (a) => tally(a.vendorAnswers)],
    ['vendor request samples', (a) => tally(a.vendorRequests)],
    ['prose says list, example shows one record', (a) => String(a.vendorAnswers.proseDisagrees.length)],
    ['required in the docs, optional in the spec', (a) => String(a.requiredInDocsOnly.length)],
    ['objects with id keys as fixed properties', (a) => String(a.numericKeyObjects.length)],
    ['money fields typed integer', (a) => String(a.integerMoney.length)],
    ['path parameters typed differently within a resource', (a) => String(a.pathParamTypeSplits.length)],
    ['summaries and descriptions with HTML debris', (a) => String(a.htmlDebris.length)],
    ['texts ending in an empty "Available values:"', (a) => String(a.emptyValueLists.length)],
    ['body fields lifted out of their nesting', (a) => String(a.liftedBodyFields.length)],
    ['body fields sent nested, typed as a flat list', (a) => String(a.flatNestedBodyFields.length)],
    ['arrays whose items nothing types (`items: {}`)', (a) => String(a.untypedItems.length)],
    ['operationIds off style (camelCase, verb first)', (a) => String(a.operationIdsOffStyle.length)],
    ['response keys required', (a) => `${a.responseSchemas.required}/${a.responseSchemas.keys} (${percent(a.responseSchemas.required, a.responseSchemas.keys)})`],
    ['required response keys of an entity shown by one example only', (a) => String(a.responseSchemas.requiredFromOneExample)],
    ['required response keys another example of the entity omits', (a) => String(a.responseSchemas.requiredAbsentElsewhere.length)],
    ['200 schemas repeating another under another name', (a) => String(a.responseSchemas.duplicateSchemas.reduce((n, f) => n + f.where.split(', ').length, 0))],
  ];
  const header = `| measure | ${audits.map((a) => a.provider).join(' | ')} |`;
  const rule = `| --- | ${audits.map(() => '---').join(' | ')} |`;
  return [header, rule, ...rows.map(([name, cell]) => `| ${name} | ${audits.map(cell).join(' | ')} |`)].join('\n');
}

const list = (title: string, findings: Finding[]) =>
  findings.length === 0 ? [] : [`${title} (${findings.length}):`, ...findings.map((f) => `  ${[f.operation, f.where].filter(Boolean).join(' @ ')}: ${f.detail}`)];

/** Every finding behind a number, so each can be fixed or explained one by one. */
export function details(audit: SpecAudit): string {
  return [
    `## ${audit.provider}`,
    ...list('vendor example answers that fail their schema', audit.vendorAnswers.failing),
    ...list('vendor request samples the request body rejects', audit.vendorRequests.failing),
    ...list('examples in the spec that fail their schema', audit.attachedExamples.failing),
    ...list('vendor samples read through a named repair', [...audit.vendorAnswers.repaired, ...audit.vendorRequests.repaired]),
    ...list('vendor samples whose lost nesting was rebuilt', [...audit.vendorAnswers.recovered, ...audit.vendorRequests.recovered]),
    ...list('vendor samples no rule reads without guessing', [...audit.vendorAnswers.unreadable, ...audit.vendorRequests.unreadable]),
    ...list('prose and example disagree', audit.vendorAnswers.proseDisagrees),
    ...list('vendor samples with no operation or schema to check against', [...audit.vendorAnswers.unmatched, ...audit.vendorRequests.unmatched]),
    ...list('required in the docs, optional in the spec', audit.requiredInDocsOnly),
    ...list('required body fields, and where each came from', audit.requiredBodyFields),
    ...list('objects whose keys are ids, typed as fixed properties', audit.numericKeyObjects),
    ...list('money fields typed integer', audit.integerMoney),
    ...list('path parameters typed differently within a resource', audit.pathParamTypeSplits),
    ...list('summaries and descriptions with HTML debris', audit.htmlDebris),
    ...list('texts ending in an empty "Available values:"', audit.emptyValueLists),
    ...list('body fields lifted out of their nesting', audit.liftedBodyFields),
    ...list('body fields sent nested, typed as a flat list', audit.flatNestedBodyFields),
    ...list('operationIds off style', audit.operationIdsOffStyle),
    ...list('required response keys another vendor example of the same entity omits', audit.responseSchemas.requiredAbsentElsewhere),
    ...list('200 schemas with the same content under different names', audit.responseSchemas.duplicateSchemas),
    ...list('operations without a typed 200 answer', audit.untyped),
    ...list('arrays whose items nothing types', audit.untypedItems),
  ].join('\n');
}

/** The audit fails when a vendor's own example does not validate against the schema built for it. */
export const failures = (audit: SpecAudit) => audit.vendorAnswers.failing.length + audit.vendorRequests.failing.length + audit.attachedExamples.failing.length;
