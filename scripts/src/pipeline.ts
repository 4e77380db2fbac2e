import type { DocsOperation } from './docs/extract-operations.js';
import { PipelineError } from './errors.js';
import { operationKey, RepairLog, type OpenApi, type PipelineContext, type Repair } from './model.js';
import { bodyFromQueryParams } from './rules/body-from-query.js';
import { idKeyedMaps } from './rules/id-keyed-maps.js';
import { nestedBodies } from './rules/nested-bodies.js';
import { addErrorResponses } from './rules/error-responses.js';
import { moneyFieldsAsNumbers } from './rules/money-fields.js';
import { removeHtmlDebris } from './rules/html-debris.js';
import { dropEmptyValueLists } from './rules/empty-value-lists.js';
import { mergeDocsOperations } from './rules/merge-docs.js';
import { assignOperationIds } from './rules/operation-ids.js';
import { templateShape } from './rules/path-shape.js';
import { unifyPathParams } from './rules/path-params.js';
import { unifyPathParamTypes } from './rules/path-param-types.js';
import { inferResponseSchemas } from './rules/response-schemas.js';
import { poolResponseEntities } from './rules/response-entities.js';
import { applySecurity } from './rules/security.js';
import { applyServers } from './rules/servers.js';
import { enumToArrayItems } from './rules/array-enum.js';
import { templateAtPathParams } from './rules/at-path-params.js';
import { moveBasePathToServers } from './rules/base-path.js';
import { normalizeIdentifiers } from './rules/identifiers.js';
import { normalizeLineEndings } from './rules/line-endings.js';
import { proseLimits } from './rules/prose-limits.js';
import { pathItemParametersToOperations } from './rules/path-item-parameters.js';
import { summarizeOperations } from './rules/summaries.js';
import { assignTags } from './rules/tags.js';
import { applyRules, type Rule } from './rules/types.js';
import { removeUnusedSchemas } from './rules/unused-definitions.js';
import { applyEvidence, EVIDENCE_FILE } from './steps/apply-evidence.js';
import type { JsonSchema } from './steps/infer-schema.js';
import { entityRecords } from './steps/entity-records.js';
import { inlineComponentRefs } from './steps/inline-refs.js';
import { poolAcrossProviders, type PeerComponents } from './steps/pool-across-providers.js';
import { applyPatches } from './steps/apply-patches.js';
import { canonicalize } from './steps/canonical.js';
import { checkOperationsKept, declaredOperations } from './steps/operation-guard.js';
import { convertSwagger, openApiSource, upgradeTo31 } from './steps/convert.js';
import type { ProviderInput } from './steps/read-provider.js';
import { unionOfSpecs } from './steps/union.js';
import { validateSpec } from './steps/validate.js';

/** The repair rules, in the order they run. Adding a rule is one line here and one file in rules/. */
export const RULES: Rule[] = [
  // normalisation first: an API document's paths, names and prose as the docs' are, before any rule matches by shape
  normalizeLineEndings,
  templateAtPathParams,
  pathItemParametersToOperations,
  applyServers,
  moveBasePathToServers,
  normalizeIdentifiers,
  enumToArrayItems,
  bodyFromQueryParams,
  removeUnusedSchemas,
  mergeDocsOperations,
  unifyPathParams,
  unifyPathParamTypes,
  applySecurity,
  assignOperationIds,
  summarizeOperations,
  assignTags,
  inferResponseSchemas,
  idKeyedMaps,
  nestedBodies,
  moneyFieldsAsNumbers,
  poolResponseEntities,
  addErrorResponses,
  removeHtmlDebris,
  dropEmptyValueLists,
  // last: the texts it reads are clean, and the examples it must not contradict are all attached
  proseLimits,
];

export type Catalogue = PipelineContext['catalogue'];
type FileDocs = DocsOperation & { file: string };

/** Every docs operation of every provider, by `METHOD /shape`, for what one provider documents and another does not. */
export function buildCatalogue(inputs: ProviderInput[]): Catalogue {
  const catalogue: Catalogue = new Map();
  for (const input of inputs) {
    for (const { file, operations } of input.docs) {
      for (const op of operations) {
        const key = operationKey(op.method, templateShape(op.path));
        catalogue.set(key, [...(catalogue.get(key) ?? []), { ...op, file }]);
      }
    }
  }
  return catalogue;
}

export interface ProviderResult {
  name: string;
  spec: OpenApi;
  repairs: Repair[];
}

/** A provider's spec after its own material (rules, patches, traffic evidence), before other providers' records and validation. */
export interface ProviderDraft {
  input: ProviderInput;
  spec: OpenApi;
  log: RepairLog;
  /** operations a patch removed, which the guard must not miss */
  removed: ReadonlySet<string>;
  /** the entity components pooling inferred from examples (none the vendor's file declares: that is its word) */
  entities: Set<string>;
  /** each entity as the provider's records show it, whatever its component declares: what other providers pool by */
  records: Record<string, JsonSchema>;
}

/** read -> convert -> repair -> patch, for one provider. */
export async function draftProvider(input: ProviderInput, catalogue: Catalogue, finished: Map<string, ProviderResult>): Promise<ProviderDraft> {
  const { config } = input;
  const log = new RepairLog();
  const docs = new Map<string, FileDocs>();
  for (const { file, operations } of input.docs) {
    for (const op of operations) {
      const key = operationKey(op.method, templateShape(op.path));
      if (docs.has(key)) log.add('duplicate-docs-operation-ignored', key, `${file}:${op.line}`);
      else docs.set(key, { ...op, file });
    }
  }
  const base = await baseSpec(input, finished, log);
  // what traffic showed is a record like any example
  const answers = new Map<string, unknown[]>();
  for (const { operation, body } of input.evidence ?? []) answers.set(operation, [...(answers.get(operation) ?? []), body]);
  const repaired = applyRules(base, RULES, { provider: config, docs, catalogue, log, answers });
  const patched = applyPatches(repaired, input.patches, log);
  // traffic evidence last: it only widens, so it can never undo a repair or a patch
  const spec = canonicalize(applyEvidence(patched.spec, input.evidence ?? [], `${config.name}/${EVIDENCE_FILE}`, log));
  const declared = declaredSchemas(input.api?.value);
  const entities = new Set(log.repairs.filter((r) => r.kind === 'response-entity-pooled').map((r) => r.where.replace(ENTITY_POINTER, '')).filter((name) => !declared.has(name)));
  return { input, spec, log, removed: patched.removed, entities, records: entityRecords(spec, entities, answers) };
}

/**
 * -> pool with other providers -> validate. `peers`: the same-named components of the other
 * providers' drafts (steps/pool-across-providers.ts); like traffic evidence they only widen.
 */
export async function finishProvider(draft: ProviderDraft, finished: Map<string, ProviderResult>, peers: readonly PeerComponents[] = []): Promise<ProviderResult> {
  const { input, log } = draft;
  const { config } = input;
  for (const [name, changes] of poolAcrossProviders(draft.spec, peers, draft.entities)) {
    const said = [changes.optional.length ? `optional, absent from another provider's records: ${changes.optional.join(', ')}` : '', changes.widened.length ? `types widened by another provider's values: ${changes.widened.join(', ')}` : ''];
    log.add('entity-pooled-across-providers', `#/components/schemas/${name}`, said.filter(Boolean).join('; '));
  }
  const spec = canonicalize(draft.spec);
  const file = `${config.name}/openapi.json`;
  const united = input.unites.flatMap((name) => finished.get(name)?.spec ?? []);
  checkOperationsKept(file, spec, declaredOperations(input.api?.value, input.docs, united), draft.removed);
  await validateSpec(spec, file);
  return { name: config.name, spec, repairs: log.repairs };
}

/** read -> convert -> repair -> patch -> infer -> validate, for one provider on its own; writing is the caller's. */
export async function buildProvider(input: ProviderInput, catalogue: Catalogue, finished: Map<string, ProviderResult>, peers: readonly PeerComponents[] = []): Promise<ProviderResult> {
  return finishProvider(await draftProvider(input, catalogue, finished), finished, peers);
}

/** Which providers show each other their records: every one with material of its own that a union would unite. */
export const sharesRecords = (config: ProviderInput['config']) => config.unionOf === undefined && config.excludeFromUnion !== true;

/**
 * The peers of each provider: every other record-sharing draft's records of its entities (never its
 * components: a vendor's schema without `required` is no record lacking a key).
 */
export function peersOf(drafts: readonly ProviderDraft[]): (provider: string) => PeerComponents[] {
  const all = drafts.map((d) => ({ provider: d.input.config.name, schemas: d.records }));
  return (provider) => all.filter((p) => p.provider !== provider);
}

const ENTITY_POINTER = /^#\/components\/schemas\//;

function declaredSchemas(value: unknown): Set<string> {
  const source = (value ?? {}) as { definitions?: object; components?: { schemas?: object } };
  return new Set(Object.keys(source.definitions ?? source.components?.schemas ?? {}));
}

async function baseSpec(input: ProviderInput, finished: Map<string, ProviderResult>, log: RepairLog): Promise<OpenApi> {
  const { config, api } = input;
  const info = { title: `${config.title} User API`, version: '0.0.0' };
  if (api) {
    if (api.escapedControlCharacters) log.add('control-characters-escaped', api.file, `${api.escapedControlCharacters} raw control characters inside strings`);
    const upgraded = api.kind === 'swagger2' ? upgradeTo31(await convertSwagger(api.value, api.file), log, api.file) : openApiSource(api.value, api.file, log);
    const converted = inlineComponentRefs(upgraded, api.file, log);
    return { ...converted, info: { ...info, ...converted.info } };
  }
  if (config.unionOf !== undefined) {
    const parts = input.unites.map((name) => {
      const part = finished.get(name);
      if (!part) throw new PipelineError(`${config.name}/provider.json`, '/unionOf', `unites "${name}", which is not built before it`);
      return { name, spec: part.spec };
    });
    return unionOfSpecs(parts, info, log);
  }
  return { openapi: '3.1.0', info, paths: {} };
}
