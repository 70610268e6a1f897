/**
 * Lays a template out as a sheet the way the published forms look: title, 编制部门 and 单位 line,
 * grouped header, the column-number row, data rows. Used by the standard-workbook generator and
 * by tests that build packages in memory.
 */
import { ColumnSpec, TableTemplate } from '../templates/types';
import { SheetFormat, textWidth } from '../workbook/format';
import { Cell, CellValue, Merge, SheetModel } from '../workbook/model';

export interface GenRow {
  /** Classification code (`208`, `20801`, `2080109`). */
  code?: string;
  name?: string;
  project?: string;
  /** Amounts by column key. */
  values?: Record<string, CellValue | undefined>;
  /** Formulas by column key (with `=`); the value is its cached result. */
  formulas?: Record<string, string>;
}

export interface PanelRows {
  income: GenRow[];
  expense: GenRow[];
}

export interface LayoutOptions {
  sheetName?: string;
  organisation?: string;
  unit?: string;
  /** Split 类|款|项 columns (default) or one combined code column. */
  codes?: 'split' | 'combined';
  /** Prefix titles with 单位 instead of 部门. */
  unitTitles?: boolean;
  /** The number format of amounts (default `#,##0.00`). */
  numFmt?: string;
  /** A sentence under the table (the empty-table note). */
  note?: string;
}

/** The generated sheet plus where things went (for writers that add formulas). */
export interface LaidOut {
  sheet: SheetModel;
  /** Column key → 0-based column. */
  columns: Map<string, number>;
  /** First data row (0-based). */
  dataStart: number;
}

function textCell(v: string): Cell {
  return { v };
}

/** A code cell: text format, so `01` stays `01` when Excel (or the pane through Office.js) stores it. */
function codeCell(v: string): Cell {
  return { v, z: '@' };
}

/** The font of the published forms, and the sizes of their title and body. */
export const FORM_FONT = { name: '宋体', size: 11 };
export const TITLE_SIZE = 18;
/** Wider than this (in characters), a form prints landscape. */
const PORTRAIT_MAX = 110;

function shown(cell: Cell | undefined): string {
  if (!cell) return '';
  const v = cell.f && cell.v === null ? 0 : cell.v;
  if (typeof v === 'number') {
    if (cell.z && /0\.00/.test(cell.z)) {
      const [int, frac] = Math.abs(v).toFixed(2).split('.');
      return `${v < 0 ? '-' : ''}${int.replace(/\B(?=(\d{3})+$)/g, ',')}.${frac}`;
    }
    return String(v);
  }
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v ? v.error : '';
}

/**
 * Column widths from the content of the table (the rows of `format.header` and `format.table`):
 * the widest cell plus a margin, a CJK character counting 2. Cells merged across columns (group
 * headings) do not count; header labels wrap, so they count only up to 14 characters over amounts
 * and 30 over texts. Amount columns are at least 14 wide (`1,234,567.89`); code columns as their
 * codes and label.
 */
export function fitWidths(sheet: SheetModel, width: number): number[] {
  const f = sheet.format;
  const top = f?.header?.r0 ?? 0;
  const dataStart = f?.header ? f.header.r1 + 1 : top;
  const last = f?.table?.r1 ?? sheet.rows.length - 1;
  const spanned = new Set<string>();
  for (const m of sheet.merges) {
    if (m.c1 === m.c0) continue;
    for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) spanned.add(`${r},${c}`);
  }
  const codes = new Set(f?.textColumns?.columns ?? []);
  const widths: number[] = [];
  for (let c = 0; c < width; c++) {
    let header = 0;
    let body = 0;
    let texts = false;
    for (let r = top; r <= last; r++) {
      if (spanned.has(`${r},${c}`)) continue;
      const cell = sheet.rows[r]?.[c];
      const w = textWidth(shown(cell));
      if (r < dataStart) header = Math.max(header, w);
      else {
        body = Math.max(body, w);
        if (cell && typeof cell.v === 'string' && !cell.f && cell.v !== '*') texts = true;
      }
    }
    const w = codes.has(c)
      ? Math.max(body, header)
      : texts
        ? Math.max(body, Math.min(header, 30))
        : Math.max(body, Math.min(header, 14), 12);
    widths.push(Math.min(60, Math.max(4, w) + 2));
  }
  return widths;
}

/** A4, landscape when the table is too wide for portrait, scaled to the page width. */
export function printSetup(widths: number[]): SheetFormat['print'] {
  const total = widths.reduce((a, b) => a + b, 0);
  return { orientation: total > PORTRAIT_MAX ? 'landscape' : 'portrait', fitToWidth: true };
}

function columnsFor(template: TableTemplate, codes: 'split' | 'combined'): ColumnSpec[] {
  // A form without split 类/款/项 columns (the 社会保险基金 tables) always prints its code column.
  const split = template.columns.some((c) => c.role === 'code-lei');
  return template.columns.filter((c) => {
    if (c.role === 'code') return codes === 'combined' || !split;
    if (c.role === 'code-lei' || c.role === 'code-kuan' || c.role === 'code-xiang') return codes === 'split';
    return true;
  });
}

function title(template: TableTemplate, unitTitles: boolean | undefined): string {
  const t = template.title;
  return unitTitles && t.startsWith('部门') ? `单位${t.slice(2)}` : t;
}

/** Lays out one table. */
export function layoutTable(template: TableTemplate, rows: GenRow[] | PanelRows, options: LayoutOptions = {}): LaidOut {
  const codes = options.codes ?? 'split';
  const cols = columnsFor(template, codes);
  const numFmt = options.numFmt ?? '#,##0.00';
  const grid: (Cell | undefined)[][] = [];
  const merges: Merge[] = [];
  const width = cols.length;
  const put = (r: number, c: number, cell: Cell | undefined) => {
    (grid[r] ??= [])[c] = cell;
  };
  put(0, 0, textCell(title(template, options.unitTitles)));
  merges.push({ r0: 0, c0: 0, r1: 0, c1: width - 1 });
  const orgLabel = options.unitTitles ? '编制单位' : '编制部门';
  put(1, 0, textCell(`${orgLabel}：${options.organisation ?? ''}`));
  put(1, width - 1, textCell(`单位：${options.unit ?? '万元'}`));

  // Header: a group row, a leaf row, and (when the form has it) the column-number row.
  const groupOf = (c: ColumnSpec): string | undefined => {
    if (c.role === 'code-lei' || c.role === 'code-kuan' || c.role === 'code-xiang') {
      return template.codeKind === 'economic' ? '经济分类科目编码' : '功能分类科目编码';
    }
    if (template.layout === 'two-panel') {
      return template.no === 4
        ? c.panel === 'income'
          ? '财政拨款收入'
          : '财政拨款支出'
        : c.panel === 'income'
          ? '收入'
          : '支出';
    }
    return c.group?.[0];
  };
  const hTop = 2;
  const hLeaf = 3;
  let c = 0;
  while (c < width) {
    const g = groupOf(cols[c]);
    let end = c;
    while (end + 1 < width && g && groupOf(cols[end + 1]) === g) end++;
    if (g) {
      put(hTop, c, textCell(g));
      if (end > c) merges.push({ r0: hTop, c0: c, r1: hTop, c1: end });
      for (let k = c; k <= end; k++) put(hLeaf, k, textCell(cols[k].labels[0]));
    } else {
      put(hTop, c, textCell(cols[c].labels[0]));
      merges.push({ r0: hTop, c0: c, r1: hLeaf, c1: c });
    }
    c = end + 1;
  }
  let r = hLeaf + 1;
  if (template.numberRow) {
    cols.forEach((col, k) => put(r, k, col.role === 'amount' && col.no !== undefined ? { v: col.no } : textCell('*')));
    r++;
  }
  const dataStart = r;
  const colIndex = new Map(cols.map((col, k) => [col.key, k]));

  const writeAmounts = (row: GenRow, panel?: 'income' | 'expense') => {
    for (const col of cols) {
      if (col.role !== 'amount' || (panel && col.panel !== panel)) continue;
      const k = colIndex.get(col.key)!;
      const f = row.formulas?.[col.key];
      const v = row.values?.[col.key];
      if (f) put(r, k, { v: v ?? null, f, z: numFmt });
      else if (v !== undefined && v !== null) put(r, k, typeof v === 'number' ? { v, z: numFmt } : { v });
    }
  };

  if (template.layout === 'two-panel') {
    const panels = rows as PanelRows;
    const n = Math.max(panels.income.length, panels.expense.length);
    const inLabel = colIndex.get('inLabel')!;
    const exLabel = colIndex.get('exLabel')!;
    for (let i = 0; i < n; i++, r++) {
      const a = panels.income[i];
      const b = panels.expense[i];
      if (a) {
        if (a.name) put(r, inLabel, textCell(a.name));
        writeAmounts(a, 'income');
      }
      if (b) {
        put(r, exLabel, textCell(b.code ? `${b.code} ${b.name ?? ''}`.trim() : (b.name ?? '')));
        writeAmounts(b, 'expense');
      }
    }
  } else if (template.layout === 'coded-panels') {
    const panels = rows as PanelRows;
    const n = Math.max(panels.income.length, panels.expense.length);
    const colOf = (panel: 'income' | 'expense', roles: string[]) =>
      cols.find((c) => c.panel === panel && roles.includes(c.role));
    for (let i = 0; i < n; i++, r++) {
      for (const panel of ['income', 'expense'] as const) {
        const row = panels[panel][i];
        if (!row) continue;
        const code = colOf(panel, ['code']);
        const name = colOf(panel, ['name', 'label']);
        if (code && row.code) put(r, colIndex.get(code.key)!, codeCell(row.code));
        // codes printed split (类 | 款), as the 决算's 基本支出 table prints them
        const lei = colOf(panel, ['code-lei']);
        const kuan = colOf(panel, ['code-kuan']);
        if (lei && row.code) put(r, colIndex.get(lei.key)!, codeCell(row.code.slice(0, 3)));
        if (kuan && row.code && row.code.length >= 5) put(r, colIndex.get(kuan.key)!, codeCell(row.code.slice(3, 5)));
        if (name && row.name) put(r, colIndex.get(name.key)!, textCell(row.name));
        writeAmounts(row, panel);
      }
    }
  } else {
    for (const row of rows as GenRow[]) {
      for (const col of cols) {
        const k = colIndex.get(col.key)!;
        const code = row.code ?? '';
        if (col.role === 'code-lei' && code) put(r, k, codeCell(code.slice(0, 3)));
        else if (col.role === 'code-kuan' && code.length >= 5) put(r, k, codeCell(code.slice(3, 5)));
        else if (col.role === 'code-xiang' && code.length >= 7) put(r, k, codeCell(code.slice(5, 7)));
        else if (col.role === 'code' && code) put(r, k, codeCell(code));
        else if ((col.role === 'name' || col.role === 'label') && row.name) put(r, k, textCell(row.name));
        else if (col.role === 'project' && row.project) put(r, k, textCell(row.project));
      }
      writeAmounts(row);
      r++;
    }
  }
  const lastRow = r - 1;
  if (options.note) {
    put(r, 0, textCell(options.note));
    merges.push({ r0: r, c0: 0, r1: r, c1: width - 1 });
  }
  for (let k = 0; k < grid.length; k++) grid[k] ??= [];
  const codeColumns = cols.flatMap((col, k) => (/^code/.test(col.role) ? [k] : []));
  const sheet: SheetModel = { name: options.sheetName ?? `表${template.no}`, rows: grid, merges };
  sheet.format = {
    font: FORM_FONT,
    title: { row: 0, size: TITLE_SIZE },
    header: { r0: hTop, r1: dataStart - 1 },
    table: { r0: hTop, c0: 0, r1: Math.max(lastRow, dataStart - 1), c1: width - 1 },
    right: [{ r: 1, c: width - 1 }],
    ...(codeColumns.length ? { textColumns: { columns: codeColumns, fromRow: dataStart } } : {}),
    freezeRows: dataStart,
  };
  formatWidths(sheet, width);
  return { sheet, columns: colIndex, dataStart };
}

/** (Re)computes a laid-out sheet's column widths and print orientation from its content. */
export function formatWidths(sheet: SheetModel, width = sheet.format?.table ? sheet.format.table.c1 + 1 : 0): void {
  if (!sheet.format) return;
  const widths = fitWidths(sheet, width);
  sheet.format.widths = widths;
  sheet.format.print = printSetup(widths);
  sheet.format.heights = headerHeights(sheet, widths);
}

/** Heights of the header rows, so wrapped labels show whole (a line of 宋体 11 is about 14.25 points). */
function headerHeights(sheet: SheetModel, widths: number[]): Record<number, number> {
  const h = sheet.format?.header;
  const out: Record<number, number> = {};
  if (!h) return out;
  const line = 14.25;
  for (let r = h.r0; r <= h.r1; r++) {
    let lines = 1;
    sheet.rows[r]?.forEach((cell, c) => {
      const text = shown(cell);
      if (!text) return;
      const m = sheet.merges.find((x) => x.r0 === r && x.c0 === c);
      // A label merged down over several rows has their height to wrap in.
      const rows = m ? m.r1 - m.r0 + 1 : 1;
      let room = 0;
      for (let k = c; k <= (m ? m.c1 : c); k++) room += widths[k] ?? 10;
      lines = Math.max(lines, Math.ceil(Math.ceil(textWidth(text) / Math.max(1, room - 2)) / rows));
    });
    if (lines > 1) out[r] = Math.round(lines * line + 3);
  }
  return out;
}
