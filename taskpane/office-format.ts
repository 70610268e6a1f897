/**
 * A generated sheet's look and print setup (`SheetModel.format`) through Office.js: what
 * src/xlsx/write.ts does for a .xlsx, for the sheets the pane inserts (模板, 审核报告).
 * - `queueFormat` queues what Excel has had since ExcelApi 1.1–1.2 (widths, heights, 宋体,
 *   borders, alignment, text format of code columns) for the caller's one sync;
 * - `queuePrintSetup` queues the page layout (ExcelApi 1.9: A4, orientation, fit to width,
 *   repeated header rows), the filter and the frozen rows; the caller syncs it on its own, so an
 *   older Excel that lacks them still gets the sheet, only without print setup.
 */
import { SheetFormat } from '../src/workbook/format';

/** Excel's default column of 8.43 characters is 48 points: about 5.7 points a character. */
const POINTS_PER_CHAR = 5.7;
/** Rows the code columns are formatted as text below the generated ones, for codes typed later. */
const TEXT_ROWS_BELOW = 200;
const BORDER_SIDES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

export function queueFormat(ws: Excel.Worksheet, format: SheetFormat, height: number, width: number): void {
  const cols = Math.max(width, format.widths?.length ?? 0, format.table ? format.table.c1 + 1 : 0);
  const block = (r0: number, c0: number, rows: number, columns: number) =>
    ws.getRangeByIndexes(r0, c0, Math.max(1, rows), Math.max(1, columns));
  format.widths?.forEach((w, c) => (block(0, c, 1, 1).getEntireColumn().format.columnWidth = w * POINTS_PER_CHAR));
  if (format.font && cols) {
    // Whole columns: what the clerk types later is 宋体 too.
    const font = block(0, 0, 1, cols).getEntireColumn().format.font;
    font.name = format.font.name;
    font.size = format.font.size;
  }
  const text = format.textColumns;
  if (text) {
    for (const c of text.columns) {
      const rows = Math.max(0, height - text.fromRow) + TEXT_ROWS_BELOW;
      block(text.fromRow, c, rows, 1).numberFormat = Array.from({ length: rows }, () => ['@']);
    }
  }
  const t = format.table;
  if (t) {
    const table = block(t.r0, t.c0, t.r1 - t.r0 + 1, t.c1 - t.c0 + 1);
    // Inside borders only where the range has an inside.
    const sides = BORDER_SIDES.filter(
      (side) => (side !== 'InsideVertical' || t.c1 > t.c0) && (side !== 'InsideHorizontal' || t.r1 > t.r0),
    );
    for (const side of sides) {
      const border = table.format.borders.getItem(side);
      border.style = 'Continuous';
      border.weight = 'Thin';
    }
    table.format.verticalAlignment = format.wrap?.length ? 'Top' : 'Center';
    if (text) for (const c of text.columns) block(t.r0, c, t.r1 - t.r0 + 1, 1).format.horizontalAlignment = 'Center';
  }
  const h = format.header;
  if (h) {
    const header = block(h.r0, 0, h.r1 - h.r0 + 1, cols);
    header.format.horizontalAlignment = 'Center';
    header.format.verticalAlignment = 'Center';
    header.format.wrapText = true;
    header.format.font.bold = true;
  }
  for (const [r, points] of Object.entries(format.heights ?? {})) block(Number(r), 0, 1, 1).format.rowHeight = points;
  for (const { r, c } of format.right ?? []) block(r, c, 1, 1).format.horizontalAlignment = 'Right';
  if (format.title) {
    const title = block(format.title.row, 0, 1, cols);
    title.format.horizontalAlignment = 'Center';
    title.format.verticalAlignment = 'Center';
    title.format.font.bold = true;
    title.format.font.size = format.title.size;
    title.format.rowHeight = Math.round(format.title.size * 1.8);
  }
  const body = h ? h.r1 + 1 : 0;
  if (format.wrap?.length && height > body) {
    for (const c of format.wrap) block(body, c, height - body, 1).format.wrapText = true;
    block(body, 0, height - body, cols).format.autofitRows();
  }
}

export function queuePrintSetup(ws: Excel.Worksheet, format: SheetFormat): void {
  const page = ws.pageLayout;
  if (format.freezeRows) ws.freezePanes.freezeRows(format.freezeRows);
  const a = format.autoFilter;
  if (a) ws.autoFilter.apply(ws.getRangeByIndexes(a.r0, a.c0, a.r1 - a.r0 + 1, a.c1 - a.c0 + 1));
  const h = format.header;
  if (h) page.setPrintTitleRows(`$${h.r0 + 1}:$${h.r1 + 1}`);
  if (format.print) {
    page.paperSize = 'A4';
    page.orientation = format.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
    page.centerHorizontally = true;
    // Last: Office.js runs a batch in order and stops at a refused operation, so the rest stays.
    // One page wide, as many tall as needed (0: automatic, as fitToHeight in the file format).
    if (format.print.fitToWidth) page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  }
}
