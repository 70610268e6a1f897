import { findings, runRuleCases, set } from '../../../test/helpers/rule-cases';
import type { WorkbookModel } from '../../workbook/model';
import type { Seed001 } from '../../../test/helpers/seed001';
import { formulaRule } from '../../formulas/builtin';

const rules = ['X2', 'X3', 'X5', 'X7', 'X9', 'X10', 'X11', 'X12'].map(formulaRule);

const income = (name: string, v: number | undefined) => (s: Seed001) => {
  s.t1.income.find((r) => r.name === name)!.values = { inAmount: v };
};

describe('cross-table figures (X2, X3, X5, X7, X9, X10, X11, X12)', () => {
  runRuleCases(rules, [
    ['a consistent package', () => undefined, []],
    [
      'X2: 表2 总计 ≠ 表3 总计 (a copied figure: no rounding excuse)',
      (s) => set(s.t2, '总计', { total: 1114.27 }),
      ['error X2 表1!B34', 'error X2 表2!E6'],
    ],
    ['X3: 表1 一般财力 ≠ 表2 总计 一般公共预算', income('其中：一般财力', 1104.45), ['error X3 表1!B7']],
    [
      'X5: 表4 一般公共预算 ≠ 表1 一般公共预算拨款',
      (s) => {
        s.t4.income[1].values = { inTotal: 1105.45 };
      },
      ['error X5 表4!B6'],
    ],
    ['X7: 表5 总计 ≠ 表4 支出总计 一般公共预算', (s) => set(s.t5, '总计', { total: 1105.55 }), ['error X7 表5!E6']],
    ['X9: 表6 总计 ≠ 表5 基本支出', (s) => set(s.t6, '总计', { total: 388.29, public: 6.39 }), ['error X9 表6!D6']],
    ['X10: 表7 总计 ≠ 表5 项目支出', (s) => set(s.t7, '总计', { total: 717.53 }), ['error X10 表7!F6']],
    [
      'X11: 表8 has amounts but 表4 has no 基金 spending',
      (s) => {
        s.t8 = [
          { name: '总计', values: { total: 10, project: 10 } },
          { code: '212', name: '城乡社区支出', values: { total: 10, project: 10 } },
        ];
      },
      ['error X11 表8!E6'],
    ],
    [
      'X12: 表11 总计 ≠ 表1 上年结转结余',
      (s) => {
        s.t11 = [{ name: '总计', values: { total: 5.13, fiscal: 5.13, fiscalProject: 5.13 } }];
      },
      ['error X12 表11!B6', 'error X12 表11!C6'],
    ],
  ]);

  it('reports one 提示 per rule when a table is missing', () => {
    const f = findings(
      rules,
      () => undefined,
      (m: WorkbookModel) => {
        m.sheets.splice(4, 1);
      },
    );
    const infos = f.filter((x) => x.severity === 'info');
    expect(infos.map((x) => x.rule).sort()).toEqual(['X10', 'X7', 'X9']);
    expect(infos[0].message).toMatch(/缺少“表5 一般公共预算支出情况表”/);
  });
});
