import { catalogFromWorkbook } from '../../catalog/catalog';
import { brief, findings, runRuleCases } from '../../../test/helpers/rule-cases';
import { sheetFromValues } from '../../workbook/model';
import rule from './codes-names';

describe('K1 codes and names', () => {
  runRuleCases(rule, [
    ['a consistent package', () => undefined, []],
    [
      'a name that does not match its code',
      (s) => {
        s.t2.find((r) => r.code === '20801')!.name = '人力资源和社会管理事务';
      },
      ['warning K1 表2!D8'],
    ],
    [
      'a 款 code lost (the row reads as its 类)',
      (s) => {
        s.t3.find((r) => r.code === '20805')!.code = '208';
      },
      ['warning K1 表3!A10'],
    ],
    [
      'an unknown code is an info against the bundled (partial) list',
      (s) => {
        const r = s.t5.find((x) => x.code === '2080109')!;
        r.code = '2080188';
        r.name = '某新增科目';
      },
      ['info K1 表5!A9'],
    ],
    [
      'a 项 without its 款 row is an error',
      (s) => {
        s.t3 = s.t3.filter((r) => r.code !== '21011');
      },
      ['error K1 表3!A21', 'error K1 表3!A22'],
    ],
  ]);

  it('makes unknown codes warnings once an official list is loaded', () => {
    const official = catalogFromWorkbook(
      {
        sheets: [
          sheetFromValues('科目', [
            ['208', '社会保障和就业支出'],
            ['20801', '人力资源和社会保障管理事务'],
          ]),
        ],
      },
      'official.xlsx',
    );
    const f = findings([rule], () => undefined, undefined, { catalog: official });
    expect(f.every((x) => x.severity === 'warning' || x.severity === 'error')).toBe(true);
    expect(f.some((x) => x.rule === 'K1' && /不在所载入的官方科目表中/.test(x.message))).toBe(true);
    expect(f.map(brief)).toContain('warning K1 表3!A9');
  });
});
