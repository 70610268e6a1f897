import { runRuleCases } from '../../../test/helpers/rule-cases';
import { formulaRule } from '../../formulas/builtin';

const rule = formulaRule('T10');
import type { GenRow } from '../../generate/layout';

const rows = (total: number, vehicles: number, running: number, gpbTotal = total): GenRow[] => [
  { name: '合计', values: { total, gpb: gpbTotal } },
  { name: '因公出国（境）费' },
  { name: '公务接待费', values: { total: 1, gpb: 1 } },
  { name: '公务用车购置及运行费（小计）', values: { total: vehicles, gpb: vehicles } },
  { name: '其中：公务用车购置费' },
  { name: '公务用车运行费', values: { total: running, gpb: running } },
];

// 表10: B 合计, C 一般公共预算; rows 6 合计, 9 小计.
describe('T10 “三公”经费', () => {
  runRuleCases(rule, [
    ['a consistent table', (s) => (s.t10 = rows(6.2, 5.2, 5.2)), []],
    ['合计 ≠ 出国 + 接待 + 小计', (s) => (s.t10 = rows(6.3, 5.2, 5.2)), ['error T10 表10!B6', 'error T10 表10!C6']],
    ['小计 ≠ 购置 + 运行', (s) => (s.t10 = rows(6.2, 5.2, 5.1)), ['error T10 表10!B9', 'error T10 表10!C9']],
    [
      '合计 ≠ 一般 + 基金 + 国资',
      (s) => (s.t10 = rows(6.2, 5.2, 5.2, 6.0)),
      ['error T10 表10!B6', 'error T10 表10!C6'],
    ],
  ]);
});
