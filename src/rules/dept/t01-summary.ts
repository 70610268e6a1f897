/**
 * T1 部门收支总体情况表: 一般公共预算拨款 = 一般财力 + 上级转移支付 (same for 基金 and 国资);
 * 单位资金 = its five 其中 rows; 本年收入 = items 1–5; 上年结转结余 = 财政拨款结转 + 非财政拨款结转结余
 * and each of those = its 其中 rows; 收入总计 = 本年收入 + 上年结转结余; 支出总计 = Σ类; 收入总计 = 支出总计.
 */
import { checkRowSum, codedRows, fixedRow } from '../../engine/access';
import { checkSum, operand, where } from '../../engine/compare';
import { Rule } from '../../engine/types';
import { TableRow } from '../../recognize/types';

const SUMS: [string, string[]][] = [
  ['gpb', ['gpbOwn', 'gpbTransfer']],
  ['gfb', ['gfbOwn', 'gfbTransfer']],
  ['socb', ['socbOwn', 'socbTransfer']],
  ['unit', ['unitBusiness', 'unitSuperior', 'unitAffiliated', 'unitOperating', 'unitOther']],
  ['thisYear', ['gpb', 'gfb', 'socb', 'special', 'unit']],
  ['fiscalCarry', ['fiscalCarryGpb', 'fiscalCarryGfb', 'fiscalCarrySocb']],
  ['nonFiscalCarry', ['nonFiscalCarrySpecial', 'nonFiscalCarryUnit']],
  ['carryover', ['fiscalCarry', 'nonFiscalCarry']],
  ['incomeTotal', ['thisYear', 'carryover']],
];

const rule: Rule = {
  id: 'T1',
  scope: 'table',
  severity: 'error',
  family: 'dept',
  title: { zh: '表1 收支总体情况表内平衡', en: 'Table 1 internal balance' },
  message: {
    zh: '{where}：{actual} ≠ {items} = {expected}，差 {difference}',
    en: '{where}: {actual} ≠ {items} = {expected}, difference {difference}',
  },
  run(ctx) {
    for (const table of ctx.tablesOf('dept.t01')) {
      for (const [parentKey, childKeys] of SUMS) {
        const parent = fixedRow(table, parentKey);
        if (!parent) continue;
        const children = childKeys.map((k) => fixedRow(table, k)).filter((r): r is TableRow => r !== undefined);
        const labelled = children.map((c) => ({ ...c, code: undefined, name: c.name.replace(/^其中[:：]\s*/, '') }));
        checkRowSum(ctx, rule, table, parent, labelled, ['inAmount']);
      }
      const expenseTotal = fixedRow(table, 'expenseTotal');
      if (expenseTotal) {
        const classes = codedRows(table, 'expense').filter((r) => r.code!.length === 3);
        checkRowSum(ctx, rule, table, expenseTotal, classes, ['exAmount']);
      }
      const incomeTotal = fixedRow(table, 'incomeTotal');
      if (incomeTotal && expenseTotal) {
        const a = operand(table, incomeTotal, 'inAmount', { zh: '收入总计', en: 'total income' });
        const b = operand(table, expenseTotal, 'exAmount', { zh: '支出总计', en: 'total expenditure' });
        if (a && b)
          checkSum(ctx, {
            rule,
            target: a,
            items: [b],
            where: () => where(table, incomeTotal, 'inAmount'),
            copied: true,
          });
      }
    }
  },
};

export default rule;
