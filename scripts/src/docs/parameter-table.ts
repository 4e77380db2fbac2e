import { isHeaderRow, isSeparatorRow } from './table-rows.js';
import type { Unit } from './units.js';

export interface DocsParameter {
  /** undefined when the capture lost the name cell (Hostens' `email` rows) */
  name: string | undefined;
  type: string;
  description: string;
  line: number;
}

const TYPE = String.raw`(?:int|integer|string|number|float|double|decimal|bool|boolean|array|object|mixed|file|date|datetime)(?:\[\])?`;
/** `| name | type |`, `name | type |` (stripped layout), `| type |`/`type |` (name lost), `name type` (paragraph layout). */
const PIPE_ROW = new RegExp(String.raw`^\|?\s*(?:([A-Za-z_][\w\[\].-]*)\s*\|\s*)?(${TYPE})\s*\|\s*(.*)$`, 'i');
const PLAIN_ROW = new RegExp(String.raw`^([A-Za-z_][\w\[\].-]*) (${TYPE})$`, 'i');
const SECTION = /^(?:(?:Query|URL|Path|Body|Request|Form)\s+)?Parameters$/i;

export function isTableStart(unit: Unit | undefined): boolean {
  return unit !== undefined && (SECTION.test(unit.head) || isHeaderRow(unit.head));
}

/**
 * Reads a parameter table starting at `start`; returns the rows and the index of the first unit
 * after the table. In the paragraph layout a row's description is the next paragraph, unless that
 * paragraph is a known section heading (the row had no description and the next section begins). A cell that never closes takes only its first line, so an unterminated row can
 * never swallow the next operation's title.
 */
export function readParameterTable(
  units: Unit[],
  start: number,
  isBoundary: (u: Unit) => boolean,
  sectionHeadings: ReadonlySet<string>,
): { rows: DocsParameter[]; next: number } {
  let i = start;
  while (i < units.length && (SECTION.test(units[i]!.head) || isHeaderRow(units[i]!.head) || isSeparatorRow(units[i]!.head))) i++;
  const rows: DocsParameter[] = [];
  while (i < units.length) {
    const unit = units[i]!;
    if (unit.head === '|') {
      i++; // a stray cell border left by a row whose name was lost
      continue;
    }
    const pipe = PIPE_ROW.exec(unit.head);
    const plain = pipe ? null : PLAIN_ROW.exec(unit.head);
    if (!pipe && !plain) break;
    const row: DocsParameter = { name: (pipe ?? plain)![1], type: (pipe ?? plain)![2]!.toLowerCase(), description: '', line: unit.line };
    i++;
    if (plain) {
      // paragraph layout: the description is the paragraph right after the row
      const paragraph = readParagraph(units, i);
      if (paragraph.text && !sectionHeadings.has(paragraph.text)) {
        row.description = paragraph.text;
        i = paragraph.next;
      }
    } else {
      const inline = pipe![3]!.trim();
      const cell = readCell(units, i, inline, isBoundary);
      row.description = cell.text;
      i = cell.next;
    }
    rows.push(row);
  }
  return { rows, next: i };
}

function readParagraph(units: Unit[], start: number): { text: string; next: number } {
  const first = units[start];
  if (!first || PLAIN_ROW.test(first.head)) return { text: '', next: start };
  let i = start + 1;
  while (i < units.length && !units[i]!.blankBefore) i++;
  return { text: units.slice(start, i).map((u) => u.head).join('\n'), next: i };
}

function readCell(units: Unit[], start: number, inline: string, isBoundary: (u: Unit) => boolean): { text: string; next: number } {
  if (inline.endsWith('|')) return { text: inline.slice(0, -1).trim(), next: start };
  const parts: string[] = inline ? [inline] : [];
  let i = start;
  for (; i < units.length; i++) {
    const unit = units[i]!;
    if (PIPE_ROW.test(unit.head)) return { text: parts.join('\n'), next: i }; // the next row ends this cell
    if (isBoundary(unit)) break;
    if (unit.head.endsWith('|')) {
      parts.push(unit.head.slice(0, -1).trim());
      return { text: parts.filter(Boolean).join('\n'), next: i + 1 };
    }
    parts.push(unit.head);
  }
  // never closed before the next block: those lines are the next operation's prose, not this cell
  return { text: inline, next: start };
}
