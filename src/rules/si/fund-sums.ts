/**
 * Sums over the funds (表内):
 * SI-1 102 社会保险基金收入合计 = Σ fund incomes (收入表 and the 平衡表's income panel);
 * SI-2 the 合计's 其中 rows = Σ the funds' same 其中 rows (保险费收入, 财政补贴收入, 利息收入 …);
 * SI-3 209 = Σ fund spending (支出表 and the 平衡表), and 其中 社会保险待遇支出 = Σ the funds' 待遇 rows
 *      (every 其中 row of a fund's spending but 大病保险支出, which the forms list beside 待遇);
 * SI-4 23009 年终结余 = Σ fund balances.
 * Every amount column; the interval rule for rounding. A difference that is exactly one fund's
 * amount says so (a fund left out or counted twice). A total or fund row printed twice (seed 000's
 * 支出表 repeats 209 at its foot) must carry the same figures both times.
 */
import { Rule, RuleContextApi } from '../../engine/types';
import { FundTableKind } from '../../templates/si/funds';
import { TableRow } from '../../recognize/types';
import { siOperand, siSum, SUM_MESSAGE } from './check';
import { allFundTables, balanceSheet, FundTable, isSiTable, moneyKeys } from './package';

function fundItems(ft: FundTable, key: string) {
  return [...ft.funds.values()].map((line) => siOperand(ft.table, line.row, key));
}

function sumFunds(ctx: RuleContextApi, rule: Rule, kind: FundTableKind): void {
  for (const ft of allFundTables(ctx)) {
    if (ft.kind !== kind || !ft.total || ft.funds.size === 0) continue;
    for (const key of moneyKeys(ft.table)) {
      siSum(ctx, { rule, table: ft.table, row: ft.total, key, items: fundItems(ft, key) });
    }
  }
  // A row printed twice (the 合计 repeated at the foot of the table) must say the same both times.
  for (const ft of allFundTables(ctx)) {
    if (ft.kind !== kind) continue;
    for (const [again, first] of ft.repeats) {
      for (const key of moneyKeys(ft.table)) {
        siSum(ctx, {
          rule,
          table: ft.table,
          row: again,
          key,
          items: [siOperand(ft.table, first, key, { zh: `第 ${first.r + 1} 行`, en: `row ${first.r + 1}` })],
          copied: true,
        });
      }
    }
  }
  if (kind === 'balance') return;
  for (const t of ctx.tables) {
    const bs = isSiTable(t) ? balanceSheet(t) : undefined;
    if (!bs) continue;
    const panel = bs[kind];
    if (!panel.total || panel.funds.size === 0) continue;
    for (const key of kind === 'income' ? ['inPrev', 'inCur'] : ['exPrev', 'exCur']) {
      const items = [...panel.funds.values()].map((row) => siOperand(t, row, key));
      siSum(ctx, { rule, table: t, row: panel.total, key, items });
    }
  }
}

function rule(id: string, title: { zh: string; en: string }, run: (ctx: RuleContextApi, self: Rule) => void): Rule {
  const r: Rule = {
    id,
    scope: 'table',
    severity: 'error',
    family: 'si',
    title,
    ...SUM_MESSAGE,
    run: (ctx) => run(ctx, r),
  };
  return r;
}

export const SI1 = rule(
  'SI-1',
  { zh: '社会保险基金收入合计 = Σ各险种收入', en: 'Fund income total = Σ funds' },
  (ctx, r) => sumFunds(ctx, r, 'income'),
);

export const SI2 = rule(
  'SI-2',
  { zh: '合计的“其中”行 = Σ各险种同名“其中”行', en: 'The total’s “of which” rows = Σ the funds’ same rows' },
  (ctx, r) => {
    for (const ft of allFundTables(ctx)) {
      if (!ft.total || ft.kind === 'balance') continue;
      for (const [sub, row] of ft.totalSubs) {
        if (sub === 'benefits') continue;
        const rows = [...ft.funds.values()].map((l) => l.subs.get(sub)).filter((x): x is TableRow => !!x);
        if (rows.length === 0) continue;
        for (const key of moneyKeys(ft.table)) {
          siSum(ctx, { rule: r, table: ft.table, row, key, items: rows.map((x) => siOperand(ft.table, x, key)) });
        }
      }
    }
  },
);

export const SI3 = rule(
  'SI-3',
  {
    zh: '社会保险基金支出合计 = Σ各险种支出，待遇支出 = Σ各险种待遇',
    en: 'Fund spending = Σ funds; benefits = Σ fund benefits',
  },
  (ctx, r) => {
    sumFunds(ctx, r, 'expense');
    for (const ft of allFundTables(ctx)) {
      const benefits = ft.totalSubs.get('benefits');
      if (ft.kind !== 'expense' || !benefits) continue;
      const rows = [...ft.funds.values()].flatMap((l) =>
        [...l.subs.entries()].filter(([k]) => k !== 'criticalIllness').map(([, x]) => x),
      );
      if (rows.length === 0) continue;
      for (const key of moneyKeys(ft.table)) {
        siSum(ctx, {
          rule: r,
          table: ft.table,
          row: benefits,
          key,
          items: rows.map((x) => siOperand(ft.table, x, key)),
        });
      }
    }
  },
);

export const SI4 = rule(
  'SI-4',
  { zh: '年终结余合计 = Σ各险种结余', en: 'Closing balance = Σ fund balances' },
  (ctx, r) => sumFunds(ctx, r, 'balance'),
);

export default [SI1, SI2, SI3, SI4];
