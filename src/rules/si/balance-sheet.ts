/**
 * SI-6 收支平衡表: 收入总计 = 102 + 11008 + 11017 + 11018; 支出总计 = 209 + 23009 + 23018 + 23019;
 * 收入总计 = 支出总计, in both columns.
 */
import { Rule } from '../../engine/types';
import { siOperand, siSum, SUM_MESSAGE } from './check';
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
        const inKey = SHEET_COLUMNS[period].income;
        const exKey = SHEET_COLUMNS[period].expense;
        const { income, expense } = bs;
        if (income.grand) {
          const items = [income.total, ...['11008', '11017', '11018'].map((c) => income.lines.get(c))];
          siSum(ctx, {
            rule,
            table: t,
            row: income.grand,
            key: inKey,
            items: items.map((r) => siOperand(t, r, inKey)),
          });
        }
        if (expense.grand) {
          const items = [expense.total, ...['23009', '23018', '23019'].map((c) => expense.lines.get(c))];
          siSum(ctx, {
            rule,
            table: t,
            row: expense.grand,
            key: exKey,
            items: items.map((r) => siOperand(t, r, exKey)),
          });
        }
        if (income.grand && expense.grand) {
          siSum(ctx, {
            rule,
            table: t,
            row: income.grand,
            key: inKey,
            items: [siOperand(t, expense.grand, exKey, { zh: '支出总计', en: 'total expenditure' })],
            copied: true,
          });
        }
      }
    }
  },
};

export default rule;
