/**
 * The lines of a fund table's part (a panel of the one-fund 收支表, a part of the execution table)
 * as main lines with their `其中` lines. A line is a 其中 line when it starts with 其中, or when it
 * follows one and is indented deeper than the last main line (`          门诊费用支出`). A numbered
 * line (`二、`, `2.`) always is a main line. When no line of the part is indented, the lines after a
 * 其中 line stay in its run up to the next numbered line (the printed forms number their items).
 */
import { RecognizedTable, TableRow } from '../../recognize/types';
import { normalizeLabel } from '../../templates/types';

const NUMBERED = /^\(?[一二三四五六七八九十]+(?:[、.]|\))|^\(?\d{1,2}(?:[.、]|\))(?!\d)/;

/** Leading spaces of the label as written (a full-width space counts 2). */
export function indentOf(t: RecognizedTable, row: TableRow): number {
  const v = row.nameCol === undefined ? undefined : t.sheet.rows[row.r]?.[row.nameCol]?.v;
  if (typeof v !== 'string') return row.indent ?? 0;
  let n = 0;
  for (const ch of v) {
    if (ch === ' ' || ch === '\u00a0') n++;
    else if (ch === '\u3000') n += 2;
    else break;
  }
  return n;
}

export interface FundLine {
  row: TableRow;
  subs: TableRow[];
}

export function fundLines(t: RecognizedTable, rows: readonly TableRow[]): FundLine[] {
  const indents = rows.map((r) => indentOf(t, r));
  const indented = indents.some((n) => n > 0);
  const out: FundLine[] = [];
  let inRun = false;
  rows.forEach((row, i) => {
    const label = normalizeLabel(row.name);
    const last = out[out.length - 1];
    if (/^其中/.test(label) && last) {
      last.subs.push(row);
      inRun = true;
      return;
    }
    const deeper = last ? indents[i] > indents[rows.indexOf(last.row)] : false;
    if (inRun && last && !NUMBERED.test(label) && (indented ? deeper : true)) {
      last.subs.push(row);
      return;
    }
    inRun = false;
    out.push({ row, subs: [] });
  });
  return out;
}
