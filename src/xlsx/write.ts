/**
 * The workbook model → .xlsx bytes, with exceljs: values, formulas with cached results, formats,
 * merges, and for sheets we generate their look and print setup (`SheetModel.format`: widths,
 * 宋体, borders, a centred title, A4 with repeated header rows, fitted to the page width).
 * Every text goes through `ooxmlText`, so no character XML forbids reaches a part.
 */
import ExcelJS from 'exceljs';
import { SheetFormat, textWidth } from '../workbook/format';
import { columnLetter, isCellError, SheetModel, WorkbookModel } from '../workbook/model';
import { ooxmlText, xmlChars } from './xml-text';
import { writeXlsxStream } from './stream-write';

export interface WriteOptions {
  /** Column widths by sheet name (characters), for sheets without a `format` of their own. */
  widths?: Record<string, number[]>;
  /** Fixed timestamps, so that the same model gives the same bytes (default true). */
  deterministic?: boolean;
}

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
/** The height of a line of 宋体 11, in points. */
const LINE_POINTS = 14.25;
/** GB2312: Excel then picks the Chinese face of 宋体 on any system. */
const CHARSET_GB2312 = 134;

/** exceljs' font for a sheet format's font. */
export function excelFont(
  font: { name: string; size: number },
  extra: Partial<ExcelJS.Font> = {},
): Partial<ExcelJS.Font> {
  return { name: font.name, size: font.size, charset: CHARSET_GB2312, ...extra };
}

/** Page setup shared by the generated forms and the report: A4, fitted to the width, centred. */
export function a4Setup(print: NonNullable<SheetFormat['print']>): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: print.orientation,
    ...(print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

/** Applies a sheet's format (see SheetFormat) to an exceljs worksheet. */
export function applyFormat(ws: ExcelJS.Worksheet, format: SheetFormat, height: number, width: number): void {
  const font = format.font ? excelFont(format.font) : undefined;
  const cols = Math.max(width, format.widths?.length ?? 0, format.table ? format.table.c1 + 1 : 0);
  format.widths?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  // Column styles: what the clerk types later gets 宋体 too, and codes stay text.
  for (let c = 0; c < cols; c++) if (font) ws.getColumn(c + 1).font = font;
  const text = new Set(format.textColumns?.columns ?? []);
  for (const c of text) ws.getColumn(c + 1).numFmt = '@';
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < cols; c++) {
      const cell = ws.getCell(r + 1, c + 1);
      if (font) cell.font = font;
      if (text.has(c) && r >= (format.textColumns?.fromRow ?? 0)) cell.numFmt = '@';
    }
  }
  const t = format.table;
  if (t) {
    for (let r = t.r0; r <= t.r1; r++) {
      for (let c = t.c0; c <= t.c1; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        cell.border = BORDER;
        if (!format.header || r > format.header.r1) {
          const vertical = format.wrap?.length ? 'top' : 'middle';
          cell.alignment = text.has(c) ? { horizontal: 'center', vertical } : { vertical };
        }
      }
    }
  }
  const h = format.header;
  if (h) {
    for (let r = h.r0; r <= h.r1; r++) {
      for (let c = 0; c < cols; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
        if (font) cell.font = { ...font, bold: true };
      }
    }
    ws.pageSetup.printTitlesRow = `${h.r0 + 1}:${h.r1 + 1}`;
  }
  // Wrapped columns: the rows get the height of their longest text, as neither Excel nor
  // LibreOffice fits rows on opening a file.
  const wrap = format.wrap ?? [];
  for (let r = h ? h.r1 + 1 : 0; wrap.length && r < height; r++) {
    let lines = 1;
    for (const c of wrap) {
      const cell = ws.getCell(r + 1, c + 1);
      cell.alignment = { ...cell.alignment, vertical: 'top', wrapText: true };
      // Less than the width: a CJK character is a little over two digits wide in most fonts.
      const room = ((format.widths?.[c] ?? ws.getColumn(c + 1).width ?? 10) - 1) * 0.85;
      if (typeof cell.value === 'string') lines = Math.max(lines, Math.ceil(textWidth(cell.value) / Math.max(1, room)));
    }
    if (lines > 1) ws.getRow(r + 1).height = Math.round(lines * LINE_POINTS + 3);
  }
  for (const { r, c } of format.right ?? []) ws.getCell(r + 1, c + 1).alignment = { horizontal: 'right' };
  if (format.title) {
    const cell = ws.getCell(format.title.row + 1, 1);
    cell.font = excelFont(format.font ?? { name: '宋体', size: 11 }, { size: format.title.size, bold: true });
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getRow(format.title.row + 1).height = Math.round(format.title.size * 1.8);
  }
  for (const [r, points] of Object.entries(format.heights ?? {})) ws.getRow(Number(r) + 1).height = points;
  if (format.autoFilter) {
    const a = format.autoFilter;
    ws.autoFilter = `${columnLetter(a.c0)}${a.r0 + 1}:${columnLetter(a.c1)}${a.r1 + 1}`;
  }
  if (format.freezeRows) ws.views = [{ state: 'frozen', ySplit: format.freezeRows, xSplit: 0 }];
  if (format.print) Object.assign(ws.pageSetup, a4Setup(format.print));
}

function sheetName(name: string): string {
  return xmlChars(name);
}

export async function writeXlsx(model: WorkbookModel, options: WriteOptions = {}): Promise<Uint8Array> {
  // Plain workbooks (values, formulas, number formats, merges) go through our streaming writer;
  // only sheets with a look of their own (format, widths) still need exceljs for now.
  if (!options.widths && model.sheets.every((s) => !s.format)) return writeXlsxStream(model);
  const wb = new ExcelJS.Workbook();
  if (options.deterministic ?? true) {
    wb.created = new Date(Date.UTC(2025, 0, 1));
    wb.modified = new Date(Date.UTC(2025, 0, 1));
  }
  wb.creator = 'budget-check';
  for (const sheet of model.sheets) writeSheet(wb, sheet, options);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetModel, options: WriteOptions): void {
  const ws = wb.addWorksheet(sheetName(sheet.name), { state: sheet.hidden ? 'hidden' : 'visible' });
  let width = 0;
  sheet.rows.forEach((row, r) => {
    if (!row) return;
    width = Math.max(width, row.length);
    row.forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(r + 1, c + 1);
      const v = typeof cell.v === 'string' ? ooxmlText(cell.v) : cell.v;
      if (cell.f) {
        const result = v === null ? undefined : isCellError(v) ? { error: v.error } : v;
        target.value = { formula: ooxmlText(cell.f.replace(/^=/, '')), result } as ExcelJS.CellFormulaValue;
      } else if (isCellError(v)) {
        target.value = { error: v.error } as ExcelJS.CellErrorValue;
      } else {
        target.value = v;
      }
      if (cell.z) target.numFmt = xmlChars(cell.z);
    });
  });
  for (const m of sheet.merges) {
    try {
      ws.mergeCells(m.r0 + 1, m.c0 + 1, m.r1 + 1, m.c1 + 1);
    } catch {
      // overlapping merges cannot be written; the cells keep their values
    }
  }
  if (sheet.format) applyFormat(ws, sheet.format, sheet.rows.length, width);
  else options.widths?.[sheet.name]?.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}
