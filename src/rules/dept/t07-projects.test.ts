import { runRuleCases, set } from '../../../test/helpers/rule-cases';
import { formulaRule } from '../../formulas/builtin';
import { ORG } from '../../../test/helpers/seed001';

const rule = formulaRule('T7');

// 表7: F 项目支出合计, G..P economic columns; row 6 总计, 7 unit, 10 = 2080109 project.
describe('T7 项目支出合计', () => {
  runRuleCases(rule, [
    ['a consistent package', () => undefined, []],
    ['a project row 合计 ≠ Σ economic columns', (s) => set(s.t7, '2080109', { e302: 12.46 }), ['error T7 表7!F10']],
    [
      'the unit row ≠ 总计 (and ≠ its own columns)',
      (s) => set(s.t7, ORG, { total: 717.53 }),
      ['error T7 表7!F7', 'error T7 表7!F7'],
    ],
    [
      'a function row ≠ Σ its projects',
      (s) => {
        const i = s.t7.findIndex((r) => r.code === '2080109');
        s.t7.splice(i, 0, {
          code: '2080109',
          name: '社会保险经办机构',
          values: { total: 16, e302: 13.64, e310: 2.36 },
        });
      },
      ['error T7 表7!F10', 'error T7 表7!H10'],
    ],
  ]);
});
