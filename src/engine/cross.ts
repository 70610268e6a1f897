/**
 * Comparisons between tables: a figure of one table against a figure (or the sum of figures) of
 * another, by fixed row or total, or row by row matched on classification code.
 */
import { BilingualText, findingMessage } from '../i18n/messages';
import { formatAmount } from '../amount/format';
import { RecognizedTable, TableRow } from '../recognize/types';
import { a1 } from '../workbook/model';
import { allTemplates } from '../templates';
import { codedRowIndex, fixedRow, isFirstOfCode, rowsWithCode, sumsExactly, totalRow } from './access';
import { cellRefOf, checkSum, columnName, operand, Operand, reportMissingTable, rowLabel, tableName } from './compare';
import { Rule, RuleContextApi } from './types';

/** Where a figure is: a logical table, a row (total, a fixed key, or a code) and columns (summed). */
export interface FigureRef {
  table: string;
  row: 'total' | { key: string } | { code: string };
  cols: string[];
  /** Restrict code rows to a panel (two-panel tables). */
  panel?: 'income' | 'expense';
}

function findRow(t: RecognizedTable, ref: FigureRef): TableRow | undefined {
  if (ref.row === 'total')
    return (ref.panel && t.rows.find((r) => r.kind === 'total' && r.panel === ref.panel)) || totalRow(t);
  if ('key' in ref.row) return fixedRow(t, ref.row.key);
  return codeRowFor(t, ref.row.code, ref.panel);
}

/** The row of a code: a function row, else the first coded row (the sum of a code's project rows is not formed here). */
export function codeRowFor(t: RecognizedTable, code: string, panel?: 'income' | 'expense'): TableRow | undefined {
  const rows = rowsWithCode(t, code, panel);
  for (const r of rows) if (r.kind === 'code') return r;
  return rows[0];
}

function projectRowsFor(t: RecognizedTable, code: string, first: TableRow, panel?: 'income' | 'expense'): TableRow[] {
  if (first.kind !== 'project') return [first];
  return rowsWithCode(t, code, panel).filter((r) => r.kind === 'project');
}

const labels = new WeakMap<RecognizedTable, Map<string, BilingualText>>();

/** `表3 基本支出`: made once per table and column (row-by-row comparisons ask for it 100k times). */
function columnLabel(t: RecognizedTable, key: string): BilingualText {
  let perTable = labels.get(t);
  if (!perTable) labels.set(t, (perTable = new Map()));
  let label = perTable.get(key);
  if (!label) {
    const cn = columnName(t, key);
    const tn = tableName(t);
    perTable.set(key, (label = { zh: `${tn.zh} ${cn.zh}`, en: `${tn.en} ${cn.en}` }));
  }
  return label;
}

function operands(t: RecognizedTable, row: TableRow, cols: string[]): Operand[] {
  const out: Operand[] = [];
  for (const k of cols) {
    const op = operand(t, row, k, columnLabel(t, k));
    if (op) out.push(op);
  }
  return out;
}

function describeRef(t: RecognizedTable, row: TableRow, col: string): BilingualText {
  const tn = tableName(t);
  const rl = rowLabel(row);
  const cn = columnName(t, col);
  return { zh: `${tn.zh} ${rl.zh} ${cn.zh}`, en: `${tn.en} ${rl.en}, ${cn.en}` };
}

function reportRowMissing(
  ctx: RuleContextApi,
  rule: Rule,
  t: RecognizedTable,
  row: TableRow,
  col: string,
  other: RecognizedTable,
  rowText: string,
): void {
  const cell = row.amounts.get(col);
  if (!cell || !cell.value || cell.value.isZero()) return;
  const w = describeRef(t, row, col);
  const on = tableName(other);
  ctx.report({
    rule: rule.id,
    severity: rule.severity,
    sheet: t.sheet.name,
    cell: a1(cell.r, cell.c),
    related: [],
    expected: '0',
    actual: cell.value.toFixed(),
    difference: cell.value.toFixed(),
    ...findingMessage('cross.rowMissing', { where: w, amount: formatAmount(cell.value), other: on, row: rowText }),
  });
}

/** The two tables a comparison needs, or undefined with the missing ones noted. */
function tablesOf(
  ctx: RuleContextApi,
  a: string,
  b: string,
  missing: Set<string>,
): [RecognizedTable, RecognizedTable] | undefined {
  const ta = ctx.table(a);
  const tb = ctx.table(b);
  if (!ta) missing.add(a);
  if (!tb) missing.add(b);
  return ta && tb ? [ta, tb] : undefined;
}

/** Compares figure `a` with figure `b` (b's columns summed). Missing tables give one 提示 per rule. */
export function compareFigures(
  ctx: RuleContextApi,
  rule: Rule,
  a: FigureRef,
  b: FigureRef,
  missing: Set<string>,
): void {
  const both = tablesOf(ctx, a.table, b.table, missing);
  if (!both) return;
  const [ta, tb] = both;
  const ra = findRow(ta, a);
  const rb = findRow(tb, b);
  const label = typeof a.row === 'object' && 'code' in a.row ? a.row.code : '';
  if (!ra && !rb) return;
  if (!ra) {
    for (const col of b.cols) reportRowMissing(ctx, rule, tb, rb!, col, ta, label || '总计');
    return;
  }
  if (!rb) {
    reportRowMissing(ctx, rule, ta, ra, a.cols[0], tb, label || '总计');
    return;
  }
  const target = operands(ta, ra, a.cols.slice(0, 1))[0];
  // A code printed on several project rows without a function row (表7) counts as their sum.
  const rowsB = typeof b.row === 'object' && 'code' in b.row ? projectRowsFor(tb, b.row.code, rb, b.panel) : [rb];
  const items = rowsB.flatMap((row) => operands(tb, row, b.cols));
  if (!target || items.length === 0) return;
  checkSum(ctx, { rule, target, items, where: () => describeRef(ta, ra, a.cols[0]), copied: items.length === 1 });
}

/**
 * A figure against the sum of figures from any tables (`表4 一般公共预算 支出总计 = 表5 总计 + 表4
 * 上年结转`). Missing tables are collected; missing rows count as empty.
 */
export function compareSumAcross(
  ctx: RuleContextApi,
  rule: Rule,
  target: FigureRef,
  items: FigureRef[],
  missing: Set<string>,
): void {
  const tt = ctx.table(target.table);
  if (!tt) missing.add(target.table);
  const resolved = items.map((ref) => {
    const t = ctx.table(ref.table);
    if (!t) missing.add(ref.table);
    const row = t && findRow(t, ref);
    return t && row ? operands(t, row, ref.cols) : [];
  });
  if (!tt || items.some((ref) => !ctx.table(ref.table))) return;
  const row = findRow(tt, target);
  if (!row) return;
  const op = operands(tt, row, target.cols.slice(0, 1))[0];
  const ops = resolved.flat();
  if (!op || ops.length === 0) return;
  checkSum(ctx, { rule, target: op, items: ops, where: () => describeRef(tt, row, target.cols[0]), copied: false });
}

/** Compares two tables row by row, matching rows by code (levels: code lengths to include). */
export function compareByCode(
  ctx: RuleContextApi,
  rule: Rule,
  a: Omit<FigureRef, 'row'>,
  b: Omit<FigureRef, 'row'>,
  levels: number[],
  missing: Set<string>,
): void {
  const both = tablesOf(ctx, a.table, b.table, missing);
  if (!both) return;
  const [ta, tb] = both;
  const ia = codedRowIndex(ta, a.panel);
  const ib = codedRowIndex(tb, b.panel);
  // The codes of A (the first row of each, in order), then those only B has: the order findings
  // come in. Tables listing the same codes in the same order (表2 and 表3) are matched by
  // position, without a lookup per code; `inA[j]`: B's j-th coded row was so matched.
  const nb = ib.coded.length;
  const inA = new Uint8Array(nb);
  const check = (code: string, ra: TableRow | undefined, rb: TableRow | undefined) => {
    // Most codes agree to the cent: confirm that on the cells, without operands, closures or
    // figure objects; anything else (a missing row, a mismatch, a unit change) takes the full path.
    if (agreesExactly(ta, ra, a.cols[0], tb, rb, b.cols)) return;
    compareFigures(ctx, rule, { ...a, row: { code } }, { ...b, row: { code } }, missing);
  };
  for (let i = 0; i < ia.coded.length; i++) {
    if (!isFirstOfCode(ia, i)) continue;
    const first = ia.coded[i];
    const code = first.code!;
    const same = i < nb && ib.coded[i].code === code && isFirstOfCode(ib, i);
    if (same) inA[i] = 1;
    if (!levels.includes(code.length)) continue;
    // codeRowFor's answers: a function row, else the first row of the code.
    const ra = first.kind === 'code' ? first : codeRowFor(ta, code, a.panel);
    const rb = same && ib.coded[i].kind === 'code' ? ib.coded[i] : codeRowFor(tb, code, b.panel);
    check(code, ra, rb);
  }
  for (let j = 0; j < nb; j++) {
    if (inA[j] || !isFirstOfCode(ib, j)) continue;
    const code = ib.coded[j].code!;
    if (!levels.includes(code.length) || rowsWithCode(ta, code, a.panel).length > 0) continue;
    check(code, codeRowFor(ta, code, a.panel), codeRowFor(tb, code, b.panel));
  }
}

/**
 * Whether `ra`'s column `col` equals the sum of `rb`'s columns `cols` exactly in cents, every cell
 * usable: then compareFigures → checkSum would find them equal (or both empty) and report nothing.
 * False whenever that is not certain (the caller then runs the full comparison).
 */
function agreesExactly(
  ta: RecognizedTable,
  ra: TableRow | undefined,
  col: string,
  tb: RecognizedTable,
  rb: TableRow | undefined,
  cols: readonly string[],
): boolean {
  if (!ra || !rb || rb.kind === 'project' || ta.unit !== tb.unit) return false;
  // One list for every call (no array per compared code), emptied after: it keeps no table alive.
  ONE_ROW.push(rb);
  try {
    return sumsExactly(ra, col, ONE_ROW, cols);
  } finally {
    ONE_ROW.pop();
  }
}

const ONE_ROW: TableRow[] = [];

/** One 提示 per rule naming the tables it could not find. */
export function reportMissingTables(ctx: RuleContextApi, rule: Rule, missing: Set<string>): void {
  if (missing.size) reportMissingTable(ctx, rule, [...missing].map(titleOf).join('、'));
}

function titleOf(table: string): string {
  const t = allTemplates().find((x) => x.table === table);
  return t ? `表${t.no} ${t.title}` : table;
}

export { cellRefOf };
