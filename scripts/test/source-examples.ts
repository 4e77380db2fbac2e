import { providers } from '@hostbill-api/test-support';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SPECS_DIR } from '../src/generate.js';

/**
 * Which operations have an example response in the vendor sources, read by the test itself (not by
 * src/docs or src/rules), so the specs test can tell the pipeline what to expect instead of asking it.
 * An operation is `METHOD /shape`: `post /service/{}/vms`, whatever the parameters are called.
 */
export const shapeOf = (method: string, path: string) => `${method.toLowerCase()} ${path.replace(/@\w+|\{[^}]+\}/g, '{}')}`;

/** Docs: each operation's block ends at `HTTP Request` / `METHOD /path`; its example is the text after `Example Response:` in it. */
export function docsExamples(text: string): Set<string> {
  const lines = text.split('\n').map((line) => line.trim());
  const found = new Set<string>();
  let blockStart = 0;
  lines.forEach((line, i) => {
    const request = /^(GET|POST|PUT|PATCH|DELETE) (\/\S*)$/.exec(lines[i + 1] ?? '');
    if (line !== 'HTTP Request' || !request) return;
    const block = lines.slice(blockStart, i);
    const at = block.lastIndexOf('Example Response:');
    if (at !== -1 && block.slice(at + 1).some((l) => l !== '')) found.add(shapeOf(request[1]!, request[2]!));
    blockStart = i + 2;
  });
  return found;
}

/**
 * Swagger or OpenAPI (JSON or YAML): the vendors hide the example as a markdown ```json block in the 200
 * response's description; OpenAPI may also give `content.*.example(s)`. Paths that all begin with the
 * same plain segments (`/api/...`) are read without them: that prefix is the server's.
 */
export function swaggerExamples(text: string): Set<string> {
  // raw control characters inside strings are the vendors' defect; as spaces they parse
  const document = (text.trimStart().startsWith('{') ? JSON.parse(text.replace(/[\u0000-\u001f]/g, ' ')) : parseYaml(text)) as { paths: Record<string, Record<string, Operation>> };
  const prefix = sharedPrefix(Object.keys(document.paths));
  const found = new Set<string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const ok = followRef(document, operation?.responses?.['200']);
      const media = Object.values(ok?.content ?? {});
      if (ok?.description?.includes('```json') || media.some((m) => m.example !== undefined || Object.keys(m.examples ?? {}).length > 0)) found.add(shapeOf(method, path.slice(prefix.length)));
    }
  }
  return found;
}

/** A shared answer (`$ref: '#/components/responses/Ok'`) read where it is written. */
function followRef(document: unknown, value: unknown, hops = 0): Answer | undefined {
  const ref = (value as { $ref?: unknown } | undefined)?.$ref;
  if (typeof ref !== 'string') return value as Answer | undefined;
  if (hops > 32) return undefined;
  const target = ref.startsWith('#/') ? ref.slice(2).split('/').reduce<any>((node, key) => node?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], document) : undefined;
  return followRef(document, target, hops + 1);
}

type Answer = NonNullable<Operation['responses']>[string];
type Operation = { responses?: Record<string, { description?: string; content?: Record<string, { example?: unknown; examples?: Record<string, unknown> }> }> };

/** `/api` when every path starts `/api/<more>`; the test's own reading, not the pipeline's rule. */
function sharedPrefix(paths: string[]): string {
  let prefix = '';
  for (;;) {
    const next = paths[0]?.slice(prefix.length).split('/')[1];
    if (paths.length < 2 || !next || /[{@]/.test(next) || !paths.every((p) => p.startsWith(`${prefix}/${next}/`))) return prefix;
    prefix = `${prefix}/${next}`;
  }
}

interface Config {
  swagger?: string;
  openapi?: string;
  docs?: string[];
  unionOf?: '*';
}

const config = (provider: string): Config => JSON.parse(readFileSync(join(SPECS_DIR, provider, 'provider.json'), 'utf8'));
const source = (provider: string, file: string) => readFileSync(join(SPECS_DIR, provider, file), 'utf8');

/** A provider's own Swagger examples, and for a union those of every provider it unites. */
export function ownSwaggerExamples(provider: string): Set<string> {
  const { swagger, openapi } = config(provider);
  const document = swagger ?? openapi;
  const self = providers().find((p) => p.name === provider);
  const united = self?.union ? providers().filter((p) => p.inUnion).map((p) => p.name) : [];
  return new Set([...(document ? swaggerExamples(source(provider, document)) : []), ...united.flatMap((p) => [...ownSwaggerExamples(p)])]);
}

/** Every provider's docs examples: one provider's docs type another's operation of the same shape. */
export function allDocsExamples(names: readonly string[]): Set<string> {
  return new Set(names.flatMap((p) => (config(p).docs ?? []).flatMap((file) => [...docsExamples(source(p, file))])));
}
