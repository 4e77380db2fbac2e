import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { packagesBeside } from '../generate.js';
import { PipelineError } from '../errors.js';
import { toJsonText } from '../steps/canonical.js';
import { diffSpecs, type SpecChange } from './diff-specs.js';
import { buildWith, vendorUpdate, type VendorUpdate } from './vendor-source.js';

export interface Comparison {
  built: Awaited<ReturnType<typeof buildWith>>;
  changes: SpecChange[];
  /** the built spec differs from the committed one, byte for byte */
  specChanged: boolean;
}

/** A vendor file the user named (relative to where they ran the command), as an update of the provider's source of its kind. */
export function readVendorFile(specsDir: string, provider: string, cwd: string, path: string): VendorUpdate {
  const absolute = resolve(cwd, path);
  if (!existsSync(absolute)) throw new PipelineError(path, '', 'no such file');
  return vendorUpdate(specsDir, provider, path, readFileSync(absolute));
}

/** The committed `specs/<provider>/openapi.json` against what the sources build, with `file` in place of its kind's source. */
export async function compareWithCommitted(specsDir: string, provider: string, update: VendorUpdate | undefined, { packages = false } = {}): Promise<Comparison> {
  committedText(specsDir, provider); // before building: a missing spec is the first thing to say
  const built = await buildWith(specsDir, update, { packages });
  return { built, ...changesIn(specsDir, provider, built) };
}

/** What changed in one provider's spec (a union of the updated one, say) between its committed text and a build. */
export function changesIn(specsDir: string, provider: string, built: Comparison['built']): Pick<Comparison, 'changes' | 'specChanged'> {
  const before = committedText(specsDir, provider);
  const spec = built.results.find((r) => r.name === provider)!.spec;
  return { changes: diffSpecs(JSON.parse(before), spec as never), specChanged: toJsonText(spec) !== before };
}

function committedText(specsDir: string, provider: string): string {
  const file = join(specsDir, provider, 'openapi.json');
  if (!existsSync(file)) throw new PipelineError(`${provider}/openapi.json`, '', 'no committed spec to compare with: run `pnpm generate` first');
  return readFileSync(file, 'utf8');
}

/** The provider and every union of it, and their outputs in a build: specs, reports and packages. */
export function affectedOutputs(specsDir: string, provider: string, built: Comparison['built']): { affected: string[]; outputs: Comparison['built']['files'] } {
  const affected = [provider, ...built.inputs.filter((i) => i.unites.includes(provider)).map((i) => i.config.name)];
  const within = (dir: string, file: string) => file.startsWith(`${dir}${sep}`);
  const outputs = built.files.filter((f) => affected.some((p) => within(join(specsDir, p), f.file) || within(join(packagesBeside(specsDir), p), f.file)));
  return { affected, outputs };
}
