/** The pipeline's programmatic surface, for other workspace packages' tests. */
export { PipelineError } from './errors.js';
export { generateAll, writeOutputs, SPECS_DIR, type GeneratedFile } from './generate.js';
