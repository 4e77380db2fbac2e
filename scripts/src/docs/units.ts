/**
 * The docs come in two layouts: PIO's, with blank lines between blocks, and the line layouts
 * (Hostens, and the stripped docs) where blank lines were lost. Downstream code reads non-blank
 * lines as *units*; `blankBefore` keeps the one piece of layout that matters (paragraph ends).
 */
export interface Unit {
  text: string;
  /** the line, trimmed */
  head: string;
  /** 1-based line number in the source file */
  line: number;
  blankBefore: boolean;
}

export function toUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let blankBefore = false;
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, index) => {
      if (raw.trim() === '') {
        blankBefore = true;
        return;
      }
      units.push({ text: raw, head: raw.trim(), line: index + 1, blankBefore });
      blankBefore = false;
    });
  return units;
}
