/** The pipeline's programmatic surface, for other workspace packages' tests. */
export { PipelineError } from './errors.js';
export { generateAll, SPECS_DIR, type GeneratedFile } from './generate.js';
export { writeAll } from './steps/write-all.js';
export { describeSchemaError, specSchemaCheck, type SchemaCheck } from './steps/schema-validator.js';
export { detectSourceKind, describeSource, type SourceKind } from './read/source-kind.js';
export { staleManifests, syncProviderDeps, wantsProviderDeps, workspaceFolders, type Manifest } from './workspace-deps.js';
export { listOperations, type OperationDoc } from './package/operations.js';
export { codeSample, withCodeSamples, type CodeSample } from './package/code-samples.js';
export type { ProviderConfig } from './model.js';
export type { OpenApi } from './openapi.js';
export { clientIdentifier } from './package/names.js';
export { HTTP_METHODS } from './openapi.js';
