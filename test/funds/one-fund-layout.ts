/**
 * Lays a transcribed one-fund 收支表 (test/fixtures/funds) out as a workbook: as printed (two
 * panels side by side), with its panels stacked, in 元 without decimals, with the year in the sheet
 * name instead of the title. Also says where each transcribed amount landed, for the tests.
 */
import { Cell, SheetModel, WorkbookModel } from '../../src/workbook/model';
import { Amount, OneFundTable } from '../fixtures/funds/ningxia-2024-resident-medical';

export interface OneFundLayout {
  stacked?: boolean;
  /** Amounts in 元, whole numbers, `#,##0`. */
  yuan?: boolean;
  /** The sheet is named `2024年`; the title has no year, the headers say 上年执行数 / 本年预算数. */
  yearInSheetName?: boolean;
}

/** Where a transcribed amount is: panel, line index, slot → sheet row and column (0-based). */
export type CellId = string;
export const cellId = (panel: 'income' | 'expense', line: number, slot: 'prev' | 'cur'): CellId =>
  `${panel}:${line}:${slot}`;

export interface LaidOut {
  workbook: WorkbookModel;
  sheet: string;
  at: Map<CellId, { r: number; c: number }>;
  /** The factor from the transcription's unit to the sheet's (1 or 10000). */
  factor: bigint;
}

/** An amount string as exact cents (BigInt), or null. */
export function cents(a: Amount): bigint | null {
  if (a === null || a === '×') return null;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(a.replace(/,/g, ''));
  if (!m) throw new Error(`not an amount: ${a}`);
  const v = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -v : v;
}

export function layOutOneFund(t: OneFundTable, o: OneFundLayout = {}): LaidOut {
  const factor = o.yuan ? 10000n : 1n;
  const z = o.yuan ? '#,##0' : '#,##0.00';
  const amount = (a: Amount): Cell | undefined => {
    if (a === null) return undefined;
    if (a === '×') return { v: '×' };
    const c = cents(a)! * factor;
    return { v: Number(c) / 100, z };
  };
  const text = (s: string): Cell => ({ v: s });
  const headers = o.yearInSheetName ? { item: t.headers.item, prev: '上年执行数', cur: '本年预算数' } : t.headers;
  const rows: (Cell | undefined)[][] = [];
  const at = new Map<CellId, { r: number; c: number }>();
  const width = o.stacked ? 3 : 6;
  rows.push([text(o.yearInSheetName ? t.titleNoYear : t.title)]);
  rows.push([...Array(width - 1).fill(undefined), text(`单位:${o.yuan ? '元' : t.unit}`)]);
  const head = [text(headers.item), text(headers.prev), text(headers.cur)];
  rows.push(o.stacked ? head : [...head, ...head.map((c) => ({ ...c }))]);
  if (o.stacked) {
    for (const panel of ['income', 'expense'] as const) {
      rows.push([text(panel === 'income' ? '收入' : '支出')]);
      t[panel].forEach(([label, prev, cur], i) => {
        if (label === '×') return; // the padding of the side-by-side print
        at.set(cellId(panel, i, 'prev'), { r: rows.length, c: 1 });
        at.set(cellId(panel, i, 'cur'), { r: rows.length, c: 2 });
        rows.push([text(label), amount(prev), amount(cur)]);
      });
    }
  } else {
    t.income.forEach((inc, i) => {
      const ex = t.expense[i];
      at.set(cellId('income', i, 'prev'), { r: rows.length, c: 1 });
      at.set(cellId('income', i, 'cur'), { r: rows.length, c: 2 });
      at.set(cellId('expense', i, 'prev'), { r: rows.length, c: 4 });
      at.set(cellId('expense', i, 'cur'), { r: rows.length, c: 5 });
      rows.push([text(inc[0]), amount(inc[1]), amount(inc[2]), text(ex[0]), amount(ex[1]), amount(ex[2])]);
    });
  }
  const name = o.yearInSheetName ? `${t.year}年` : t.title;
  const sheet: SheetModel = { name, rows, merges: [{ r0: 0, c0: 0, r1: 0, c1: width - 1 }] };
  return { workbook: { sheets: [sheet] }, sheet: name, at, factor };
}
