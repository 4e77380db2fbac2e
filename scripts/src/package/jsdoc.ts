/**
 * Vendor text as a JSDoc block. `*​/` would end the comment early, and the vendors' prose carries
 * HTML line breaks and Windows line ends; both are normalised, nothing else is rewritten.
 */
export function jsdoc(paragraphs: Array<string | undefined>, indent = ''): string {
  const lines = paragraphs
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => clean(p).split('\n'))
    .flatMap((block, i) => (i === 0 ? block : ['', ...block]));
  if (lines.length === 0) return '';
  return `${indent}/**\n${lines.map((l) => `${indent} *${l === '' ? '' : ` ${l}`}`).join('\n')}\n${indent} */\n`;
}

/** One line of text for a table cell or a parameter line. */
export function oneLine(text: string | undefined): string {
  return clean(text ?? '').replace(/\s*\n\s*/g, ' ').trim();
}

function clean(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/\*\//g, '*\\/')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
