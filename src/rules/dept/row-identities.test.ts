import { runRuleCases, set } from '../../../test/helpers/rule-cases';
import { formulaRule } from '../../formulas/builtin';

const rules = ['T2', 'T3', 'T5', 'T8', 'T9'].map(formulaRule);

// 表2: E 总计, F 小计, G 一般公共预算, H 上级转移支付, N 单位资金. 表3/表5: E 合计, F 基本, G 项目.
describe('row identities (T2, T3, T5, T8, T9)', () => {
  runRuleCases(rules, [
    ['a consistent package', () => undefined, []],
    [
      'T2: 小计 ≠ col3 + col4 (and 总计 ≠ 小计 + …)',
      (s) => set(s.t2, '2080109', { fiscal: 293.84 }),
      ['error T2 表2!F9', 'error T2 表2!E9'],
    ],
    ['T2: 总计 ≠ 小计 + 单位资金', (s) => set(s.t2, '20801', { total: 302.3 }), ['error T2 表2!E8']],
    ['T3: 合计 ≠ 基本 + 项目', (s) => set(s.t3, '20806', { total: 1.1 }), ['error T3 表3!E14']],
    ['T5: a cent is a rounding warning', (s) => set(s.t5, '2080109', { total: 293.49 }), ['warning T5 表5!E9']],
    [
      'T8: 合计 ≠ 人员 + 公用 + 项目',
      (s) => {
        s.t8 = [
          { name: '总计', values: { total: 10, personnel: 3, public: 2, project: 5 } },
          { code: '212', name: '城乡社区支出', values: { total: 10, personnel: 3, public: 2, project: 4 } },
        ];
      },
      ['error T8 表8!E7'],
    ],
  ]);
});
