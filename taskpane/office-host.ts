/**
 * The Office.js adapter: the only place that talks to Excel. Reads the whole workbook with one
 * sync for the sheet list and one for every sheet's contents (values, formulas, number formats,
 * merged areas); falls back to chunked reads when a workbook is too large for one response.
 * Writes in one sync.
 */
import { CellMark, CellWrite, ReadProgress, SavedFill, uniqueSheetName, WorkbookHost } from '../src/host/types';
import {
  Cell,
  CellValue,
  columnLetter,
  Merge,
  parseA1,
  parseRange,
  SheetModel,
  WorkbookModel,
} from '../src/workbook/model';
import { queueFormat, queuePrintSetup } from './office-format';

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

const ERROR_VALUES =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** Cells read per sync when a workbook is too large to read at once (well under the payload limit). */
export const CHUNK_CELLS = 40_000;

function toValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'string' && ERROR_VALUES.test(v)) return { error: v };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** Turns one block of values/formulas/formats at (row0, col0) into sheet rows. */
export function fillRows(
  rows: (Cell | undefined)[][],
  row0: number,
  col0: number,
  values: unknown[][],
  formulas: unknown[][] | undefined,
  formats: unknown[][] | undefined,
): void {
  for (let i = 0; i < values.length; i++) {
    const out = (rows[row0 + i] ??= []);
    for (let j = 0; j < values[i].length; j++) {
      const v = toValue(values[i][j]);
      const f = formulas?.[i]?.[j];
      const z = formats?.[i]?.[j];
      const formula = typeof f === 'string' && f.startsWith('=') ? f : undefined;
      const format = typeof z === 'string' && z !== 'General' ? z : undefined;
      if (v === null && !formula && !format) continue;
      const cell: Cell = { v };
      if (formula) cell.f = formula;
      if (format) cell.z = format;
      out[col0 + j] = cell;
    }
  }
}

function mergesOf(address: string | undefined): Merge[] {
  if (!address) return [];
  return address
    .split(',')
    .map((a) => a.trim().replace(/^.*!/, ''))
    .filter(Boolean)
    .map((a) => parseRange(a.replace(/\$/g, '')));
}

/** A read worksheet as the model's sheet: missing rows made empty, merged areas parsed. */
function sheetModel(ws: Excel.Worksheet, rows: (Cell | undefined)[][], merged: Excel.RangeAreas): SheetModel {
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return {
    name: ws.name,
    hidden: ws.visibility !== 'Visible',
    rows,
    merges: merged.isNullObject ? [] : mergesOf(merged.address),
  };
}

function isPayloadError(e: unknown): boolean {
  const text = `${(e as { code?: string })?.code ?? ''} ${(e as Error)?.message ?? ''}`;
  return /ResponsePayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|payload size|too large/i.test(text);
}

export class OfficeHost implements WorkbookHost {
  readonly kind = 'office' as const;
  /** Syncs made, for tests and the benchmark. */
  syncs = 0;

  constructor(private readonly run: Run = (batch) => Excel.run(batch)) {}

  private async sync(ctx: Excel.RequestContext): Promise<void> {
    this.syncs++;
    await ctx.sync();
  }

  async read(onProgress?: ReadProgress): Promise<WorkbookModel> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await this.sync(ctx);
      const items = sheets.items;
      onProgress?.(0, items.length, 'list');
      const parts = items.map((ws) => {
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('rowIndex,columnIndex,rowCount,columnCount,values,formulas,numberFormat');
        const merged = used.getMergedAreasOrNullObject();
        merged.load('address');
        return { ws, used, merged };
      });
      try {
        await this.sync(ctx);
      } catch (e) {
        if (!isPayloadError(e)) throw e;
        return this.readChunked(onProgress);
      }
      const model: WorkbookModel = { sheets: [] };
      parts.forEach(({ ws, used, merged }, k) => {
        const rows: (Cell | undefined)[][] = [];
        if (!used.isNullObject)
          fillRows(rows, used.rowIndex, used.columnIndex, used.values, used.formulas, used.numberFormat);
        model.sheets.push(sheetModel(ws, rows, merged));
        onProgress?.(k + 1, items.length, 'read');
      });
      return model;
    });
  }

  /** Large workbooks: sizes first, then blocks of rows under the payload limit. */
  private async readChunked(onProgress?: ReadProgress): Promise<WorkbookModel> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      const list = sheets;
      await this.sync(ctx);
      const dims = list.items.map((ws) => {
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('rowIndex,columnIndex,rowCount,columnCount');
        const merged = used.getMergedAreasOrNullObject();
        merged.load('address');
        return { ws, used, merged };
      });
      await this.sync(ctx);
      const total = dims.reduce((a, d) => a + (d.used.isNullObject ? 0 : d.used.rowCount * d.used.columnCount), 0);
      let done = 0;
      const model: WorkbookModel = { sheets: [] };
      for (const { ws, used, merged } of dims) {
        const rows: (Cell | undefined)[][] = [];
        if (!used.isNullObject) {
          const step = Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, used.columnCount)));
          for (let r = 0; r < used.rowCount; r += step) {
            const n = Math.min(step, used.rowCount - r);
            const block = ws.getRangeByIndexes(used.rowIndex + r, used.columnIndex, n, used.columnCount);
            block.load('values,formulas,numberFormat');
            await this.sync(ctx);
            fillRows(rows, used.rowIndex + r, used.columnIndex, block.values, block.formulas, block.numberFormat);
            done += n * used.columnCount;
            onProgress?.(done, total, 'read');
          }
        }
        model.sheets.push(sheetModel(ws, rows, merged));
      }
      return model;
    });
  }

  async write(writes: readonly CellWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await this.run(async (ctx) => {
      for (const w of writes) {
        const range = ctx.workbook.worksheets.getItem(w.sheet).getRange(w.cell);
        if (w.formula) range.formulas = [[w.formula]];
        else
          range.values = [
            [w.value === null || w.value === undefined ? '' : typeof w.value === 'object' ? w.value.error : w.value],
          ];
        if (w.numFmt) range.numberFormat = [[w.numFmt]];
      }
      await this.sync(ctx);
    });
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await this.sync(ctx);
    });
  }

  async addSheet(sheet: SheetModel, options: { activate?: boolean; columnWidths?: number[] } = {}): Promise<string> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await this.sync(ctx);
      const name = uniqueSheetName(
        sheet.name,
        sheets.items.map((s) => s.name),
      );
      const ws = sheets.add(name);
      const height = sheet.rows.length;
      const width = sheet.rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
      if (height && width) {
        const formulas: (string | number | boolean)[][] = [];
        const formats: string[][] = [];
        for (let r = 0; r < height; r++) {
          const row = sheet.rows[r] ?? [];
          formulas.push(
            Array.from({ length: width }, (_, c) => {
              const cell = row[c];
              if (!cell) return '';
              if (cell.f) return cell.f;
              const v = cell.v;
              return v === null ? '' : typeof v === 'object' ? v.error : v;
            }),
          );
          formats.push(Array.from({ length: width }, (_, c) => row[c]?.z ?? 'General'));
        }
        const range = ws.getRangeByIndexes(0, 0, height, width);
        // Text that looks like a formula must stay text: the report neutralises it with a leading '.
        range.numberFormat = formats;
        range.formulas = formulas;
      }
      for (const m of sheet.merges) ws.getRangeByIndexes(m.r0, m.c0, m.r1 - m.r0 + 1, m.c1 - m.c0 + 1).merge();
      options.columnWidths?.forEach((w, i) => {
        ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = w * 7;
      });
      // A generated sheet's look (widths, 宋体, borders, text code columns): taskpane/office-format.ts.
      if (sheet.format) queueFormat(ws, sheet.format, height, width);
      if (options.activate) ws.activate();
      await this.sync(ctx);
      if (sheet.format) {
        // Print setup needs ExcelApi 1.9: an older Excel keeps the sheet, without it.
        try {
          queuePrintSetup(ws, sheet.format);
          await this.sync(ctx);
        } catch {
          // the sheet is written; only its page layout is missing
        }
      }
      return name;
    });
  }

  async mark(marks: readonly CellMark[]): Promise<SavedFill[]> {
    if (marks.length === 0) return [];
    return this.run(async (ctx) => {
      const fills = marks.map((m) => {
        const fill = ctx.workbook.worksheets.getItem(m.sheet).getRange(m.cell).format.fill;
        fill.load('color,pattern');
        return fill;
      });
      await this.sync(ctx);
      const saved: SavedFill[] = marks.map((m, i) => {
        const f = fills[i];
        const none =
          f.pattern === 'None' || (f.pattern === undefined && (!f.color || f.color.toUpperCase() === '#FFFFFF'));
        return { sheet: m.sheet, cell: m.cell, color: none ? null : f.color };
      });
      marks.forEach((m, i) => (fills[i].color = m.color));
      await this.sync(ctx);
      return saved;
    });
  }

  async unmark(saved: readonly SavedFill[]): Promise<void> {
    if (saved.length === 0) return;
    await this.run(async (ctx) => {
      for (const s of [...saved].reverse()) {
        const fill = ctx.workbook.worksheets.getItem(s.sheet).getRange(s.cell).format.fill;
        if (s.color === null) fill.clear();
        else fill.color = s.color;
      }
      await this.sync(ctx);
    });
  }
}

export { parseA1 };
