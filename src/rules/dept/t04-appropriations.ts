/**
 * T4 财政拨款收支预算总体情况表: 财政拨款（补助） = 一般公共预算 + 政府性基金预算 + 国有资本经营预算;
 * (MoF form) 上年结转 = its 其中 rows and 收入总计 = 本年 + 结转; every expense row 合计 = 一般 + 基金 +
 * 国资; 支出总计 = Σ类 per column; 收入总计 = 支出总计.
 */
import { amountKeys, checkRowIdentity, checkRowSum, codedRows, fixedRow } from '../../engine/access';
import { checkSum, operand, where } from '../../engine/compare';
import { Rule } from '../../engine/types';
import { TableRow } from '../../recognize/types';

const rule: Rule = {
  id: 'T4',
  scope: 'table',
  severity: 'error',
  family: 'dept',
  title: { zh: '表4 财政拨款收支平衡', en: 'Table 4 appropriations balance' },
  message: {
    zh: '{where}：{actual} ≠ {items} = {expected}，差 {difference}',
    en: '{where}: {actual} ≠ {items} = {expected}, difference {difference}',
  },
  run(ctx) {
    for (const table of ctx.tablesOf('dept.t04')) {
      const rows = (keys: string[]) =>
        keys.map((k) => fixedRow(table, k)).filter((r): r is TableRow => r !== undefined);
      const fiscal = fixedRow(table, 'fiscal');
      if (fiscal) checkRowSum(ctx, rule, table, fiscal, rows(['gpb', 'gfb', 'socb']), ['inTotal']);
      const carry = fixedRow(table, 'carry');
      if (carry) checkRowSum(ctx, rule, table, carry, rows(['carryGpb', 'carryGfb', 'carrySocb']), ['inTotal']);
      const incomeTotal = fixedRow(table, 'incomeTotal');
      if (incomeTotal && fiscal) checkRowSum(ctx, rule, table, incomeTotal, rows(['fiscal', 'carry']), ['inTotal']);
      const expenseRows = table.rows.filter(
        (r) => r.panel === 'expense' && (r.kind === 'code' || r.key === 'expenseTotal'),
      );
      checkRowIdentity(ctx, rule, table, expenseRows, 'exTotal', ['exGpb', 'exGfb', 'exSocb']);
      const expenseTotal = fixedRow(table, 'expenseTotal');
      if (expenseTotal) {
        const classes = codedRows(table, 'expense').filter((r) => r.code!.length === 3);
        checkRowSum(ctx, rule, table, expenseTotal, classes, amountKeys(table, 'expense'));
      }
      if (incomeTotal && expenseTotal) {
        const a = operand(table, incomeTotal, 'inTotal', { zh: '收入总计', en: 'total income' });
        const b = operand(table, expenseTotal, 'exTotal', { zh: '支出总计', en: 'total expenditure' });
        if (a && b)
          checkSum(ctx, {
            rule,
            target: a,
            items: [b],
            where: () => where(table, incomeTotal, 'inTotal'),
            copied: true,
          });
      }
    }
  },
};

export default rule;
