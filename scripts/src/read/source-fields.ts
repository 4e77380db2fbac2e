import { PipelineError } from '../errors.js';
import { describeDocument, describeSource, type SourceKind } from './source-kind.js';

/** The provider.json field each kind of vendor file belongs under. */
const FIELD: Record<SourceKind, string> = { swagger2: 'swagger', openapi3: 'openapi', docs: 'docs' };
const EXPECTED: Record<SourceKind, string> = { swagger2: 'Swagger 2.0', openapi3: 'OpenAPI 3.x', docs: 'a docs capture' };
/** OpenAPI versions the chain reads: 3.0 is upgraded, 3.1 passes through. */
const READABLE_OPENAPI = /^3\.[01]\.\d+$/;

/**
 * A vendor file must be what the field naming it says: a file under the wrong field would otherwise
 * fail far downstream with a converter's message. The error names provider.json, the field's
 * pointer, and the field to use instead.
 */
export function checkSourceField(expected: SourceKind, document: { parsed: unknown } | { text: string }, source: string, configFile: string, pointer: string): void {
  const found = 'parsed' in document ? describeDocument(document.parsed) : describeSource(document.text);
  if (found.kind !== expected) {
    const what = found.kind === 'docs' ? `not ${EXPECTED[expected]} (no ${expected === 'swagger2' ? '"swagger": "2.0"' : '"openapi": "3.x"'} at its top)` : `${found.label}, not ${EXPECTED[expected]}`;
    throw new PipelineError(configFile, pointer, `${source} is ${what}: name it under "${FIELD[found.kind]}"`);
  }
  if (found.kind === 'openapi3' && !READABLE_OPENAPI.test(found.version!)) {
    throw new PipelineError(configFile, pointer, `${source} is ${found.label}; the pipeline reads OpenAPI 3.0.x and 3.1.x`);
  }
}
