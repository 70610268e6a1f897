/**
 * SI-6 收支平衡表: 收入总计 = 102 + 11008 + 11017 + 11018; 支出总计 = 209 + 23009 + 23018 + 23019;
 * 收入总计 = 支出总计, in both columns; and so 23009 = 11008 + 102 − 209 + 11017 + 11018 − 23018 − 23019,
 * checked itself when a 总计 row is missing. The identities are declared in ./identities.ts (the fill
 * derives them).
 */
import { Rule } from '../../engine/types';
import { checkIdentity, siOperand, siSum, SUM_MESSAGE } from './check';
import { closingBalance, grandTotals, SiIdentity } from './identities';
import { BalanceSheet, balanceSheet, isSiTable, SHEET_COLUMNS } from './package';

/**
 * SI-6's identities in one column pair: the two 总计 rows, and the 23009 roll-forward
 * (./identities.ts, the fill derives 23009 from it). With both 总计 rows printed the roll-forward
 * follows from the other three (收入总计 = 支出总计 included): a wrong 23009 is already reported at
 * a 总计, so it is checked only when a 总计 row is missing.
 */
export function balanceSheetIdentities(bs: BalanceSheet, period: 'P' | 'C'): SiIdentity[] {
  const roll = bs.income.grand && bs.expense.grand ? undefined : closingBalance(bs, period);
  return [...grandTotals(bs, period), ...(roll ? [roll] : [])];
}

const rule: Rule = {
  id: 'SI-6',
  scope: 'table',
  severity: 'error',
  family: 'si',
  title: { zh: '收支平衡表 总计', en: 'Balance sheet totals' },
  ...SUM_MESSAGE,
  run(ctx) {
    for (const t of ctx.tables) {
      const bs = isSiTable(t) ? balanceSheet(t) : undefined;
      if (!bs) continue;
      for (const period of ['P', 'C'] as const) {
        for (const id of balanceSheetIdentities(bs, period)) checkIdentity(ctx, rule, id);
        const { income, expense } = bs;
        if (income.grand && expense.grand) {
          siSum(ctx, {
            rule,
            table: t,
            row: income.grand,
            key: SHEET_COLUMNS[period].income,
            items: [
              siOperand(t, expense.grand, SHEET_COLUMNS[period].expense, { zh: '支出总计', en: 'total expenditure' }),
            ],
            copied: true,
          });
        }
      }
    }
  },
};

export default rule;
