import { runRuleCases, set } from '../../../test/helpers/rule-cases';
import { formulaRule } from '../../formulas/builtin';

const rule = formulaRule('H1');

// 表3: E 合计, F 基本支出, G 项目支出; row 7 = 208, 8 = 20801, 21 = 21011, 22 = 2101101.
describe('H1 类 = Σ款, 款 = Σ项', () => {
  runRuleCases(rule, [
    ['a consistent package', () => undefined, []],
    [
      'a 项 off by one yuan: its 款 is wrong in the column',
      (s) => set(s.t3, '2101101', { total: 19.91, basic: 19.91 }),
      ['error H1 表3!E21', 'error H1 表3!F21'],
    ],
    [
      'a cent off within rounding is a warning',
      (s) => set(s.t3, '2101102', { total: 4.26, basic: 4.26 }),
      ['warning H1 表3!E21', 'warning H1 表3!F21'],
    ],
    [
      'a 款 off: its 类 is wrong',
      (s) => set(s.t5, '20805', { total: 58.9, basic: 58.9 }),
      ['error H1 表5!E7', 'error H1 表5!F7', 'error H1 表5!E10', 'error H1 表5!F10'],
    ],
    [
      'economic codes (表6): 301 = Σ its 款',
      (s) => set(s.t6, '30103', { total: 56.69, personnel: 56.69 }),
      ['error H1 表6!D7', 'error H1 表6!E7'],
    ],
    [
      'a class without sub-rows is a leaf and is not checked',
      (s) => {
        s.t3 = s.t3.filter((r) => !r.code?.startsWith('221') || r.code === '221');
      },
      [],
    ],
  ]);
});
