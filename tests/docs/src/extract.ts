/**
 * TypeScript examples in Markdown: every ```ts or ```typescript fence. Words after the language in the
 * info string (GitHub and npm render only the language) say how a block is checked:
 *   ```ts cjs        a CommonJS example: checked as a .cts module (no top-level await there)
 *   ```ts continued  continues the previous TypeScript block of the file (uses its imports and variables)
 */
export interface CodeBlock {
  file: string;
  /** 1-based line of the block's first code line in `file` */
  line: number;
  code: string;
  flags: Set<string>;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*(\S*)(.*)$/;
const LANGUAGES = new Set(['ts', 'typescript']);
export const FLAGS = new Set(['cjs', 'continued']);

export function extractBlocks(file: string, markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    // CommonMark: a backtick fence's info string has no backticks (else it is inline code, as in ```` ```ts ````)
    if (!open || (open[2]!.startsWith('`') && /`/.test(open[3]! + open[4]!))) continue;
    const [, indent, fence, language, rest] = open;
    const close = lines.findIndex((l, j) => j > i && new RegExp(`^\\s*${fence![0]}{${fence!.length},}\\s*$`).test(l));
    const end = close === -1 ? lines.length : close;
    if (LANGUAGES.has(language!.toLowerCase())) {
      const flags = new Set(rest!.trim().split(/[\s,]+/).filter(Boolean));
      const unknown = [...flags].filter((f) => !FLAGS.has(f));
      if (unknown.length) throw new Error(`${file}:${i + 1}: unknown code block flag(s) ${unknown.join(', ')} (known: ${[...FLAGS].join(', ')})`);
      const code = lines
        .slice(i + 1, end)
        .map((l) => (l.startsWith(indent!) ? l.slice(indent!.length) : l))
        .join('\n');
      blocks.push({ file, line: i + 2, code, flags });
    }
    i = end;
  }
  return blocks;
}

/** One module to type-check: a block plus the blocks that continue it, with where each came from. */
export interface ExampleModule {
  file: string;
  line: number;
  commonJs: boolean;
  parts: CodeBlock[];
}

export function groupModules(blocks: CodeBlock[]): ExampleModule[] {
  const modules: ExampleModule[] = [];
  for (const block of blocks) {
    const previous = modules.at(-1);
    if (block.flags.has('continued')) {
      if (!previous || previous.file !== block.file) throw new Error(`${block.file}:${block.line - 1}: a "continued" block with no TypeScript block before it`);
      previous.parts.push(block);
    } else {
      modules.push({ file: block.file, line: block.line, commonJs: block.flags.has('cjs'), parts: [block] });
    }
  }
  return modules;
}
