/**
 * The reader the add-in used before its own streaming one: exceljs's in-memory load. Kept only as
 * an independent reference, so a test can hold the two to the same result on real files.
 */
import ExcelJS from 'exceljs';
import { Cell, CellValue, Merge, parseRange, SheetModel, WorkbookModel } from '../../src/workbook/model';

function convert(cell: ExcelJS.Cell): Cell | undefined {
  const raw = cell.value as unknown;
  let v: CellValue = null;
  let f: string | undefined;
  if (raw === null || raw === undefined) v = null;
  else if (typeof raw === 'number' || typeof raw === 'string' || typeof raw === 'boolean') v = raw;
  else if (raw instanceof Date) v = raw.toISOString().slice(0, 10);
  else if (typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      const formula = cell.formula || (typeof o.formula === 'string' ? o.formula : undefined);
      f = formula ? `=${formula}` : undefined;
      const result = (cell as unknown as { result?: unknown }).result ?? o.result;
      if (result === undefined || result === null) v = null;
      else if (typeof result === 'object' && 'error' in (result as object))
        v = { error: String((result as { error: unknown }).error) };
      else if (result instanceof Date) v = result.toISOString().slice(0, 10);
      else v = result as CellValue;
    } else if ('richText' in o && Array.isArray(o.richText)) {
      v = (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    } else if ('error' in o) v = { error: String(o.error) };
    else if ('text' in o) v = String(o.text);
  }
  const z = cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
  if (v === null && !f) return undefined;
  const out: Cell = { v };
  if (f) out.f = f;
  if (z) out.z = z;
  return out;
}

export async function readWithExcelJs(data: Uint8Array): Promise<WorkbookModel> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const sheets: SheetModel[] = [];
  wb.eachSheet((ws) => {
    const rows: (Cell | undefined)[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const out: (Cell | undefined)[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.isMerged && cell.master !== cell) return;
        const c = convert(cell);
        if (c) out[colNumber - 1] = c;
      });
      if (out.length) rows[rowNumber - 1] = out;
    });
    const merges: Merge[] = ((ws.model as { merges?: string[] }).merges ?? []).map((m) => parseRange(m));
    for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
    sheets.push({ name: ws.name, hidden: ws.state !== 'visible', rows, merges });
  });
  return { sheets };
}
