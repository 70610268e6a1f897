import { runRuleCases } from '../../../test/helpers/rule-cases';
import { formulaRule } from '../../formulas/builtin';

const rule = formulaRule('T1');

const income = (name: string, v: number | undefined) => (s: import('../../../test/helpers/seed001').Seed001) => {
  const row = s.t1.income.find((r) => r.name === name)!;
  row.values = { inAmount: v };
};

// 表1: B = income amounts (rows 5 本年收入, 6 一般公共预算拨款, 16 单位资金, 34 收入总计), D = expense amounts.
describe('T1 收支总体情况表内平衡', () => {
  runRuleCases(rule, [
    ['a consistent package', () => undefined, []],
    ['一般公共预算拨款 ≠ 一般财力 + 转移支付', income('其中：一般财力', 1100.54), ['error T1 表1!B6']],
    ['单位资金 ≠ its 其中 rows', income('其他收入', 9.72), ['error T1 表1!B16']],
    ['本年收入 ≠ items 1–5', income('一、本年收入', 1000), ['error T1 表1!B5', 'error T1 表1!B34']],
    [
      '支出总计 ≠ Σ类 and ≠ 收入总计',
      (s) => {
        s.t1.expense.find((r) => r.name === '支出总计')!.values = { exAmount: 1114.27 };
      },
      ['warning T1 表1!D34', 'error T1 表1!B34'],
    ],
  ]);
});
