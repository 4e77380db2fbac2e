import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBlocks, groupModules } from '../src/extract.js';
import { typecheckExamples } from '../src/typecheck.js';

const ROOT = join(import.meta.dirname, '..');

describe('extracting examples', () => {
  it('takes ts and typescript fences with the line of their first code line, nothing else', () => {
    const blocks = extractBlocks('F.md', ['# t', '```sh', 'npm i', '```', '```ts', 'let a = 1;', '```', '', '```typescript cjs', 'let b = 2;', '```'].join('\n'));
    expect(blocks.map((b) => [b.line, b.code, [...b.flags]])).toEqual([
      [6, 'let a = 1;', []],
      [10, 'let b = 2;', ['cjs']],
    ]);
  });

  it('does not take inline code such as ```` ```ts ```` at the start of a line for a fence', () => {
    expect(extractBlocks('F.md', '  ```` ```ts cjs ```` text\n```ts\nlet a = 1;\n```').map((b) => b.line)).toEqual([3]);
  });

  it('refuses an unknown flag, naming file and line', () => {
    expect(() => extractBlocks('F.md', 'x\n```ts esm\nlet a = 1;\n```')).toThrow('F.md:2: unknown code block flag(s) esm');
  });

  it('joins a continued block to the one before it', () => {
    const modules = groupModules(extractBlocks('F.md', '```ts\nlet a = 1;\n```\n```ts continued\na++;\n```\n```ts\nlet c = 3;\n```'));
    expect(modules.map((m) => m.parts.length)).toEqual([2, 1]);
  });
});

describe('type-checking examples against the built packages', () => {
  const good = "import { createHostensClient, basicAuth } from '@hostbill-api/hostens';\nconst client = createHostensClient({ auth: basicAuth({ username: 'u', password: 'p' }) });";
  const fence = (flags: string, ...lines: string[]) => [`\`\`\`ts${flags}`, ...lines, '```'].join('\n');
  // one program for every fixture (as for the READMEs): each fixture is its own "file"
  const FIXTURES = {
    'esm-await.md': fence('', good, "const { data } = await client.GET('/balance');", 'console.log(data);'),
    'type-error.md': ['# x', '', fence('', good, "await client.GET('/no/such/path');")].join('\n'),
    'continued.md': [
      fence('', good, "const { data } = await client.GET('/balance');"),
      '',
      'text',
      '',
      fence(' continued', "import { waitForTask } from '@hostbill-api/hostens';", "const { data } = await client.GET('/balance');", "const n: number = 'not a number';", 'void waitForTask;'),
    ].join('\n'),
    'cjs-ok.md': fence(' cjs', good, "client.GET('/balance').then(({ data }) => console.log(data));"),
    'cjs-await.md': fence(' cjs', good, "await client.GET('/balance');"),
  };
  const results = typecheckExamples(
    Object.entries(FIXTURES).flatMap(([file, markdown]) => groupModules(extractBlocks(file, markdown))),
    ROOT,
  );
  const errorsOf = (file: keyof typeof FIXTURES) => results.find((r) => r.module.file === file)!.errors;

  it('passes a correct ESM example with top-level await', () => {
    expect(errorsOf('esm-await.md')).toEqual([]);
  });

  it('fails a type error with file:line:col of the Markdown', () => {
    expect(errorsOf('type-error.md')).toHaveLength(1);
    expect(errorsOf('type-error.md')[0]).toMatch(/^type-error\.md:6:\d+: TS\d+: /);
  });

  it('maps errors in a continued block to its own lines, and lets it reuse names and add imports', () => {
    expect(errorsOf('continued.md')).toHaveLength(1);
    expect(errorsOf('continued.md')[0]).toMatch(/^continued\.md:12:7: TS2322: /);
  });

  it('checks a cjs block as CommonJS: the .d.cts types resolve, and top-level await is an error', () => {
    expect(errorsOf('cjs-ok.md')).toEqual([]);
    expect(errorsOf('cjs-await.md').join('\n')).toMatch(/^cjs-await\.md:4:1: TS1309: The current file is a CommonJS module/);
  });
});
