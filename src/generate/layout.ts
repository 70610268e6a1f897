/**
 * Lays a template out as a sheet the way the published forms look: title, 编制部门 and 单位 line,
 * grouped header, the column-number row, data rows. Used by the standard-workbook generator and
 * by tests that build packages in memory.
 */
import { ColumnSpec, TableTemplate } from '../templates/types';
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
        if (code && row.code) put(r, colIndex.get(code.key)!, textCell(row.code));
        if (name && row.name) put(r, colIndex.get(name.key)!, textCell(row.name));
        writeAmounts(row, panel);
      }
    }
  } else {
    for (const row of rows as GenRow[]) {
      for (const col of cols) {
        const k = colIndex.get(col.key)!;
        const code = row.code ?? '';
        if (col.role === 'code-lei' && code) put(r, k, textCell(code.slice(0, 3)));
        else if (col.role === 'code-kuan' && code.length >= 5) put(r, k, textCell(code.slice(3, 5)));
        else if (col.role === 'code-xiang' && code.length >= 7) put(r, k, textCell(code.slice(5, 7)));
        else if (col.role === 'code' && code) put(r, k, textCell(code));
        else if ((col.role === 'name' || col.role === 'label') && row.name) put(r, k, textCell(row.name));
        else if (col.role === 'project' && row.project) put(r, k, textCell(row.project));
      }
      writeAmounts(row);
      r++;
    }
  }
  if (options.note) {
    put(r, 0, textCell(options.note));
    merges.push({ r0: r, c0: 0, r1: r, c1: width - 1 });
  }
  for (let k = 0; k < grid.length; k++) grid[k] ??= [];
  return { sheet: { name: options.sheetName ?? `表${template.no}`, rows: grid, merges }, columns: colIndex, dataStart };
}
