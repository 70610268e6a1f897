import { runRuleCases, set } from '../../../test/helpers/rule-cases';
import rules from './soft';

describe('soft rules (S1–S4) give 提示 only', () => {
  runRuleCases(rules, [
    ['a consistent package', () => undefined, []],
    [
      'S1: 表6 30113 住房公积金 ≠ 表5 2210201 基本支出',
      (s) => set(s.t6, '30113', { total: 27.57, personnel: 27.57 }),
      ['info S1 表6!D14'],
    ],
    ['S1: a rounding difference says nothing', (s) => set(s.t6, '30110', { total: 23.17, personnel: 23.17 }), []],
    [
      'S2: 表10 公务用车运行费 ≠ 表6 30231',
      (s) => {
        s.t6.push({ code: '30231', name: '公务用车运行维护费', values: { total: 5.2, public: 5.2 } });
        s.t10 = [
          { name: '合计', values: { total: 5.0, gpb: 5.0 } },
          { name: '公务用车购置及运行费（小计）', values: { total: 5.0, gpb: 5.0 } },
          { name: '公务用车运行费', values: { total: 5.0, gpb: 5.0 } },
        ];
      },
      ['info S2 表10!C8'],
    ],
    [
      'S3: 2082602 booked as 工资福利支出',
      (s) => {
        const r = s.t7.find((x) => x.code === '2082602')!;
        r.values = { total: 571.49, e301: 571.49 };
      },
      ['info S3 表7!G14'],
    ],
    [
      'S4: 表1 shows a carry-over that 表4 (Xinjiang form) cannot hold',
      (s) => {
        const carry = s.t1.income.find((r) => r.name === '1. 财政拨款结转')!;
        carry.values = { inAmount: 5.13 };
      },
      ['info S4 表4!B34'],
    ],
  ]);
});
