import { runRuleCases, set } from '../../../test/helpers/rule-cases';
import type { Seed001 } from '../../../test/helpers/seed001';
import { formulaRule } from '../../formulas/builtin';

const rules = ['X1', 'X4', 'X6', 'X8', 'X10'].map(formulaRule);

describe('cross-table rows by code (X1, X4, X6, X8, X10)', () => {
  runRuleCases(rules, [
    ['a consistent package', () => undefined, []],
    [
      'X1: 表1 class ≠ 表3 class',
      (s: Seed001) => {
        s.t1.expense.find((r) => r.code === '210')!.values = { exAmount: 23.61 };
      },
      ['error X1 表1!D14'],
    ],
    [
      'X4: a 表2 row ≠ the 表3 row with its code',
      (s) => set(s.t3, '2080505', { total: 34.23, basic: 34.23 }),
      ['error X4 表2!E13'],
    ],
    [
      'X6: 表4 class ≠ 表5 class',
      (s: Seed001) => {
        s.t4.expense.find((r) => r.code === '221')!.values = { exTotal: 27.57, exGpb: 27.57 };
      },
      ['error X6 表4!E24'],
    ],
    [
      'X8: a 表5 row vs 表2 一般公共预算 + 转移支付 (a sum: a cent is rounding) and X10 (a copy: a cent is an error)',
      (s) => set(s.t5, '2080699', { total: 1.01, project: 1.01 }),
      ['warning X8 表5!E15', 'error X10 表5!G15'],
    ],
    [
      'X10: a 表5 row 项目支出 ≠ the 表7 function row',
      (s) => set(s.t7, '2083001', { total: 129.68, e303: 129.68 }),
      ['error X10 表5!G19'],
    ],
    [
      'a row missing in one table',
      (s) => {
        s.t3 = s.t3.filter((r) => r.code !== '2080502');
      },
      ['error X4 表2!E12'],
    ],
  ]);
});
