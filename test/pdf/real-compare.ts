/**
 * Acceptance helpers for issue 14: a PDF's rebuilt tables against the independent transcription of
 * test/fixtures/real (cell by cell), and the validation findings of both.
 *
 * Cells: every transcribed row is looked up in the PDF's sheet of the same title by its label (and
 * code, when it has one); its amounts are the cells right of the label, in order (the printed
 * layout: codes, label, amounts). A row without a label (the 三公 table) is the sheet's last row
 * printing numbers, amounts from its first column.
 */
import type { RealPackage, RealTable } from '../fixtures/real/model';
import type { SheetModel, WorkbookModel } from '../../src/workbook/model';
import type { Finding } from '../../src/engine/types';

export interface CellMiss {
  table: string;
  page: number;
  row: string;
  column: string;
  printed: string;
  pdf: string;
}

export interface TableComparison {
  pkg: string;
  tables: number;
  found: number;
  missingTables: string[];
  cells: number;
  equal: number;
  misses: CellMiss[];
}

export const norm = (s: string) =>
  s.normalize('NFKC').replace(/\s+/g, '').replace(/[“”"]/g, '"').replace(/[（(]/g, '(').replace(/[）)]/g, ')');

function text(sheet: SheetModel, r: number, c: number): string {
  const v = sheet.rows[r]?.[c]?.v;
  return v === null || v === undefined ? '' : String(v);
}

/** The PDF sheet for a transcribed table: same title (year and 部门/单位 wording aside). */
export function sheetFor(
  workbook: WorkbookModel,
  t: RealTable,
  titleOf: (s: SheetModel) => string,
): SheetModel | undefined {
  const want = norm(t.title);
  return (
    workbook.sheets.find((s) => norm(titleOf(s)) === want) ??
    workbook.sheets.find((s) => norm(titleOf(s)).endsWith(want) || want.endsWith(norm(titleOf(s))))
  );
}

function printedEqual(printed: string | null, v: unknown): boolean {
  // No amount printed: an empty cell, or header words printed in the row (no amount either).
  if (printed === null)
    return v === null || v === undefined || v === '' || (typeof v === 'string' && /[\u4e00-\u9fff]/.test(v));
  const t = printed.replace(/,/g, '').trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return typeof v === 'number' && Math.abs(v - Number(t)) < 1e-9;
  return typeof v === 'string' && norm(v) === norm(printed);
}

export function compareTables(
  pkg: RealPackage,
  workbook: WorkbookModel,
  titleOf: (s: SheetModel) => string,
): TableComparison {
  const out: TableComparison = {
    pkg: pkg.id,
    tables: pkg.tables.length,
    found: 0,
    missingTables: [],
    cells: 0,
    equal: 0,
    misses: [],
  };
  for (const t of pkg.tables) {
    const sheet = sheetFor(workbook, t, titleOf);
    const all = t.panels.flatMap((p) => p.rows.flatMap((r) => r.amounts));
    if (!sheet) {
      out.missingTables.push(t.title);
      out.cells += all.length;
      continue;
    }
    out.found++;
    t.panels.forEach((p) => {
      const usedRows = new Set<number>();
      let lastCol: number | undefined;
      for (const row of p.rows) {
        const code =
          row.code === undefined ? '' : Array.isArray(row.code) ? row.code.join('') : row.code.replace(/\s+/g, '');
        let at: { r: number; c: number } | undefined;
        if (row.label === '') {
          for (let r = sheet.rows.length - 1; r >= 0 && !at; r--)
            if ((sheet.rows[r] ?? []).some((c) => typeof c?.v === 'number')) at = { r, c: -1 };
          // a row printing nothing: no row in the sheet either (every cell compares as empty)
          if (!at && row.amounts.every((a) => a === null)) at = { r: sheet.rows.length, c: -1 };
        } else {
          const candidates: { r: number; c: number }[] = [];
          sheet.rows.forEach((cells, r) => {
            (cells ?? []).forEach((cell, c) => {
              if (typeof cell?.v !== 'string' || norm(cell.v) !== norm(row.label)) return;
              const before = (cells ?? [])
                .slice(0, c)
                .map((x) => (x ? String(x.v ?? '') : ''))
                .join('');
              if (code && !norm(before).endsWith(code) && !norm(before).includes(code)) return;
              // a label merged across the code columns: the amounts start after the merge
              const m = sheet.merges.find((x) => x.r0 === r && x.c0 === c);
              candidates.push({ r, c: m ? m.c1 : c });
            });
          });
          at =
            candidates.find((x) => !usedRows.has(x.r) && (lastCol === undefined || x.c === lastCol)) ??
            candidates.find((x) => !usedRows.has(x.r)) ??
            candidates[0];
        }
        row.amounts.forEach((a, j) => {
          out.cells++;
          const v = at ? sheet.rows[at.r]?.[at.c + 1 + j]?.v : undefined;
          if (at && printedEqual(a, v)) out.equal++;
          else
            out.misses.push({
              table: t.id,
              page: row.page,
              row: `${code ? `${code} ` : ''}${row.label}`,
              column: [...(p.columns[j].group ?? []), p.columns[j].label].join('/'),
              printed: a ?? '',
              pdf: at ? text(sheet, at.r, at.c + 1 + j) : '(row not found)',
            });
        });
        if (at) {
          usedRows.add(at.r);
          if (at.c >= 0) lastCol = at.c;
        }
      }
    });
  }
  return out;
}

/**
 * A finding as compared between the PDF and the transcribed workbook: rule, severity and the
 * message with the sheet's name replaced by its table's title (the two name their sheets apart),
 * without the cell address.
 */
export function findingKey(f: Finding, titleOfSheet: (name: string) => string): string {
  let msg = f.message;
  if (f.sheet) msg = msg.split(f.sheet).join(titleOfSheet(f.sheet));
  return `${f.rule}|${f.severity}|${titleOfSheet(f.sheet)}|${msg}`;
}
