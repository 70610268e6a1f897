import { findings, runRuleCases, set } from '../../../test/helpers/rule-cases';
import { formulaRule } from '../../formulas/builtin';

const rule = formulaRule('H2');

describe('H2 总计 = Σ类', () => {
  runRuleCases(rule, [
    ['a consistent package', () => undefined, []],
    ['总计 off in 表3 合计', (s) => set(s.t3, '总计', { total: 1115.26 }), ['error H2 表3!E6']],
    ['a rounding difference is a warning', (s) => set(s.t5, '总计', { basic: 388.2 }), ['warning H2 表5!F6']],
    [
      '总计 at the bottom (合计) is found too',
      (s) => {
        const total = s.t2.shift()!;
        total.name = '合计';
        total.values!.total = 1000;
        s.t2.push(total);
      },
      ['error H2 表2!E26'],
    ],
    [
      'a total with no class rows under it: an error at its first amount',
      (s) => s.t3.splice(0, s.t3.length, ...s.t3.filter((r) => !r.code)),
      ['error H2 表3!E6'],
    ],
  ]);

  it('says “各类” and “表3 总计有金额 …，但表中没有任何类级科目”', () => {
    const off = findings([rule], (s) => set(s.t3, '总计', { total: 1115.26 }));
    expect(off[0].message).toMatch(/^表3 总计 合计：1,115\.26 ≠ 各类 /);
    expect(off[0].messageId).toBe('formula.classes');
    const none = findings([rule], (s) => s.t3.splice(0, s.t3.length, ...s.t3.filter((r) => !r.code)));
    expect(none.map((f) => f.message)).toEqual(['表3 总计有金额 1114.26，但表中没有任何类级科目']);
  });
});
