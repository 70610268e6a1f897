/**
 * SI-7 this year's 11008 上年结余收入 = last year's 23009 年终结余 (平衡表: 本年预算数 of 11008 = 上年预计执行数
 * of 23009). The same quantity written twice: any difference is an error, never rounding. Declared in
 * ./identities.ts (the fill copies it).
 */
import { Rule } from '../../engine/types';
import { checkIdentity, COPY_MESSAGE } from './check';
import { openingBalance } from './identities';
import { balanceSheet, isSiTable } from './package';

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
      const id = bs && openingBalance(bs);
      if (id) checkIdentity(ctx, rule, id);
    }
  },
};

export default rule;
