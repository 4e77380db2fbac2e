import type { Bump } from './change-report.js';
import type { SpecChange } from './diff-specs.js';
import type { VendorUpdate } from './vendor-source.js';

/** `.changeset/<provider>-vendor-update-<short sha>.md`, named by the new file's sha256. */
export const changesetName = (update: VendorUpdate) => `${update.provider}-vendor-update-${update.newSha256.slice(0, 8)}.md`;

/** A changeset for the provider's package: the bump, the source's old and new sha256, every change. */
export function changesetText(update: VendorUpdate, bump: Bump, changes: SpecChange[]): string {
  const listed = changes.length ? changes.map((c) => `- ${c.breaking ? 'breaking' : 'non-breaking'}: \`${c.operation}\` ${c.subject} ${c.what} (\`${c.pointer}\`)`).join('\n') : '- no operation, parameter or field changed: the spec differs only in text (descriptions, examples, names)';
  return [
    '---',
    `'@hostbill-api/${update.provider}': ${bump}`,
    '---',
    '',
    `Vendor update of \`specs/${update.provider}/${update.source}\` (sha256 ${update.oldSha256} -> ${update.newSha256}):`,
    '',
    listed,
    '',
  ].join('\n');
}
