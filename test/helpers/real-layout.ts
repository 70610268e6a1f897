/**
 * Lays the real tables of test/fixtures/real (layout-free data) out as sheets, the way a finance
 * office's workbook prints them: title row, 编制单位/unit line, header rows with merged group
 * headers, code columns (类|款|项 or one combined), the label column, amounts as numbers formatted
 * `#,##0.00` (`×` kept as text), printed notes below. Two panels stand side by side. One table per
 * sheet; `at` maps a transcribed cell (table, panel, row, column) to its place on the sheet.
 */
import type { RealPackage, RealTable } from '../fixtures/real/model';
import type { Cell, Merge, SheetModel, WorkbookModel } from '../../src/workbook/model';

export interface RealCellRef {
  table: string;
  panel: number;
  row: number;
  col: number;
  /** 0-based position on the sheet */
  r: number;
  c: number;
  /** the printed amount */
  printed: string;
}

export interface LaidOutTable {
  sheet: SheetModel;
  table: RealTable;
  /** every amount cell (filled or not) with its position */
  cells: RealCellRef[];
  /** (panel, row, column) → position on the sheet */
  at(panel: number, row: number, col: number): { r: number; c: number };
}

const FORMAT = '#,##0.00';

/** `'2,940.05'` → 2940.05; `'×'` and other non-numbers are kept as text. */
export function printedValue(s: string): number | string {
  const t = s.replace(/,/g, '').trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : s;
}

/** A sheet name from a table id (Excel allows 31 characters). */
function sheetName(t: RealTable): string {
  return t.id;
}

/** Layout variants real offices produce, for the same data. */
export interface LayoutOptions {
  /** `printed` (default): code columns as transcribed; `combined`: one 科目编码 column (`2010601`); `split`: 类|款|项 (or 类|款). */
  codes?: 'printed' | 'combined' | 'split';
  /** The title only as the sheet's name, no title row. */
  titleInSheetName?: boolean;
}

function splitCode(code: string): string[] {
  const d = code.replace(/\s+/g, '');
  return [d.slice(0, 3), d.slice(3, 5), d.slice(5, 7)].filter((x) => x);
}

function withCodes(t: RealTable, codes: LayoutOptions['codes']): RealTable {
  if (!codes || codes === 'printed') return t;
  return {
    ...t,
    panels: t.panels.map((p) => {
      if (p.codeHeaders.length === 0) return p;
      const economic = p.rows.some((r) => r.code !== undefined && /^3\d\d/.test(String(r.code)));
      const headers = codes === 'combined' ? ['科目编码'] : economic ? ['类', '款'] : ['类', '款', '项'];
      return {
        ...p,
        codeHeaders: headers,
        rows: p.rows.map((r) => {
          if (r.code === undefined || r.code === '') return r;
          const joined = Array.isArray(r.code) ? r.code.join('') : r.code.replace(/\s+/g, '');
          return { ...r, code: codes === 'combined' ? joined : splitCode(joined) };
        }),
      };
    }),
  };
}

export function layOutTable(t0: RealTable, options: LayoutOptions = {}): LaidOutTable {
  const t = withCodes(t0, options.codes);
  const rows: (Cell | undefined)[][] = [];
  const merges: Merge[] = [];
  const put = (r: number, c: number, v: Cell['v'], z?: string) => {
    (rows[r] ??= [])[c] = z ? { v, z } : { v };
  };
  const merge = (r0: number, c0: number, r1: number, c1: number) => {
    if (r1 > r0 || c1 > c0) merges.push({ r0, c0, r1, c1 });
  };
  const codeGroup = (t.headerGroups ?? []).find((g) => g.includes('编码')) ?? '科目编码';
  const named = t.panels.length > 1 && t.panels.some((p) => p.name && !p.nameNotPrinted);
  // Width of each panel: its code columns, its label column, its amount columns.
  const starts: number[] = [];
  let width = 0;
  for (const p of t.panels) {
    starts.push(width);
    width += p.codeHeaders.length + 1 + p.columns.length;
  }
  // Header depth: the deepest amount column path, at least 2 when split codes need a group header.
  let depth = 1;
  for (const p of t.panels) {
    for (const col of p.columns) depth = Math.max(depth, (col.group?.length ?? 0) + 1);
    if (p.codeHeaders.length > 1) depth = Math.max(depth, 2);
  }
  const head = options.titleInSheetName ? 1 : 2;
  const top = head + (named ? 1 : 0);
  // Title and unit line.
  if (!options.titleInSheetName) {
    put(0, 0, t.title);
    merge(0, 0, 0, width - 1);
  }
  if (t.compiler) put(head - 1, 0, t.compiler);
  put(head - 1, width - 1, `单位：${t.unit}`);
  t.panels.forEach((p, k) => {
    const s = starts[k];
    const w = p.codeHeaders.length + 1 + p.columns.length;
    if (named) {
      put(head, s, p.name ?? '');
      merge(head, s, head, s + w - 1);
    }
    // Code columns.
    const nc = p.codeHeaders.length;
    if (nc === 1) {
      put(top, s, p.codeHeaders[0]);
      merge(top, s, top + depth - 1, s);
    } else if (nc > 1) {
      put(top, s, codeGroup);
      merge(top, s, top + depth - 2, s + nc - 1);
      p.codeHeaders.forEach((h, i) => put(top + depth - 1, s + i, h));
    }
    // Label column.
    put(top, s + nc, p.labelHeader);
    merge(top, s + nc, top + depth - 1, s + nc);
    // Amount columns: path = groups + label; groups top-aligned and merged across the columns
    // sharing them, the label spanning down to the last header row.
    const a0 = s + nc + 1;
    const paths = p.columns.map((col) => [...(col.group ?? []), col.label]);
    const key = (path: string[], j: number) => path.slice(0, j + 1).join('|');
    paths.forEach((path, i) => {
      path.forEach((text, j) => {
        const r = top + j;
        if (j === path.length - 1) {
          put(r, a0 + i, text);
          merge(r, a0 + i, top + depth - 1, a0 + i);
          return;
        }
        if (i > 0 && paths[i - 1].length > j + 1 && key(paths[i - 1], j) === key(path, j)) return;
        let e = i;
        while (e + 1 < paths.length && paths[e + 1].length > j + 1 && key(paths[e + 1], j) === key(path, j)) e++;
        put(r, a0 + i, text);
        merge(r, a0 + i, r, a0 + e);
      });
    });
  });
  const first = top + depth;
  const cells: RealCellRef[] = [];
  const n = Math.max(...t.panels.map((p) => p.rows.length));
  const pos = (k: number, i: number, j: number) => ({
    r: first + i,
    c: starts[k] + t.panels[k].codeHeaders.length + 1 + j,
  });
  t.panels.forEach((p, k) => {
    const s = starts[k];
    const nc = p.codeHeaders.length;
    p.rows.forEach((row, i) => {
      const r = first + i;
      if (row.code !== undefined) {
        const parts = Array.isArray(row.code) ? row.code : [row.code];
        if (nc <= 1) put(r, s, parts.join(''));
        else parts.forEach((part, q) => put(r, s + q, part));
      }
      if (row.label) put(r, s + nc, row.label);
      row.amounts.forEach((a, j) => {
        const { c } = pos(k, i, j);
        if (a !== null) {
          const v = printedValue(a);
          put(r, c, v, typeof v === 'number' ? FORMAT : undefined);
        }
        cells.push({ table: t.id, panel: k, row: i, col: j, r, c, printed: a ?? '' });
      });
    });
  });
  let r = first + n;
  for (const note of t.printedNotes ?? []) {
    put(r, 0, note);
    merge(r, 0, r, width - 1);
    r++;
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  const name = options.titleInSheetName ? t.title.slice(0, 31) : sheetName(t);
  return { sheet: { name, rows, merges }, table: t0, cells, at: (k, i, j) => pos(k, i, j) };
}

/** One workbook per package, one sheet per table. */
export function layOutPackage(
  pkg: RealPackage,
  options: LayoutOptions = {},
): { workbook: WorkbookModel; tables: LaidOutTable[] } {
  const tables = pkg.tables.map((t) => layOutTable(t, options));
  return { workbook: { sheets: tables.map((x) => x.sheet) }, tables };
}
