import type { Bump } from './change-report.js';
import type { SpecChange } from './diff-specs.js';
import type { VendorUpdate } from './vendor-source.js';

/** `.changeset/<provider>-vendor-update-<short sha>.md`, named by the new file's sha256. */
export const changesetName = (update: VendorUpdate) => `${update.provider}-vendor-update-${update.newSha256.slice(0, 8)}.md`;

/** A package the update changes, with the bump its spec's changes ask for. */
export interface PackageBump {
  provider: string;
  bump: Bump;
}

/**
 * A changeset for the provider's package (and each union's that unites it, first the provider): the
 * bumps, the source's old and new sha256, every change of the provider's spec.
 */
export function changesetText(update: VendorUpdate, bumps: PackageBump[], changes: SpecChange[]): string {
  const listed = changes.length ? changes.map((c) => `- ${c.breaking ? 'breaking' : 'non-breaking'}: \`${c.operation}\` ${c.subject} ${c.what} (\`${c.pointer}\`)`).join('\n') : '- no operation, parameter or field changed: the spec differs only in text (descriptions, examples, names)';
  return [
    '---',
    ...bumps.map(({ provider, bump }) => `'@hostbill-api/${provider}': ${bump}`),
    '---',
    '',
    `Vendor update of \`specs/${update.provider}/${update.source}\` (sha256 ${update.oldSha256} -> ${update.newSha256}):`,
    '',
    listed,
    ...(bumps.length > 1 ? ['', `${bumps.slice(1).map((b) => `\`@hostbill-api/${b.provider}\``).join(', ')} unites it and follows.`] : []),
    '',
  ].join('\n');
}
