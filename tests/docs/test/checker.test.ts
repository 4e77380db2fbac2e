import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBlocks, groupModules } from '../src/extract.js';
import { typecheckExamples } from '../src/typecheck.js';

const ROOT = join(import.meta.dirname, '..');
const check = (markdown: string) => typecheckExamples(groupModules(extractBlocks('FIXTURE.md', markdown)), ROOT);

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

  it('passes a correct ESM example with top-level await', () => {
    expect(check(`\`\`\`ts\n${good}\nconst { data } = await client.GET('/balance');\nconsole.log(data);\n\`\`\``)[0]!.errors).toEqual([]);
  });

  it('fails a type error with file:line:col of the Markdown', () => {
    const [result] = check(`# x\n\n\`\`\`ts\n${good}\nawait client.GET('/no/such/path');\n\`\`\``);
    expect(result!.errors).toHaveLength(1);
    expect(result!.errors[0]).toMatch(/^FIXTURE\.md:6:\d+: TS\d+: /);
  });

  it('maps errors in a continued block to its own lines, and lets it reuse names and add imports', () => {
    const markdown = `\`\`\`ts\n${good}\nconst { data } = await client.GET('/balance');\n\`\`\`\n\ntext\n\n\`\`\`ts continued\nimport { waitForTask } from '@hostbill-api/hostens';\nconst { data } = await client.GET('/balance');\nconst n: number = 'not a number';\nvoid waitForTask;\n\`\`\``;
    const [result] = check(markdown);
    expect(result!.errors).toHaveLength(1);
    expect(result!.errors[0]).toMatch(/^FIXTURE\.md:12:7: TS2322: /);
  });

  it('checks a cjs block as CommonJS: the .d.cts types resolve, and top-level await is an error', () => {
    const cjs = (body: string) => check(`\`\`\`ts cjs\n${good}\n${body}\n\`\`\``)[0]!;
    expect(cjs("client.GET('/balance').then(({ data }) => console.log(data));").errors).toEqual([]);
    expect(cjs("await client.GET('/balance');").errors.join('\n')).toMatch(/^FIXTURE\.md:4:1: TS1309: The current file is a CommonJS module/);
  });
});
