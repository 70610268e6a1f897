import { runRuleCases, set } from '../../../test/helpers/rule-cases';
import rule from './h2-total';

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
  ]);
});
