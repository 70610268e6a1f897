/**
 * The derived cells of the 社会保险基金 tables, for the fill engine (the rules that check them in
 * brackets):
 * - fund sums (SI-1, SI-3, SI-4): 102 / 209 / 23009 / the style (b) 合计 = Σ the funds, every amount
 *   column, in the 收入/支出/结余 tables (plan and execution) and both panels of the 平衡表; a 合计
 *   printed again at the foot of a table = the first one;
 * - the 合计's 其中 rows (SI-2, SI-3): 保险费收入, 财政补贴收入, 利息收入 = Σ the funds' same rows;
 *   社会保险待遇支出 = Σ the funds' 其中 rows but 大病保险支出 (a fund itself is never derived from
 *   its 其中 rows: they are a partial breakdown);
 * - roll-forward (SI-5): a 结余表's 本年 column = its 上年 column + 收入表 本年 − 支出表 本年, per fund
 *   when the package's 平衡表 shows no transfers, and in total (an alternative to Σ funds) with them;
 *   the 平衡表's 23009 = 11008 + 102 − 209 + 11017 + 11018 − 23018 − 23019 in each column, and its
 *   本年 11008 = its 上年 23009 (SI-7); the execution 结余表's 合计 from 11008 likewise (an alternative);
 * - 平衡表 totals (SI-6): 收入总计 = 102 + 11008 + 11017 + 11018, 支出总计 = 209 + 23009 + 23018 + 23019;
 * - copied figures (SI-10): a plan table's 上年预计执行数 = the execution table's 预计执行数, row by
 *   row; the 平衡表's fund lines, 102, 209 and 23009 = the plan table's 上年预计执行数 (else the
 *   execution table's 预计执行数; the other as an alternative) and 本年预算数;
 * - percents (SI-9): 本年 ÷ 上年 (plan), 预计执行数 ÷ 预算调整数 (execution), as `=IF(B5=0,"",C5/B5)`
 *   formatted at the table's own precision (`0%` in style (a), `0.00%` in style (b)).
 * When a cell has several derivations, the in-table one comes first and the others are
 * alternatives (used when its items are all empty). The fund sums, the 其中 sums, the 平衡表 totals
 * and its 23009 roll-forward,
 * 11008, the plan 结余表's roll-forward lines, the copies between tables (SI-10, with the check's
 * order of preference) and the percents' pairs are the identities the rules check, declared once in
 * src/rules/si/identities.ts.
 */
import type { CellRef, Derivation, DerivationItem, DerivationKind } from './derive';
import { RecognizedTable, TableRow } from '../recognize/types';
import { tableName } from '../engine/compare';
import {
  BalanceSheet,
  balanceSheet,
  columnHeader,
  fundTable,
  FundTable,
  SHEET_COLUMNS,
  SiPackage,
  siPackages,
  siRowLabel,
  TRANSFER_LINES,
} from '../rules/si/package';
import {
  closingBalance,
  executionRollForward,
  fundTotals,
  grandTotals,
  ofWhichSums,
  openingBalance,
  panelTotals,
  PERCENT_PAIRS,
  percentPrecision,
  planExecutionCopies,
  repeatedRows,
  sheetCopies,
  rollForwardLines,
  SiIdentity,
  transferTerms,
} from '../rules/si/identities';

type Reason = { zh: string; en: string };

class Derivations {
  readonly byTarget = new Map<string, Derivation>();
  add(d: Derivation | undefined): void {
    if (!d || d.items.length === 0) return;
    const k = `${d.target.table.sheet.name}\u0000${d.target.r}\u0000${d.target.c}`;
    const first = this.byTarget.get(k);
    if (!first) this.byTarget.set(k, d);
    else (first.alternatives ??= []).push(d);
  }
}

function ref(t: RecognizedTable, row: TableRow | undefined, key: string, negate = false): DerivationItem | undefined {
  const c = t.columns.get(key);
  if (!row || c === undefined) return undefined;
  return negate ? { table: t, r: row.r, c, negate } : { table: t, r: row.r, c };
}

function where(t: RecognizedTable, row: TableRow, key: string): string {
  return `${tableName(t).zh} ${siRowLabel(row).zh} ${columnHeader(t, key)}`;
}

function whereEn(t: RecognizedTable, row: TableRow, key: string): string {
  return `${tableName(t).en} ${siRowLabel(row).en}, ${key}`;
}

function derivation(
  target: CellRef | undefined,
  items: (DerivationItem | undefined)[],
  kind: DerivationKind,
  reason: Reason,
): Derivation | undefined {
  const present = items.filter((i): i is DerivationItem => i !== undefined);
  if (!target || present.length === 0) return undefined;
  return { target, items: present, kind, reason };
}

/** A declared identity (src/rules/si/identities.ts) as a derivation of its target. */
function fromIdentity(id: SiIdentity, kind: DerivationKind): Derivation | undefined {
  return derivation(
    ref(id.table, id.row, id.key),
    id.items.map((i) => ref(i.table, i.row, i.key, i.negate)),
    kind,
    {
      zh: `${where(id.table, id.row, id.key)} = ${id.what.zh}`,
      en: `${whereEn(id.table, id.row, id.key)} = ${id.what.en}`,
    },
  );
}

/** 合计 = Σ funds, 其中 rows of the 合计 = Σ the funds' same rows, a repeated row = the first. */
function fundTableSums(out: Derivations, ft: FundTable): void {
  for (const id of fundTotals(ft)) out.add(fromIdentity(id, 'hierarchy'));
  for (const id of ofWhichSums(ft)) out.add(fromIdentity(id, 'hierarchy'));
  for (const id of repeatedRows(ft)) out.add(fromIdentity(id, 'copy'));
}

function transferItems(bs: BalanceSheet | undefined, period: 'P' | 'C'): DerivationItem[] {
  return transferTerms(bs, period)
    .map((x) => ref(x.table, x.row, x.key, x.negate))
    .filter((x): x is DerivationItem => !!x);
}

function hasTransfers(bs: BalanceSheet | undefined, period: 'P' | 'C'): boolean {
  if (!bs) return false;
  return TRANSFER_LINES.some(([panel, code]) => {
    const cell = bs[panel].lines.get(code)?.amounts.get(SHEET_COLUMNS[period][panel]);
    return !!cell && (cell.invalid !== undefined || (cell.value !== null && !cell.value.isZero()));
  });
}

/** The 平衡表 on its own: Σ funds, 23009 by roll-forward, 11008 本年 = 23009 上年, the 总计 rows. */
function balanceSheetSums(out: Derivations, bs: BalanceSheet): void {
  for (const panel of ['income', 'expense'] as const)
    for (const id of panelTotals(bs, panel)) out.add(fromIdentity(id, 'hierarchy'));
  for (const period of ['P', 'C'] as const) {
    const roll = closingBalance(bs, period);
    if (roll) out.add(fromIdentity(roll, 'identity'));
    for (const id of grandTotals(bs, period)) out.add(fromIdentity(id, 'fixed'));
  }
  const opening = openingBalance(bs);
  if (opening) out.add(fromIdentity(opening, 'copy'));
}

function copy(out: Derivations, target: DerivationItem | undefined, source: DerivationItem | undefined, what: Reason) {
  if (target && source) out.add({ target, items: [source], kind: 'copy', reason: what });
}

/** Roll-forward and the figures carried between the tables of one package. */
function packageDerivations(out: Derivations, pkg: SiPackage): void {
  const bs = pkg.balanceSheet;
  const { income: pInc, expense: pExp, balance: pBal } = pkg.plan;
  const { income: eInc, expense: eExp, balance: eBal } = pkg.exec;

  // SI-5, plan 结余表: per fund when there are no transfers; the total as an alternative to Σ funds.
  if (pBal && pInc && pExp) {
    for (const line of rollForwardLines(pBal, pInc, pExp, !hasTransfers(bs, 'C'))) {
      const bal = line.bal;
      if (!bal) continue;
      const items = [
        ref(pBal.table, bal, 'prev'),
        ref(pInc.table, line.inc, 'cur'),
        ref(pExp.table, line.exp, 'cur', true),
        ...(line.total ? transferItems(bs, 'C') : []),
      ];
      out.add(
        derivation(ref(pBal.table, bal, 'cur'), items, 'identity', {
          zh: `${where(pBal.table, bal, 'cur')} = 上年结余 + 收入 − 支出${line.total && bs ? '（含上下级补助、上解）' : ''}`,
          en: `${whereEn(pBal.table, bal, 'cur')} = opening + income − expenditure${line.total && bs ? ' + transfers' : ''}`,
        }),
      );
    }
  }
  // SI-5, execution 结余表 total from the 平衡表's 11008 (an alternative to Σ funds).
  const exec = executionRollForward(pkg);
  if (exec) out.add(fromIdentity({ ...exec, items: [...exec.items, ...exec.transfers] }, 'identity'));
  // SI-10: plan 上年预计执行数 = execution 预计执行数, row by row.
  for (const [plan, exec] of [
    [pInc, eInc],
    [pExp, eExp],
    [pBal, eBal],
  ] as const) {
    if (!plan || !exec) continue;
    for (const { a, b } of planExecutionCopies(plan, exec)) {
      if (!a.row || !b.row) continue;
      copy(out, ref(a.t, a.row, a.key), ref(b.t, b.row, b.key), {
        zh: `${where(a.t, a.row, a.key)} 取自 ${tableName(b.t).zh} 预计执行数`,
        en: `${whereEn(a.t, a.row, a.key)} from ${tableName(b.t).en}`,
      });
    }
  }
  // SI-10: the 平衡表's fund lines, 102, 209 and 23009 from the plan (上年, else the execution
  // table's; 本年) tables, the check's source first and the others as alternatives.
  for (const { a, sources } of sheetCopies(pkg)) {
    for (const b of sources) {
      if (!b.row) continue;
      copy(out, ref(a.t, a.row, a.key), ref(b.t, b.row, b.key), {
        zh: `${where(a.t, a.row, a.key)} 取自 ${tableName(b.t).zh}`,
        en: `${whereEn(a.t, a.row, a.key)} from ${tableName(b.t).en}`,
      });
    }
  }
}

function percents(out: Derivations, ft: FundTable): void {
  const t = ft.table;
  if (!t.columns.has('pct')) return;
  const [numKey, denKey] = PERCENT_PAIRS[ft.role];
  const decimals = percentPrecision(t);
  const numFmt = decimals === 0 ? '0%' : `0.${'0'.repeat(decimals)}%`;
  for (const row of t.rows) {
    const target = ref(t, row, 'pct');
    const num = ref(t, row, numKey);
    const den = ref(t, row, denKey);
    if (!target || !num || !den) continue;
    out.add({
      target,
      items: [num, den],
      kind: 'identity',
      op: 'ratio',
      percentDecimals: decimals,
      numFmt,
      reason: {
        zh: `${where(t, row, 'pct')} = ${columnHeader(t, numKey)} ÷ ${columnHeader(t, denKey)}`,
        en: `${whereEn(t, row, 'pct')} = ${numKey} ÷ ${denKey}`,
      },
    });
  }
}

/** Every derivation of the 社会保险基金 tables among `tables` (one per cell, others as alternatives). */
export function siDerivations(tables: readonly RecognizedTable[]): Derivation[] {
  const si = tables.filter((t) => t.template.family === 'si');
  if (si.length === 0) return [];
  const out = new Derivations();
  const packages = siPackages({ tables: si });
  const fundTables = si.map(fundTable).filter((x): x is FundTable => !!x);
  const sheets = si.map(balanceSheet).filter((b): b is BalanceSheet => !!b);
  for (const ft of fundTables) fundTableSums(out, ft);
  for (const bs of sheets) balanceSheetSums(out, bs);
  for (const pkg of packages) packageDerivations(out, pkg);
  for (const ft of fundTables) percents(out, ft);
  return [...out.byTarget.values()];
}
