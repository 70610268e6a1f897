/**
 * Lays 社会保险基金 tables out the way the published packages look: an optional `表N` line, the
 * title (with years, region and 本级), the 单位 line, the header (years in the labels, the
 * 平衡表 with its 收入/支出 group row), the rows (codes optional, 其中 rows, indentation) and the
 * 备注 footer. Several tables given for one sheet are stacked with a blank row between them.
 */
import { SI_TEMPLATES } from '../../src/templates';
import { TableTemplate } from '../../src/templates/types';
import { Cell, Merge, SheetModel } from '../../src/workbook/model';

export type SiValues = Record<string, number | string | undefined>;

export interface SiRow {
  code?: string;
  name: string;
  values?: SiValues;
}

export interface SiPanels {
  income: SiRow[];
  expense: SiRow[];
}

export interface SiTable {
  /** Template id (`si.a.income`, `si.b.balance-sheet` …). */
  template: string;
  title: string;
  /** Printed on its own line above the title (`表 1`), or at the start of the title when `noInTitle`. */
  printedNo?: string;
  noInTitle?: boolean;
  /** Header text by column key (years go here); defaults to the template's first label. */
  headers?: Record<string, string>;
  rows: SiRow[] | SiPanels;
  /** Print the code column (default: when some row has a code). */
  codes?: boolean;
  unit?: string;
  footer?: string;
  /** Number format of amounts (default `0` for integers … `#,##0.00`). */
  numFmt?: string;
  /** Number format of percents (default `0%`; `0.00%` for 2 decimals). */
  pctFmt?: string;
  /** Percents as text in that format (`98%`, `100.20%`). */
  pctAsText?: boolean;
  /** Amounts as text (`1,234.56`). */
  amountsAsText?: boolean;
  /** Add the 收入 / 支出 group row above a 平衡表 header. */
  groupRow?: boolean;
}

export function siTemplate(id: string): TableTemplate {
  const t = SI_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no SI template ${id}`);
  return t;
}

function pctText(v: number, fmt: string): string {
  const decimals = /\.(0+)%/.exec(fmt)?.[1].length ?? 0;
  return `${(v * 100).toFixed(decimals)}%`;
}

/** Lays out one or several (stacked) tables on one sheet. */
export function siSheet(name: string, tables: SiTable[]): SheetModel {
  const rows: (Cell | undefined)[][] = [];
  const merges: Merge[] = [];
  let r = 0;
  const put = (row: number, c: number, cell: Cell | undefined) => {
    (rows[row] ??= [])[c] = cell;
  };
  for (const spec of tables) {
    const template = siTemplate(spec.template);
    const panels = template.layout === 'coded-panels';
    const flat = panels
      ? [...(spec.rows as SiPanels).income, ...(spec.rows as SiPanels).expense]
      : (spec.rows as SiRow[]);
    const withCodes = spec.codes ?? flat.some((x) => x.code);
    const cols = template.columns.filter((c) => c.role !== 'code' || withCodes);
    const width = cols.length;
    const numFmt = spec.numFmt ?? '#,##0.00';
    const pctFmt = spec.pctFmt ?? '0%';
    if (spec.printedNo && !spec.noInTitle) put(r++, 0, { v: `表 ${spec.printedNo}` });
    put(r, 0, { v: spec.printedNo && spec.noInTitle ? `表${spec.printedNo} ${spec.title}` : spec.title });
    merges.push({ r0: r, c0: 0, r1: r, c1: width - 1 });
    r++;
    put(r++, width - 1, { v: `单位：${spec.unit ?? '万元'}` });
    if (panels && spec.groupRow) {
      const half = width / 2;
      put(r, 0, { v: '收入' });
      put(r, half, { v: '支出' });
      merges.push({ r0: r, c0: 0, r1: r, c1: half - 1 }, { r0: r, c0: half, r1: r, c1: width - 1 });
      r++;
    }
    cols.forEach((c, k) => put(r, k, { v: spec.headers?.[c.key] ?? c.labels[0] }));
    r++;
    const colIndex = new Map(cols.map((c, k) => [c.key, k]));
    const write = (row: SiRow, panel?: 'income' | 'expense') => {
      for (const c of cols) {
        if (panel && c.panel !== panel) continue;
        const k = colIndex.get(c.key)!;
        if (c.role === 'code') {
          if (row.code) put(r, k, { v: row.code });
        } else if (c.role === 'name') {
          put(r, k, { v: row.name });
        } else {
          const v = row.values?.[c.key];
          if (v === undefined || v === '') continue;
          if (typeof v === 'string') put(r, k, { v });
          else if (c.key === 'pct') put(r, k, spec.pctAsText ? { v: pctText(v, pctFmt) } : { v, z: pctFmt });
          else if (spec.amountsAsText)
            put(r, k, { v: v.toLocaleString('en-US', { minimumFractionDigits: numFmt.includes('.00') ? 2 : 0 }) });
          else put(r, k, { v, z: numFmt });
        }
      }
    };
    if (panels) {
      const { income, expense } = spec.rows as SiPanels;
      for (let i = 0; i < Math.max(income.length, expense.length); i++, r++) {
        if (income[i]) write(income[i], 'income');
        if (expense[i]) write(expense[i], 'expense');
      }
    } else {
      for (const row of spec.rows as SiRow[]) {
        write(row);
        r++;
      }
    }
    if (spec.footer) {
      put(r, 0, { v: spec.footer });
      merges.push({ r0: r, c0: 0, r1: r, c1: width - 1 });
      r++;
    }
    r++; // a blank row before the next stacked table
  }
  for (let k = 0; k < rows.length; k++) rows[k] ??= [];
  return { name, rows, merges };
}
