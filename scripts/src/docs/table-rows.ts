/**
 * The lines of a docs table that carry no parameter, shared by the pipeline's table reader and the
 * audit's, so the two can never disagree on where a table's rows begin.
 */

/**
 * A markdown separator row: every cell is dashes, with GFM's alignment colons allowed at either end
 * (`|---|`, `| :--- |`, `|:---:|`, `---: |` in the stripped layout). A lone cell without a pipe must
 * have three dashes, so a `-` bullet is never taken for one.
 */
export function isSeparatorRow(line: string): boolean {
  const text = line.trim();
  const cells = text.replace(/^\|/, '').replace(/\|$/, '').split('|').map((cell) => cell.trim());
  return cells.every((cell) => /^:?-+:?$/.test(cell)) && (text.includes('|') || /-{3}/.test(text));
}

/** The `Parameter | Type | Description` header, with or without pipes, padded or not. */
export function isHeaderRow(line: string): boolean {
  return /^\|?\s*Parameter\s*\|?\s*Type\s*\|?\s*Description\s*\|?$/i.test(line.trim());
}
