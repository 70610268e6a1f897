/** The workbook model → .xlsx bytes, with exceljs: values, formulas with cached results, formats, merges. */
import ExcelJS from 'exceljs';
import { isCellError, WorkbookModel } from '../workbook/model';

export interface WriteOptions {
  /** Column widths by sheet name (characters). */
  widths?: Record<string, number[]>;
  /** Fixed timestamps, so that the same model gives the same bytes (default true). */
  deterministic?: boolean;
}

export async function writeXlsx(model: WorkbookModel, options: WriteOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (options.deterministic ?? true) {
    wb.created = new Date(Date.UTC(2025, 0, 1));
    wb.modified = new Date(Date.UTC(2025, 0, 1));
  }
  wb.creator = 'budget-check';
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(sheet.name, { state: sheet.hidden ? 'hidden' : 'visible' });
    sheet.rows.forEach((row, r) => {
      if (!row) return;
      row.forEach((cell, c) => {
        if (!cell) return;
        const target = ws.getCell(r + 1, c + 1);
        if (cell.f) {
          const result = cell.v === null ? undefined : isCellError(cell.v) ? { error: cell.v.error } : cell.v;
          target.value = { formula: cell.f.replace(/^=/, ''), result } as ExcelJS.CellFormulaValue;
        } else if (isCellError(cell.v)) {
          target.value = { error: cell.v.error } as ExcelJS.CellErrorValue;
        } else {
          target.value = cell.v;
        }
        if (cell.z) target.numFmt = cell.z;
      });
    });
    for (const m of sheet.merges) {
      try {
        ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
      } catch {
        // overlapping merges cannot be written; the cells keep their values
      }
    }
    const widths = options.widths?.[sheet.name];
    if (widths) widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
