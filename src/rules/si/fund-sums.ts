/**
 * Sums over the funds (表内):
 * SI-1 102 社会保险基金收入合计 = Σ fund incomes (收入表 and the 平衡表's income panel);
 * SI-2 the 合计's 其中 rows = Σ the funds' same 其中 rows (保险费收入, 财政补贴收入, 利息收入 …);
 * SI-3 209 = Σ fund spending (支出表 and the 平衡表), and 其中 社会保险待遇支出 = Σ the funds' 待遇 rows
 *      (every 其中 row of a fund's spending but 大病保险支出, which the forms list beside 待遇);
 * SI-4 23009 年终结余 = Σ fund balances.
 * Every amount column; the interval rule for rounding. A difference that is exactly one fund's
 * amount says so (a fund left out or counted twice). A total or fund row printed twice (seed 000's
 * 支出表 repeats 209 at its foot) must carry the same figures both times. Declared in ./identities.ts,
 * where the fill engine takes them too.
 */
import { Rule, RuleContextApi } from '../../engine/types';
import { FundTableKind } from '../../templates/si/funds';
import { checkIdentity, SUM_MESSAGE } from './check';
import { fundTotals, ofWhichSums, panelTotals, repeatedRows } from './identities';
import { allFundTables, balanceSheet, isSiTable } from './package';

function sumFunds(ctx: RuleContextApi, rule: Rule, kind: FundTableKind): void {
  const tables = allFundTables(ctx).filter((ft) => ft.kind === kind);
  for (const ft of tables) for (const id of fundTotals(ft)) checkIdentity(ctx, rule, id);
  // A row printed twice (the 合计 repeated at the foot of the table) must say the same both times.
  for (const ft of tables) for (const id of repeatedRows(ft)) checkIdentity(ctx, rule, id);
  if (kind === 'balance') return;
  for (const t of ctx.tables) {
    const bs = isSiTable(t) ? balanceSheet(t) : undefined;
    if (bs) for (const id of panelTotals(bs, kind)) checkIdentity(ctx, rule, id);
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
      for (const id of ofWhichSums(ft)) if (id.sub !== 'benefits') checkIdentity(ctx, r, id);
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
      if (ft.kind !== 'expense') continue;
      for (const id of ofWhichSums(ft)) if (id.sub === 'benefits') checkIdentity(ctx, r, id);
    }
  },
);

export const SI4 = rule(
  'SI-4',
  { zh: '年终结余合计 = Σ各险种结余', en: 'Closing balance = Σ fund balances' },
  (ctx, r) => sumFunds(ctx, r, 'balance'),
);

export default [SI1, SI2, SI3, SI4];
