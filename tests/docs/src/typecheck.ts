import { join } from 'node:path';
import { USER_COMPILER_OPTIONS } from '@hostbill-api/test-support/user-compiler-options';
import ts from 'typescript';
import type { ExampleModule } from './extract.js';

/** Every block as a module, .mts (ESM) or, for `cjs` blocks, .cts (CommonJS), compiled as a user's project would. */
const OPTIONS = USER_COMPILER_OPTIONS;

export interface ExampleResult {
  module: ExampleModule;
  /** `file:line:col: TS1234: message`, positions in the Markdown file */
  errors: string[];
}

/** A module's text, and for each of its lines the Markdown line it came from. */
interface ModuleText {
  text: string;
  origin: number[];
}

/**
 * The first block as written; each `continued` block after it inside `{ ... }`, so its names may repeat
 * the earlier blocks' (`const { data }` twice) while it still sees theirs. Its imports stay at top level
 * (they must), just before its block.
 */
export function moduleText(module: ExampleModule): ModuleText {
  const lines: string[] = [];
  const origin: number[] = [];
  const add = (line: string, from: number) => (lines.push(line), origin.push(from));
  for (const [index, part] of module.parts.entries()) {
    const code = part.code.split('\n');
    if (index === 0) {
      code.forEach((line, i) => add(line, part.line + i));
      continue;
    }
    const source = ts.createSourceFile('part.ts', part.code, ts.ScriptTarget.ES2022);
    const importLines = new Set<number>();
    for (const statement of source.statements.filter(ts.isImportDeclaration)) {
      const first = source.getLineAndCharacterOfPosition(statement.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(statement.getEnd()).line;
      for (let i = first; i <= last; i++) importLines.add(i);
    }
    code.forEach((line, i) => importLines.has(i) && add(line, part.line + i));
    add('{', part.line - 1);
    code.forEach((line, i) => importLines.has(i) || add(line, part.line + i));
    add('}', part.line + code.length);
  }
  return { text: lines.join('\n'), origin };
}

/** Type-checks every module in one program; `root` is where node_modules resolution starts. */
export function typecheckExamples(modules: ExampleModule[], root: string): ExampleResult[] {
  const virtual = new Map<string, { module: ExampleModule } & ModuleText>();
  for (const [index, module] of modules.entries()) {
    // the file name only needs to be unique and inside `root`; positions are mapped back below
    const path = join(root, '.examples', `example-${index}.${module.commonJs ? 'cts' : 'mts'}`).replaceAll('\\', '/');
    virtual.set(path, { module, ...moduleText(module) });
  }

  const host = ts.createCompilerHost(OPTIONS, true);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file);
  host.readFile = (file) => virtual.get(file)?.text ?? readFile.call(host, file);
  host.getSourceFile = (file, language, ...rest) => {
    const entry = virtual.get(file);
    return entry ? ts.createSourceFile(file, entry.text, language) : getSourceFile.call(host, file, language, ...rest);
  };
  const program = ts.createProgram([...virtual.keys()], OPTIONS, host);
  const global = program.getOptionsDiagnostics().concat(program.getGlobalDiagnostics());
  if (global.length) throw new Error(ts.formatDiagnostics(global, host));

  return [...virtual].map(([path, { module, origin }]) => {
    const source = program.getSourceFile(path)!;
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    const errors = diagnostics.map((d) => {
      const { line, character } = source.getLineAndCharacterOfPosition(d.start ?? 0);
      const where = `${module.file}:${origin[line]}:${character + 1}`;
      return `${where}: TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
    return { module, errors };
  });
}
