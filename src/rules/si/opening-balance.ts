/**
 * SI-7 this year's 11008 上年结余收入 = last year's 23009 年终结余 (平衡表: 本年预算数 of 11008 = 上年预计执行数
 * of 23009). The same quantity written twice: any difference is an error, never rounding.
 */
import { Rule } from '../../engine/types';
import { COPY_MESSAGE, siOperand, siSum } from './check';
import { balanceSheet, isSiTable, SHEET_COLUMNS } from './package';

const rule: Rule = {
  id: 'SI-7',
  scope: 'table',
  severity: 'error',
  family: 'si',
  title: { zh: '本年上年结余收入 = 上年年终结余', en: 'This year’s opening balance = last year’s closing balance' },
  ...COPY_MESSAGE,
  run(ctx) {
    for (const t of ctx.tables) {
      const bs = isSiTable(t) ? balanceSheet(t) : undefined;
      const opening = bs?.income.lines.get('11008');
      const closing = bs?.expense.lines.get('23009');
      if (!opening || !closing) continue;
      siSum(ctx, {
        rule,
        table: t,
        row: opening,
        key: SHEET_COLUMNS.C.income,
        items: [
          siOperand(t, closing, SHEET_COLUMNS.P.expense, {
            zh: '23009 年终结余 上年预计执行数',
            en: '23009 closing balance, last year',
          }),
        ],
        copied: true,
      });
    }
  },
};

export default rule;
