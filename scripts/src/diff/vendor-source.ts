import { createHash } from 'node:crypto';
import { PipelineError } from '../errors.js';
import { generateWorkspace, listProviders } from '../generate.js';
import { readBytes, readProvider } from '../steps/read-provider.js';
import type { ProviderConfig } from '../model.js';
import { describeSource, refuseJsonAsDocs, type SourceDescription } from '../read/source-kind.js';
import { ValidationError } from '../steps/validation-report.js';

/** A new vendor file standing in for the provider's source of its kind (the API document, or its docs capture). */
export interface VendorUpdate {
  provider: string;
  /** what the user named, for messages */
  label: string;
  /** provider-relative, as provider.json names it: `source/004_063d4a0f9d81ddef.txt` */
  source: string;
  bytes: Buffer;
  oldSha256: string;
  newSha256: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Which source the new file replaces: its kind decides, and the provider must have exactly one of that kind. */
export function vendorUpdate(specsDir: string, provider: string, label: string, bytes: Buffer): VendorUpdate {
  const known = listProviders(specsDir);
  if (!known.includes(provider)) throw new PipelineError(`specs/${provider}`, '', `no such provider (there are: ${known.join(', ')})`);
  const { config } = readProvider(specsDir, provider); // checks provider.json and every source's sha256
  const source = sourceToReplace(config, describeSource(bytes), provider, label, bytes);
  return { provider, label, source, bytes, oldSha256: sha256(readBytes(specsDir, `${provider}/${source}`)), newSha256: sha256(bytes) };
}

function sourceToReplace(config: ProviderConfig, described: SourceDescription, provider: string, label: string, bytes: Uint8Array): string {
  const apiField = config.swagger !== undefined ? 'swagger' : config.openapi !== undefined ? 'openapi' : undefined;
  const docs = config.docs ?? [];
  if (described.kind !== 'docs') {
    const wanted = described.kind === 'swagger2' ? 'swagger' : 'openapi';
    if (apiField !== wanted) {
      const has = apiField ? `names its API document under "${apiField}"` : 'names no API document';
      throw new PipelineError(label, '', `is ${described.label}, but ${provider}'s provider.json ${has}: a vendor update replaces a source of the same kind`);
    }
    return config[wanted]!;
  }
  // a document that does not parse reads as docs text; where the provider has no docs, its API document's reader says why
  if (docs.length === 0 && apiField) return config[apiField]!;
  refuseJsonAsDocs(Buffer.from(bytes).toString('utf8'), label); // a broken JSON export is no docs capture to replace
  if (docs.length !== 1) throw new PipelineError(label, '', `is a docs text capture, and ${provider} has ${docs.length} docs captures: a vendor update replaces exactly one source of its kind`);
  return docs[0]!;
}
/**
 * The workspace as it would be with the update's file in place, built in memory (nothing is read from
 * or written to its place in specs/). A failure is one line that names the new file.
 */
export async function buildWith(specsDir: string, update: VendorUpdate | undefined, { packages }: { packages: boolean }) {
  const replaced = update && `${update.provider}/${update.source}`;
  try {
    return await generateWorkspace(specsDir, { packages, ...(update && { replace: { file: replaced!, bytes: update.bytes } }) });
  } catch (error) {
    if (!(error instanceof PipelineError)) throw error;
    const invalid = error instanceof ValidationError;
    const named = update && (invalid || error.file === replaced) ? `${update.label} (as ${replaced})` : error.file;
    const problem = invalid ? `the spec it builds is not valid: ${error.problems.length} problem(s), first ${error.groups[0]!.rule}: ${error.groups[0]!.cause} at ${error.groups[0]!.pointers[0]}` : error.problem;
    throw new PipelineError(named, error.where, update ? `${problem}; nothing was changed` : problem, { cause: error });
  }
}
