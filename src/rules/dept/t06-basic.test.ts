import { runRuleCases, set } from '../../../test/helpers/rule-cases';
import { formulaRule } from '../../formulas/builtin';

const rule = formulaRule('T6');

// 表6: D 合计, E 人员经费, F 公用经费; row 6 总计, 7 = 301, 15 = 302.
describe('T6 人员经费与公用经费', () => {
  runRuleCases(rule, [
    ['a consistent package', () => undefined, []],
    ['a row 合计 ≠ 人员 + 公用', (s) => set(s.t6, '30201', { total: 1.1 }), ['error T6 表6!D16']],
    ['总计 人员经费 ≠ 301 + 303', (s) => set(s.t6, '总计', { personnel: 382.9, total: 389.19 }), ['error T6 表6!E6']],
    ['总计 公用经费 ≠ 302', (s) => set(s.t6, '总计', { public: 7.29, total: 389.19 }), ['error T6 表6!F6']],
  ]);
});
