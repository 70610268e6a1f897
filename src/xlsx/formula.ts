/**
 * Shared formulas: an .xlsx file stores `=E5+E6` once on the first cell of a block and lets the
 * other cells say "same as that one, moved". Excel moves every relative reference by the distance
 * between the cells; `$`-anchored parts stay. This does the same on the formula's text.
 */

import { columnLetter, parseA1 } from '../workbook/model';

const MAX_COL = 16384;
const MAX_ROW = 1048576;

// A cell reference not preceded by a name character and not followed by `(` (a function such as
// LOG10) or more name characters; string literals and quoted sheet names are matched first and kept.
const TOKEN =
  /"(?:[^"]|"")*"|'(?:[^']|'')*'|(?<![A-Za-z0-9_.$])(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})(?![A-Za-z0-9_.(])/g;

/** `formula` (without `=`) as it reads when moved by `dr` rows and `dc` columns. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  return formula.replace(TOKEN, (whole, colAbs: string, col: string, rowAbs: string, row: string) => {
    if (col === undefined) return whole; // a string literal or a quoted sheet name
    // 1-based, as in the address
    let c = parseA1(`${col}1`).c + 1;
    let r = Number(row);
    if (c > MAX_COL || r < 1 || r > MAX_ROW) return whole; // not a reference (a name like ABCD1 is filtered above)
    if (!colAbs) c += dc;
    if (!rowAbs) r += dr;
    if (c < 1 || r < 1 || c > MAX_COL || r > MAX_ROW) return '#REF!';
    return `${colAbs}${columnLetter(c - 1)}${rowAbs}${r}`;
  });
}
