/**
 * SI-6 收支平衡表: 收入总计 = 102 + 11008 + 11017 + 11018; 支出总计 = 209 + 23009 + 23018 + 23019;
 * 收入总计 = 支出总计, in both columns. The totals are declared in ./identities.ts (the fill derives them).
 */
import { Rule } from '../../engine/types';
import { checkIdentity, siOperand, siSum, SUM_MESSAGE } from './check';
import { grandTotals } from './identities';
import { balanceSheet, isSiTable, SHEET_COLUMNS } from './package';

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
        for (const id of grandTotals(bs, period)) checkIdentity(ctx, rule, id);
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
