/**
 * Every failure the pipeline reports names the file and the place in it, so a user can open the
 * vendor file (or our patch) at the right spot instead of reading a stack trace.
 */
export class PipelineError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    readonly problem: string,
    options?: ErrorOptions,
  ) {
    super(`${file}${where ? `:${where}` : ''}: ${problem}`, options);
    this.name = 'PipelineError';
  }
}

/** Converts a character offset into a 1-based `line:column` string. */
export function lineColumnAt(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${offset - lineStart + 1}`;
}
