/**
 * The Office.js adapter: the only place that talks to Excel. Reads the whole workbook with one
 * sync for the sheet list and one for every sheet's contents (values, formulas, number formats,
 * merged areas); falls back to chunked reads when that fails: a workbook too large for one
 * response (5 MB on the web), or a sheet with more than 512 merged areas, which Excel refuses to
 * list at once. The chunked read takes blocks of rows with their merged areas and halves a block
 * that fails. Writes in one sync. Needs ExcelApi 1.13 (merged areas), declared in the manifest
 * and checked here; spilled dynamic arrays are found with ExcelApi 1.12.
 */
import { CellMark, CellWrite, ReadProgress, SavedFill, uniqueSheetName, WorkbookHost } from '../src/host/types';
import { message } from '../src/i18n/messages';
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

/** Cells read per sync when a workbook is too large to read at once; a block that fails is halved. */
export const CHUNK_CELLS = 40_000;

/** Formula cells asked per sync whether they spill. */
const SPILL_PROBES = 2000;

/** The Excel API the adapter needs: merged areas (1.13); 1.9 (fill patterns) and 1.7 (getRangeByIndexes) come with it. */
export const EXCEL_API = '1.13';

const both = (t: { zh: string; en: string }) => `${t.zh} / ${t.en}`;

/** Throws a clear message when the host lacks the API (a manifest requirement some hosts do not enforce). */
function requireExcelApi(): void {
  const requirements = typeof Office !== 'undefined' ? Office.context?.requirements : undefined;
  if (requirements && !requirements.isSetSupported('ExcelApi', EXCEL_API)) {
    throw new Error(both(message('host.excelApi', { version: EXCEL_API })));
  }
}

/** A text is written as text: with Excel's text prefix, so `1,114.26` or `01` stays what it was. */
export function cellInput(v: CellWrite['value']): string | number | boolean {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return v.error;
  if (typeof v === 'string') return v === '' ? '' : `'${v}`;
  return v;
}

/** Formulas that may spill: a range reference, the spill operator or a BUDGET function (a plain SUM never spills). */
function maySpill(formula: string): boolean {
  if (/^=SUM\([^(),]*\)$/i.test(formula)) return false;
  return /\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+|#|BUDGET\./i.test(formula);
}

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

/** A read worksheet as the model's sheet: missing rows made empty. */
function sheetModel(ws: Excel.Worksheet, rows: (Cell | undefined)[][], merges: Merge[]): SheetModel {
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return { name: ws.name, hidden: ws.visibility !== 'Visible', rows, merges };
}

function mergesOfAreas(merged: Excel.RangeAreas): Merge[] {
  return merged.isNullObject ? [] : mergesOf(merged.address);
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

  /** A setting saved in the workbook (ExcelApi 1.4 workbook.settings). */
  async getSetting(key: string): Promise<string | undefined> {
    return this.run(async (ctx) => {
      const item = ctx.workbook.settings.getItemOrNullObject(key);
      item.load('value');
      await this.sync(ctx);
      return item.isNullObject ? undefined : String(item.value);
    });
  }

  async setSetting(key: string, value: string | undefined): Promise<void> {
    await this.run(async (ctx) => {
      if (value !== undefined) {
        ctx.workbook.settings.add(key, value);
        await this.sync(ctx);
        return;
      }
      const item = ctx.workbook.settings.getItemOrNullObject(key);
      item.load('key');
      await this.sync(ctx);
      if (!item.isNullObject) {
        item.delete();
        await this.sync(ctx);
      }
    });
  }

  async read(onProgress?: ReadProgress): Promise<WorkbookModel> {
    requireExcelApi();
    const model = await this.readAll(onProgress);
    await this.findSpills(model);
    return model;
  }

  private async readAll(onProgress?: ReadProgress): Promise<WorkbookModel> {
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
      } catch {
        // Too large for one response, or a sheet with more than 512 merged areas: read in blocks
        // (a failure that is neither fails there again, and is reported).
        return this.readChunked(onProgress);
      }
      if (parts.some(({ used }) => !used.isNullObject && !Array.isArray(used.values)))
        return this.readChunked(onProgress);
      const model: WorkbookModel = { sheets: [] };
      parts.forEach(({ ws, used, merged }, k) => {
        const rows: (Cell | undefined)[][] = [];
        if (!used.isNullObject)
          fillRows(rows, used.rowIndex, used.columnIndex, used.values, used.formulas, used.numberFormat);
        model.sheets.push(sheetModel(ws, rows, mergesOfAreas(merged)));
        onProgress?.(k + 1, items.length, 'read');
      });
      return model;
    });
  }

  /**
   * Large workbooks: sizes first, then blocks of rows, each with its merged areas. A block that
   * fails (over the payload limit, over 512 merged areas) or comes back empty is halved; the
   * smaller size is kept for the rest of the sheet. A single row that still fails is reported.
   */
  private async readChunked(onProgress?: ReadProgress): Promise<WorkbookModel> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      await this.sync(ctx);
      const dims = sheets.items.map((ws) => {
        const used = ws.getUsedRangeOrNullObject(true);
        used.load('rowIndex,columnIndex,rowCount,columnCount');
        return { ws, used };
      });
      await this.sync(ctx);
      const total = dims.reduce((a, d) => a + (d.used.isNullObject ? 0 : d.used.rowCount * d.used.columnCount), 0);
      let done = 0;
      const model: WorkbookModel = { sheets: [] };
      for (const { ws, used } of dims) {
        const rows: (Cell | undefined)[][] = [];
        const merges = new Map<string, Merge>();
        if (!used.isNullObject) {
          let step = Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, used.columnCount)));
          for (let r = 0; r < used.rowCount;) {
            const n = Math.min(step, used.rowCount - r);
            const row0 = used.rowIndex + r;
            const block = ws.getRangeByIndexes(row0, used.columnIndex, n, used.columnCount);
            block.load('values,formulas,numberFormat');
            const merged = block.getMergedAreasOrNullObject();
            merged.load('address');
            let failure: unknown;
            try {
              await this.sync(ctx);
            } catch (e) {
              failure = e;
            }
            if (!failure && !Array.isArray(block.values)) {
              failure = new Error(both(message('host.unreadable', { sheet: ws.name, row: row0 + 1 })));
            }
            if (failure) {
              if (n === 1) throw failure;
              step = Math.ceil(n / 2);
              continue;
            }
            fillRows(rows, row0, used.columnIndex, block.values, block.formulas, block.numberFormat);
            for (const m of mergesOfAreas(merged)) merges.set(`${m.r0},${m.c0},${m.r1},${m.c1}`, m);
            r += n;
            done += n * used.columnCount;
            onProgress?.(done, total, 'read');
          }
        }
        model.sheets.push(sheetModel(ws, rows, [...merges.values()]));
      }
      return model;
    });
  }

  /**
   * Marks the ranges of spilled dynamic arrays on the model, so that fill leaves them alone: one
   * sync over the formulas that may spill. Best effort: without ExcelApi 1.12, or if Excel refuses,
   * the model has no spills (fill then treats the spilled cells as it always did).
   */
  private async findSpills(model: WorkbookModel): Promise<void> {
    const anchors: { sheet: SheetModel; address: string }[] = [];
    for (const sheet of model.sheets) {
      sheet.rows.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (cell?.f && maySpill(cell.f)) anchors.push({ sheet, address: `${columnLetter(c)}${r + 1}` });
        }),
      );
    }
    if (anchors.length === 0) return;
    if (typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', '1.12') === false)
      return;
    try {
      await this.run(async (ctx) => {
        for (let k0 = 0; k0 < anchors.length; k0 += SPILL_PROBES) {
          const part = anchors.slice(k0, k0 + SPILL_PROBES);
          const probes = part.map((a) => {
            const spill = ctx.workbook.worksheets
              .getItem(a.sheet.name)
              .getRange(a.address)
              .getSpillingToRangeOrNullObject();
            spill.load('address');
            return spill;
          });
          await this.sync(ctx);
          probes.forEach((p, k) => {
            if (p.isNullObject || !p.address) return;
            const sheet = part[k].sheet;
            (sheet.spills ??= []).push(...mergesOf(p.address));
          });
        }
      });
    } catch {
      // No spill information: nothing is marked.
    }
  }

  async write(writes: readonly CellWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await this.run(async (ctx) => {
      for (const w of writes) {
        const range = ctx.workbook.worksheets.getItem(w.sheet).getRange(w.cell);
        if (w.formula) range.formulas = [[w.formula]];
        else range.values = [[cellInput(w.value)]];
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
      // Activate a sheet only once Excel has it: activating it in the batch that adds it can fail.
      if (options.activate) {
        ws.activate();
        await this.sync(ctx);
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
