/** Reading recognized tables the way rules need them: totals, fixed rows, rows by code, children. */
import { BilingualText } from '../i18n/messages';
import { exactOf, RowAmounts } from '../recognize/amounts';
import { RecognizedTable, TableRow } from '../recognize/types';
import { checkSum, columnName, operand, Operand, rowLabel, where } from './compare';
import { Rule, RuleContextApi } from './types';

export function totalRow(t: RecognizedTable): TableRow | undefined {
  return t.rows.find((r) => r.kind === 'total');
}

export function fixedRow(t: RecognizedTable, key: string): TableRow | undefined {
  return t.rows.find((r) => r.key === key);
}

/**
 * A table's coded rows (code rows and coded project rows, of one panel) with the rows of each code.
 * Callers read `coded` and ask the functions below about a position in it.
 */
export interface CodedRowIndex {
  readonly coded: readonly TableRow[];
}

interface CodeIndex extends CodedRowIndex {
  coded: TableRow[];
  /** `first[i]`: the position in `coded` of the first row of `coded[i]`'s code. */
  first: Int32Array;
  /**
   * The rows of each code: a map only when the codes are not in ascending order; while they are
   * (the printed order of a classification list), the rows of a code are consecutive, `firsts`
   * (each code's first position) answers by binary search, and each code's list is made when
   * asked (`runs`, by first position): no map and no list per code of a 100k-row table.
   */
  byCode: Map<string, TableRow[]> | undefined;
  firsts: number[];
  runs: (TableRow[] | undefined)[];
  byParent: Map<string, TableRow[]>;
}

const indexes = new WeakMap<RecognizedTable, Map<string, CodeIndex>>();
const firstIndexes = new WeakMap<readonly TableRow[], ReadonlyMap<string, TableRow>>();

/** Rows by code and by parent code, built once per table and panel (tables can have 100k rows). */
function codeIndex(t: RecognizedTable, panel?: 'income' | 'expense'): CodeIndex {
  let perPanel = indexes.get(t);
  if (!perPanel) indexes.set(t, (perPanel = new Map()));
  const key = panel ?? '';
  const cached = perPanel.get(key);
  // Rows may be repaired (codes changed) before the rules run; the index is built on first use.
  if (cached) return cached;
  const coded = t.rows.filter(
    (r) => r.code && (r.kind === 'code' || r.kind === 'project') && (!panel || r.panel === panel),
  );
  const n = coded.length;
  const first = new Int32Array(n);
  let byCode: Map<string, TableRow[]> | undefined;
  let firstOf: Map<string, number> | undefined;
  const firsts: number[] = [];
  const byParent = new Map<string, TableRow[]>();
  // Rows come in code order: consecutive children share their parent's list (no slice, no lookup).
  let parentCode = '';
  let siblings: TableRow[] | undefined;
  // While each new code sorts after the one before it cannot have been seen: no lookup, and none
  // for a code repeated on the next row. The first code out of order builds the map.
  let prev = '';
  for (let i = 0; i < n; i++) {
    const r = coded[i];
    const code = r.code!;
    if (i > 0 && code === prev) first[i] = first[i - 1];
    else if (!byCode && code > prev) {
      first[i] = i;
      firsts.push(i);
    } else {
      if (!byCode || !firstOf) {
        byCode = new Map();
        firstOf = new Map();
        for (const f of firsts) {
          byCode.set(coded[f].code!, [coded[f]]);
          firstOf.set(coded[f].code!, f);
        }
        for (let j = 0; j < i; j++) if (first[j] !== j) byCode.get(coded[j].code!)!.push(coded[j]);
      }
      const f = firstOf.get(code);
      first[i] = f ?? i;
      if (f === undefined) firstOf.set(code, i);
    }
    if (byCode) {
      const same = byCode.get(code);
      if (same) same.push(r);
      else byCode.set(code, [r]);
    }
    prev = code;
    if (code.length > 3) {
      if (!siblings || parentCode.length !== code.length - 2 || !code.startsWith(parentCode)) {
        parentCode = code.slice(0, code.length - 2);
        siblings = byParent.get(parentCode);
        if (!siblings) byParent.set(parentCode, (siblings = []));
      }
      siblings.push(r);
    }
  }
  const index: CodeIndex = { coded, first, byCode, firsts, runs: [], byParent };
  perPanel.set(key, index);
  return index;
}

/** Rows carrying a classification code (code rows and coded project rows). */
export function codedRows(t: RecognizedTable, panel?: 'income' | 'expense'): TableRow[] {
  return codeIndex(t, panel).coded;
}

/** The coded rows, indexed: for readers going through every coded row without a lookup per row. */
export function codedRowIndex(t: RecognizedTable, panel?: 'income' | 'expense'): CodedRowIndex {
  return codeIndex(t, panel);
}

/** The rows of `coded[i]`'s code (rowsWithCode of it). Callers must not change the list. */
export function rowsOfCodeAt(index: CodedRowIndex, i: number): readonly TableRow[] {
  const ix = index as CodeIndex;
  if (ix.byCode) return ix.byCode.get(ix.coded[i].code!)!;
  return run(ix, ix.first[i]);
}

/** Whether `coded[i]`'s code has other rows than it. */
export function codeHasOtherRows(index: CodedRowIndex, i: number): boolean {
  const ix = index as CodeIndex;
  if (ix.byCode) return ix.byCode.get(ix.coded[i].code!)!.length > 1;
  return ix.first[i] !== i || (i + 1 < ix.first.length && ix.first[i + 1] === i);
}

/** The consecutive rows of one code from position `f` (its first), made once. */
function run(ix: CodeIndex, f: number): TableRow[] {
  let list = ix.runs[f];
  if (!list) {
    let end = f + 1;
    while (end < ix.first.length && ix.first[end] === f) end++;
    list = ix.runs[f] = ix.coded.slice(f, end);
  }
  return list;
}

/** Shared by every lookup that finds nothing (callers only read these lists). */
const NO_ROWS: TableRow[] = [];

/** The rows of one code (several for a 项 printed on each of its projects). Callers must not change the list. */
export function rowsWithCode(t: RecognizedTable, code: string, panel?: 'income' | 'expense'): TableRow[] {
  const index = codeIndex(t, panel);
  if (index.byCode) return index.byCode.get(code) ?? NO_ROWS;
  const { coded, firsts } = index;
  let lo = 0;
  let hi = firsts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = coded[firsts[mid]].code!;
    if (c === code) return run(index, firsts[mid]);
    if (c < code) lo = mid + 1;
    else hi = mid - 1;
  }
  return NO_ROWS;
}

/** Amount column keys the table has. */
export function amountKeys(t: RecognizedTable, panel?: 'income' | 'expense'): string[] {
  return t.template.columns
    .filter((c) => c.role === 'amount' && t.columns.has(c.key) && (!panel || c.panel === panel))
    .map((c) => c.key);
}

/**
 * The rows one level below a code: for 类 (3 digits) its 款 (5), for 款 its 项 (7). Where a 项
 * is printed once as a function row and again on each of its projects (表7), the function row
 * stands for them.
 */
export function childrenOf(t: RecognizedTable, code: string): TableRow[] {
  return childRows(t, code).slice();
}

/**
 * childrenOf without the copy, for readers on the hot path (the hierarchy rule asks for every
 * code's children): the index's own list when it holds function rows only. Callers must not change it.
 */
export function childRows(t: RecognizedTable, code: string): readonly TableRow[] {
  const kids = codeIndex(t).byParent.get(code) ?? NO_ROWS;
  let projects = false;
  for (const r of kids) if (r.kind !== 'code') projects = true;
  if (!projects) return kids;
  const functionRowCodes = new Set(kids.filter((r) => r.kind === 'code').map((r) => r.code));
  return kids.filter((r) => r.kind === 'code' || !functionRowCodes.has(r.code));
}

/**
 * The first row of each code (a code printed twice is checked once). Built once per rows array
 * (the arrays `codedRows` returns are themselves cached per table and panel), so the rules that
 * each ask for it share one map; callers must not change the map.
 */
export function firstByCode(rows: readonly TableRow[]): ReadonlyMap<string, TableRow> {
  const cached = firstIndexes.get(rows);
  if (cached) return cached;
  const m = new Map<string, TableRow>();
  for (const r of rows) if (r.code && !m.has(r.code)) m.set(r.code, r);
  firstIndexes.set(rows, m);
  return m;
}

/**
 * Whether `coded[i]` (of codedRowIndex) is the first row of its code: the rows firstByCode holds,
 * in the same order, without a map. For readers going through every coded row.
 */
export function isFirstOfCode(index: CodedRowIndex, i: number): boolean {
  return (index as CodeIndex).first[i] === i;
}

/**
 * Whether `row`'s column `key` equals, to the cent, the sum of columns `cols` over `rows` (all in
 * one table, so one unit), every cell usable and at least one item present: then checkSum would
 * find the sides equal (or both empty) and report nothing, and the operands, labels and closures
 * of the full comparison need not be made. False whenever that is not certain.
 */
export function sumsExactly(row: TableRow, key: string, rows: readonly TableRow[], cols: readonly string[]): boolean {
  const own = row.amounts;
  let target: number;
  if (own instanceof RowAmounts) {
    // The table's cells as read: exact values from its store, no cell made.
    const p = own.sharedKeys.indexOf(key);
    if (p < 0) return false;
    target = own.exactAt(p);
  } else {
    const cell = own.get(key);
    if (!cell) return false;
    target = exactOf(cell);
  }
  let sum = 0;
  let any = false;
  // Index loops: an iterator per call would be an object per compared row (X4 compares 100k).
  for (let i = 0; i < rows.length; i++) {
    const a = rows[i].amounts;
    if (a instanceof RowAmounts) {
      const keys = a.sharedKeys;
      for (let j = 0; j < cols.length; j++) {
        const q = keys.indexOf(cols[j]);
        if (q < 0) continue;
        sum += a.exactAt(q);
        any = true;
      }
    } else {
      for (let j = 0; j < cols.length; j++) {
        const cell = a.get(cols[j]);
        if (!cell) continue;
        sum += exactOf(cell);
        any = true;
      }
    }
  }
  // An unusable cell on either side (NaN, Infinity) fails the range test.
  return any && Math.abs(sum) < 9e15 && Math.abs(target) < 9e15 && sum === target;
}

/** sumsExactly for one column (`类 = Σ 款`, column by column), its one-key list made once per key. */
export function columnSumsExactly(row: TableRow, key: string, rows: readonly TableRow[]): boolean {
  let cols = oneKey.get(key);
  if (!cols) oneKey.set(key, (cols = [key]));
  return sumsExactly(row, key, rows, cols);
}

const oneKey = new Map<string, readonly string[]>();

/**
 * `keys.every((k) => columnSumsExactly(row, k, rows))` reading each of `rows` once, not once per
 * key: when the row and its children share one key list (RowAmounts of one table and panel), the
 * keys' positions are found once and every child's cells summed in one pass. Otherwise column by
 * column.
 */
export function columnsSumExactly(row: TableRow, keys: readonly string[], rows: readonly TableRow[]): boolean {
  const n = keys.length;
  const own = row.amounts;
  let shared = own instanceof RowAmounts && n <= 64;
  const list = shared ? (own as RowAmounts).sharedKeys : undefined;
  for (let k = 0; shared && k < rows.length; k++) {
    const a = rows[k].amounts;
    if (!(a instanceof RowAmounts) || a.sharedKeys !== list) shared = false;
  }
  if (!shared) {
    for (const key of keys) if (!columnSumsExactly(row, key, rows)) return false;
    return true;
  }
  if (n === 0) return true;
  if (rows.length === 0) return false;
  const target = own as RowAmounts;
  const pos = n === posBuffer.length ? posBuffer : (posBuffer = new Int32Array(n));
  const sums = n === sumBuffer.length ? sumBuffer : (sumBuffer = new Float64Array(n));
  for (let j = 0; j < n; j++) {
    const p = list!.indexOf(keys[j]);
    if (p < 0) return false;
    pos[j] = p;
    sums[j] = 0;
  }
  for (let k = 0; k < rows.length; k++) {
    const a = rows[k].amounts as RowAmounts;
    for (let j = 0; j < n; j++) sums[j] += a.exactAt(pos[j]);
  }
  // An unusable cell on either side (NaN, Infinity) fails the range test.
  for (let j = 0; j < n; j++) {
    const t = target.exactAt(pos[j]);
    if (!(Math.abs(sums[j]) < 9e15) || !(Math.abs(t) < 9e15) || sums[j] !== t) return false;
  }
  return true;
}

/** columnsSumExactly's key positions and sums, reused while the number of keys stays the same. */
let posBuffer = new Int32Array(0);
let sumBuffer = new Float64Array(0);

/**
 * Whether `row`'s column `target` equals, to the cent, the signed sum of its columns `items`
 * (`signs[k]` is 1 or −1), as checkSum would find it: true also when checkSum would skip (the
 * target or no item present, a cell unreadable or uncalculated). False whenever a finding is
 * possible; then the caller runs the full comparison. Allocates nothing (it runs per row).
 */
export function rowSumsExactly(
  row: TableRow,
  target: string,
  items: readonly string[],
  signs: readonly number[],
): boolean {
  const amounts = row.amounts;
  if (amounts instanceof RowAmounts) {
    // The rows of a table share one key list: the target's and items' positions are found once
    // (for the last list and statement asked about), not by a key scan per cell.
    const list = amounts.sharedKeys;
    if (list !== memo.list || items !== memo.items || target !== memo.target) {
      const pos = new Int32Array(items.length + 1);
      pos[0] = list.indexOf(target);
      for (let k = 0; k < items.length; k++) pos[k + 1] = list.indexOf(items[k]);
      memo = { list, items, target, pos };
    }
    const pos = memo.pos;
    if (pos[0] < 0) return true;
    const t = amounts.exactAt(pos[0]);
    if (t === Infinity) return true;
    if (t !== t) return false;
    let sum = 0;
    let any = false;
    for (let k = 0; k + 1 < pos.length; k++) {
      const p = pos[k + 1];
      if (p < 0) continue;
      any = true;
      const v = amounts.exactAt(p);
      if (v === Infinity) return true;
      sum += signs[k] * v;
    }
    return !any || (Math.abs(sum) < 9e15 && Math.abs(t) < 9e15 && sum === t);
  }
  const cell = row.amounts.get(target);
  if (cell === undefined) return true;
  const t = exactOf(cell);
  if (t === Infinity) return true;
  if (t !== t) return false;
  let sum = 0;
  let any = false;
  for (let k = 0; k < items.length; k++) {
    const item = row.amounts.get(items[k]);
    if (item === undefined) continue;
    any = true;
    const v = exactOf(item);
    if (v === Infinity) return true;
    sum += signs[k] * v;
  }
  return !any || (Math.abs(sum) < 9e15 && Math.abs(t) < 9e15 && sum === t);
}

/** rowSumsExactly's last key positions: `pos[0]` the target's, `pos[k + 1]` item k's (−1: no such column). */
let memo: { list?: readonly string[]; items?: readonly string[]; target: string; pos: Int32Array } = {
  target: '',
  pos: new Int32Array(0),
};

/**
 * Checks `target = Σ items` in one row of a table (`合计 = 基本支出 + 项目支出`), for each row
 * given. Items missing from the table are left out; a target column that is missing skips.
 */
export function checkRowIdentity(
  ctx: RuleContextApi,
  rule: Rule,
  table: RecognizedTable,
  rows: readonly TableRow[],
  target: string,
  items: readonly string[],
): void {
  for (const row of rows) {
    if (sumsExactly(row, target, [row], items)) continue;
    const t = operand(table, row, target);
    if (!t) continue;
    const ops = items
      .map((k) => operand(table, row, k, columnName(table, k)))
      .filter((o): o is Operand => o !== undefined);
    if (ops.length === 0) continue;
    t.label = columnName(table, target).zh;
    t.labelEn = columnName(table, target).en;
    checkSum(ctx, { rule, target: t, items: ops, where: () => where(table, row, target), copied: false });
  }
}

/**
 * Checks a row against the sum of other rows, column by column (`类 = Σ 款`, `总计 = Σ 类`).
 * Item labels are the rows' codes or names.
 */
export function checkRowSum(
  ctx: RuleContextApi,
  rule: Rule,
  table: RecognizedTable,
  parent: TableRow,
  children: readonly TableRow[],
  keys: readonly string[],
  extra: { hint?: BilingualText; copied?: boolean } = {},
): void {
  if (children.length === 0) return;
  for (const key of keys) {
    if (columnSumsExactly(parent, key, children)) continue;
    const t = operand(table, parent, key);
    if (!t) continue;
    const ops = children
      .map((row) => {
        const label = row.code ?? rowLabel(row).zh;
        return operand(table, row, key, { zh: label, en: row.code ?? rowLabel(row).en });
      })
      .filter((o): o is Operand => o !== undefined);
    checkSum(ctx, {
      rule,
      target: t,
      items: ops,
      where: () => where(table, parent, key),
      copied: extra.copied ?? false,
      hint: extra.hint,
    });
  }
}
