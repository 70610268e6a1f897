/**
 * The identities of the 社会保险基金 tables, declared once as data: a target cell (`row[key]`) and
 * the cells that add up to it. The SI rules check them (fund-sums.ts, balance-sheet.ts,
 * opening-balance.ts, roll-forward.ts, plan-execution.ts, percent.ts) and the fill engine derives them (src/fill/derive-si.ts), so the
 * two cannot say different things:
 * - SI-1, SI-3, SI-4: a table's 合计 (102, 209, 23009) = Σ the funds, every amount column; the
 *   平衡表's 102 and 209 = Σ its fund lines in both columns; a row printed again = the first;
 * - SI-2, SI-3: the 合计's 其中 rows = Σ the funds' same 其中 rows (社会保险待遇支出: every 其中 row
 *   of a fund's spending but 大病保险支出);
 * - SI-6: 收入总计 = 102 + 11008 + 11017 + 11018, 支出总计 = 209 + 23009 + 23018 + 23019, and so
 *   23009 = 11008 + 102 − 209 + 11017 + 11018 − 23018 − 23019 (each column);
 * - SI-5: a 结余表's 本年 column = its 上年 column + 收入表 本年 − 支出表 本年, in total and per fund;
 *   the execution 结余表's 合计 = the 平衡表's 11008 + 收入 − 支出 + the transfers;
 * - SI-7: 本年 11008 = 上年 23009 (a copied figure);
 * - SI-10: a plan table's 上年预计执行数 = the execution table's 预计执行数, row by row; the 平衡表's
 *   102, 209, fund lines and 23009 = the plan table's 上年预计执行数 (else the execution table's
 *   预计执行数) and 本年预算数, one order of preference for the check and the fill;
 * - SI-9: the percent column = 本年 ÷ 上年 (plan tables), 预计执行数 ÷ 预算调整数 (execution tables).
 */
import { BilingualText } from '../../i18n/messages';
import { RecognizedTable, TableRow } from '../../recognize/types';
import { percentPrecision as precisionOf } from '../../engine/percent';
import { FUNDS } from '../../templates/si/funds';
import { BalanceSheet, FundTable, moneyKeys, semanticRows, SHEET_COLUMNS, SiPackage, TRANSFER_LINES } from './package';

/** An item of an identity: a row's cell, subtracted when `negate`; `label` names it in a finding. */
export interface SiTerm {
  table: RecognizedTable;
  row: TableRow | undefined;
  key: string;
  negate?: boolean;
  label?: BilingualText;
}

/** `row[key] = Σ items`. */
export interface SiIdentity {
  table: RecognizedTable;
  row: TableRow;
  key: string;
  items: SiTerm[];
  /** The same figure written twice: no rounding excuse. */
  copied?: boolean;
  /** The right side in words, for the fill's reason (`Σ 各险种（7 行）`). */
  what: BilingualText;
}

const SUBS_EN: Record<string, string> = { premium: 'premiums', subsidy: 'subsidies', interest: 'interest' };

/** SI-1, SI-3, SI-4: a fund table's 合计 = Σ its funds, in every amount column. */
export function fundTotals(ft: FundTable): SiIdentity[] {
  if (!ft.total || ft.funds.size === 0) return [];
  const lines = [...ft.funds.values()];
  const what = { zh: `Σ 各险种（${lines.length} 行）`, en: `the sum of ${lines.length} funds` };
  return moneyKeys(ft.table).map((key) => ({
    table: ft.table,
    row: ft.total!,
    key,
    items: lines.map((l) => ({ table: ft.table, row: l.row, key })),
    what,
  }));
}

/** A total or fund row printed again (seed 000's 支出表 repeats 209 at its foot) = the first. */
export function repeatedRows(ft: FundTable): SiIdentity[] {
  return [...ft.repeats].flatMap(([again, first]) =>
    moneyKeys(ft.table).map((key) => ({
      table: ft.table,
      row: again,
      key,
      items: [{ table: ft.table, row: first, key, label: { zh: `第 ${first.r + 1} 行`, en: `row ${first.r + 1}` } }],
      copied: true,
      what: { zh: `第 ${first.r + 1} 行`, en: `row ${first.r + 1}` },
    })),
  );
}

/** SI-1, SI-3: the 平衡表's 102 / 209 = Σ its fund lines, in both columns. */
export function panelTotals(bs: BalanceSheet, panel: 'income' | 'expense'): SiIdentity[] {
  const p = bs[panel];
  if (!p.total || p.funds.size === 0) return [];
  const what = { zh: `Σ 各险种（${p.funds.size} 行）`, en: `the sum of ${p.funds.size} funds` };
  return [SHEET_COLUMNS.P[panel], SHEET_COLUMNS.C[panel]].map((key) => ({
    table: bs.table,
    row: p.total!,
    key,
    items: [...p.funds.values()].map((row) => ({ table: bs.table, row, key })),
    what,
  }));
}

/**
 * SI-2, SI-3: each 其中 row of the 合计 = Σ the funds' same 其中 rows (`benefits`, 社会保险待遇支出:
 * every 其中 row of a fund's spending but 大病保险支出), with the 其中 row's key.
 */
export function ofWhichSums(ft: FundTable): (SiIdentity & { sub: string })[] {
  const out: (SiIdentity & { sub: string })[] = [];
  const lines = [...ft.funds.values()];
  for (const [sub, row] of ft.totalSubs) {
    const rows =
      sub === 'benefits'
        ? lines.flatMap((l) => [...l.subs.entries()].filter(([k]) => k !== 'criticalIllness').map(([, x]) => x))
        : lines.map((l) => l.subs.get(sub)).filter((x): x is TableRow => !!x);
    if (rows.length === 0) continue;
    const name = sub.startsWith('label:') ? sub.slice(6) : (SUBS_EN[sub] ?? sub);
    const what = { zh: `Σ 各险种同名“其中”行`, en: `the funds’ ${name} rows` };
    for (const key of moneyKeys(ft.table))
      out.push({ sub, table: ft.table, row, key, items: rows.map((x) => ({ table: ft.table, row: x, key })), what });
  }
  return out;
}

/** SI-6: 收入总计 = 102 + 11008 + 11017 + 11018 and 支出总计 = 209 + 23009 + 23018 + 23019, in one column pair. */
export function grandTotals(bs: BalanceSheet, period: 'P' | 'C'): SiIdentity[] {
  const out: SiIdentity[] = [];
  const { income, expense } = bs;
  const side = (
    grand: TableRow | undefined,
    total: TableRow | undefined,
    lines: Map<string, TableRow>,
    codes: string[],
    key: string,
    first: string,
  ) => {
    if (!grand) return;
    const text = [first, ...codes].join(' + ');
    out.push({
      table: bs.table,
      row: grand,
      key,
      items: [total, ...codes.map((c) => lines.get(c))].map((row) => ({ table: bs.table, row, key })),
      what: { zh: text, en: text },
    });
  };
  side(income.grand, income.total, income.lines, ['11008', '11017', '11018'], SHEET_COLUMNS[period].income, '102');
  side(expense.grand, expense.total, expense.lines, ['23009', '23018', '23019'], SHEET_COLUMNS[period].expense, '209');
  return out;
}

/**
 * SI-5 and SI-6, the 平衡表 rolled forward in one column pair: 23009 年终结余 = 11008 上年结余收入 + 102
 * − 209 + 11017 + 11018 − 23018 − 23019 (the transfer lines it has). Implied by SI-6's three
 * identities when both 总计 rows are printed.
 */
export function closingBalance(bs: BalanceSheet, period: 'P' | 'C'): SiIdentity | undefined {
  const closing = bs.expense.lines.get('23009');
  if (!closing) return undefined;
  const { income: ik, expense: ek } = SHEET_COLUMNS[period];
  return {
    table: bs.table,
    row: closing,
    key: ek,
    items: [
      { table: bs.table, row: bs.income.lines.get('11008'), key: ik },
      { table: bs.table, row: bs.income.total, key: ik },
      { table: bs.table, row: bs.expense.total, key: ek, negate: true },
      ...transferTerms(bs, period),
    ],
    what: {
      zh: '11008 + 102 − 209 + 11017 + 11018 − 23018 − 23019',
      en: '11008 + 102 − 209 + transfers in − transfers out',
    },
  };
}

/**
 * SI-5, a plan 结余表 line rolled forward: `bal.cur = bal.prev + inc.cur − exp.cur`, and on the total
 * line (`total`) plus the 平衡表's transfers of the year (11017 + 11018 − 23018 − 23019).
 */
export interface RollForwardLine {
  bal?: TableRow;
  inc?: TableRow;
  exp?: TableRow;
  total: boolean;
}

/** The total line first, then each fund's (only `withFunds`: the forms do not say which fund a transfer goes to). */
export function rollForwardLines(
  bal: FundTable,
  inc: FundTable,
  exp: FundTable,
  withFunds: boolean,
): RollForwardLine[] {
  const lines: RollForwardLine[] = [{ bal: bal.total, inc: inc.total, exp: exp.total, total: true }];
  if (withFunds)
    for (const f of FUNDS)
      lines.push({
        bal: bal.funds.get(f.key)?.row,
        inc: inc.funds.get(f.key)?.row,
        exp: exp.funds.get(f.key)?.row,
        total: false,
      });
  return lines;
}

/** The 平衡表's transfer lines of a period (those it has), signed. */
export function transferTerms(bs: BalanceSheet | undefined, period: 'P' | 'C'): SiTerm[] {
  if (!bs) return [];
  return TRANSFER_LINES.map(([panel, code, negate]) => ({
    table: bs.table,
    row: bs[panel].lines.get(code),
    key: SHEET_COLUMNS[period][panel],
    negate,
  })).filter((x) => x.row !== undefined);
}

/** `表3`, or the form's title when the table is not numbered. */
export function siTableShort(t: { printedNo?: string; template: { title: string } }): string {
  return t.printedNo ? `表${t.printedNo}` : t.template.title;
}

/** How a roll-forward names a line of another table: `收入（表2）`. */
export function rollLabel(ft: FundTable, what: BilingualText): BilingualText {
  return { zh: `${what.zh}（${siTableShort(ft.table)}）`, en: what.en };
}

export const ROLL_LABELS = {
  opening: { zh: '上年结余', en: 'opening balance' },
  openingShifted: {
    zh: '上年末结余（本表“本年”列所填）',
    en: 'last year’s closing balance (now in this year’s column)',
  },
  income: { zh: '收入', en: 'income' },
  expense: { zh: '支出', en: 'expenditure' },
};

/**
 * SI-5, the execution 结余表's 合计 (预计执行数) = the 平衡表's 11008 上年结余收入 (上年 column) + 收入
 * − 支出, plus that year's transfers (`transfers`: a finding names the non-zero ones only).
 */
export function executionRollForward(pkg: SiPackage): (SiIdentity & { transfers: SiTerm[] }) | undefined {
  const { balance: bal, income: inc, expense: exp } = pkg.exec;
  const bs = pkg.balanceSheet;
  const opening = bs?.income.lines.get('11008');
  if (!bal?.total || !inc || !exp || !bs || !opening) return undefined;
  return {
    table: bal.table,
    row: bal.total,
    key: 'actual',
    items: [
      {
        table: bs.table,
        row: opening,
        key: SHEET_COLUMNS.P.income,
        label: { zh: `${siTableShort(bs.table)} 11008 上年结余收入`, en: 'opening balance 11008' },
      },
      { table: inc.table, row: inc.total, key: 'actual', label: rollLabel(inc, ROLL_LABELS.income) },
      { table: exp.table, row: exp.total, key: 'actual', negate: true, label: rollLabel(exp, ROLL_LABELS.expense) },
    ],
    transfers: transferTerms(bs, 'P'),
    what: {
      zh: '11008 上年结余收入 + 收入 − 支出（含上下级补助、上解）',
      en: 'opening 11008 + income − expenditure + transfers',
    },
  };
}

/** SI-7: this year's 11008 上年结余收入 = last year's 23009 年终结余 (a copied figure). */
export function openingBalance(bs: BalanceSheet): SiIdentity | undefined {
  const opening = bs.income.lines.get('11008');
  const closing = bs.expense.lines.get('23009');
  if (!opening || !closing) return undefined;
  return {
    table: bs.table,
    row: opening,
    key: SHEET_COLUMNS.C.income,
    items: [
      {
        table: bs.table,
        row: closing,
        key: SHEET_COLUMNS.P.expense,
        label: { zh: '23009 年终结余 上年预计执行数', en: '23009 closing balance, last year' },
      },
    ],
    copied: true,
    what: { zh: '23009 上年预计执行数', en: 'last year’s 23009' },
  };
}

/** One cell of a copied figure; `row` absent when that table lacks the row. */
export interface SiCell {
  t: RecognizedTable;
  row?: TableRow;
  key: string;
}

/**
 * SI-10: a plan table's 上年预计执行数 (`a`) = the execution table's 预计执行数 (`b`), for every row
 * either table has (matched by meaning: the fund order differs between tables).
 */
export function planExecutionCopies(plan: FundTable, exec: FundTable): { a: SiCell; b: SiCell }[] {
  const a = semanticRows(plan);
  const b = semanticRows(exec);
  return [...new Set([...a.keys(), ...b.keys()])].map((k) => ({
    a: { t: plan.table, row: a.get(k), key: 'prev' },
    b: { t: exec.table, row: b.get(k), key: 'actual' },
  }));
}

/** A 平衡表 cell copied from the fund tables (SI-10), its sources in order of preference. */
export interface SheetCopy {
  period: 'P' | 'C';
  /** The 平衡表's cell. */
  a: SiCell & { row: TableRow };
  /**
   * The fund tables' cells it copies, preferred first: the check compares with the first, the fill
   * proposes the first and keeps the others as alternatives. 上年 column: the plan table's
   * 上年预计执行数, else the execution table's 预计执行数; 本年 column: the plan table's 本年预算数.
   */
  sources: SiCell[];
}

const COPY_KINDS = ['income', 'expense', 'balance'] as const;

/**
 * SI-10: the 平衡表's 102 / 209 and fund lines (收入, 支出 tables) and its 23009 (结余 table's 合计)
 * = the same rows of the plan and execution tables, by period: kinds in that order, the total first.
 */
export function sheetCopies(pkg: SiPackage): SheetCopy[] {
  const bs = pkg.balanceSheet;
  if (!bs) return [];
  const out: SheetCopy[] = [];
  for (const kind of COPY_KINDS) {
    const plan = pkg.plan[kind];
    const exec = pkg.exec[kind];
    const planRows = plan && semanticRows(plan);
    const execRows = exec && semanticRows(exec);
    const panel = kind === 'balance' ? 'expense' : kind;
    const rows: [TableRow | undefined, string][] =
      kind === 'balance'
        ? [[bs.expense.lines.get('23009'), 'total']]
        : [
            [bs[panel].total, 'total'],
            ...[...bs[panel].funds].map(([f, row]): [TableRow, string] => [row, `fund:${f}`]),
          ];
    for (const [row, k] of rows) {
      if (!row) continue;
      const prev: SiCell[] = [];
      if (plan) prev.push({ t: plan.table, row: planRows!.get(k), key: 'prev' });
      if (exec) prev.push({ t: exec.table, row: execRows!.get(k), key: 'actual' });
      if (prev.length) out.push({ period: 'P', a: { t: bs.table, row, key: SHEET_COLUMNS.P[panel] }, sources: prev });
      if (plan)
        out.push({
          period: 'C',
          a: { t: bs.table, row, key: SHEET_COLUMNS.C[panel] },
          sources: [{ t: plan.table, row: planRows!.get(k), key: 'cur' }],
        });
    }
  }
  return out;
}

/** SI-9: the percent column's numerator and divisor, by the table's role. */
export const PERCENT_PAIRS: Record<'plan' | 'exec', [num: string, den: string]> = {
  plan: ['cur', 'prev'],
  exec: ['actual', 'budget'],
};

/**
 * SI-9: the percent decimals a table shows (most of its percent cells, 0 … 2), else its style's:
 * 0 (a), 2 (b). The check recomputes and words a missing percent at it, the fill formats its formula
 * with it.
 */
export function percentPrecision(t: RecognizedTable): number {
  return precisionOf(t, 'pct', t.template.id.startsWith('si.a.') ? 0 : 2);
}
