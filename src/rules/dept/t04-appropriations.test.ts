import { runRuleCases } from '../../../test/helpers/rule-cases';
import { formulaRule } from '../../formulas/builtin';

const rule = formulaRule('T4');
import type { Seed001 } from '../../../test/helpers/seed001';

const expense = (code: string, values: Record<string, number | undefined>) => (s: Seed001) => {
  const r = s.t4.expense.find((x) => x.code === code || x.name === code)!;
  r.values = { ...r.values, ...values };
};

// 表4: B income 合计 (5 财政拨款, 34 收入总计); D 支出合计, E 一般公共预算 (row 12 = 208, 34 = 支出总计).
describe('T4 财政拨款收支平衡', () => {
  runRuleCases(rule, [
    ['a consistent package', () => undefined, []],
    [
      '财政拨款（补助） ≠ 一般 + 基金 + 国资',
      (s) => {
        s.t4.income[1].values = { inTotal: 1105.45 };
      },
      ['error T4 表4!B5'],
    ],
    [
      'an expense row 合计 ≠ 一般 + 基金 + 国资',
      expense('208', { exTotal: 1055.63 }),
      ['error T4 表4!D12', 'error T4 表4!D34'],
    ],
    [
      '支出总计 ≠ Σ类 and ≠ 收入总计',
      expense('支出总计', { exTotal: 1200, exGpb: 1200 }),
      ['error T4 表4!D34', 'error T4 表4!E34', 'error T4 表4!B34'],
    ],
  ]);
});
