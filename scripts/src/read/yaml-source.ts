import { parse, YAMLParseError } from 'yaml';
import { PipelineError } from '../errors.js';
import { MAX_JSON_DEPTH } from './json-scan.js';
import { pointerSegment } from './confine.js';

/**
 * Parses a vendor YAML file (OpenAPI 3.x exports are often YAML) into plain JSON data. YAML 1.2 core
 * schema only: no custom tags run, merge keys are off, duplicate keys are errors, and aliases are
 * bounded, so a "billion laughs" file cannot blow up. Errors name file:line:col and, like the JSON
 * reader, never quote the text (yaml's own message carries a code frame, which is cut off).
 */
export function parseYaml(text: string, file: string): unknown {
  if (text.trim() === '') throw new PipelineError(file, '1:1', 'file is empty, expected YAML');
  let value: unknown;
  try {
    value = parse(text, { schema: 'core', merge: false, uniqueKeys: true, maxAliasCount: 100, prettyErrors: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const at = error.linePos?.[0];
      const problem = error.message.split(/ at line \d+|:\n/)[0]!.trim();
      throw new PipelineError(file, at ? `${at.line}:${at.col}` : '', `invalid YAML: ${problem} (${error.code})`);
    }
    // the parser recurses into nested collections: a pathological depth ends here, named
    if (error instanceof RangeError) throw new PipelineError(file, '', `nested deeper than ${MAX_JSON_DEPTH} levels`);
    throw new PipelineError(file, '', `invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  checkDepth(value, file);
  return value;
}

/** Same bound as the JSON reader: every later step recurses over the document. */
function checkDepth(root: unknown, file: string): void {
  const stack: Array<{ node: unknown; depth: number; pointer: string }> = [{ node: root, depth: 0, pointer: '' }];
  while (stack.length) {
    const { node, depth, pointer } = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (depth >= MAX_JSON_DEPTH) throw new PipelineError(file, pointer || '/', `nested deeper than ${MAX_JSON_DEPTH} levels`);
    for (const [key, child] of Object.entries(node)) stack.push({ node: child, depth: depth + 1, pointer: `${pointer}/${pointerSegment(key)}` });
  }
}
