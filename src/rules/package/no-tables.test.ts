import { runRuleCases } from '../../../test/helpers/rule-cases';
import rule from './no-tables';
import { exampleProcurementSheet } from '../../../test/helpers/pack-sample';

describe('P2 no table recognised', () => {
  runRuleCases(rule, [
    ['a package with its tables', () => undefined, []],
    ['one recognised table is enough', () => undefined, [], (m) => m.sheets.splice(1)],
    [
      'a workbook of numbers without titles or headers',
      () => undefined,
      ['error P2 !'],
      (m) => m.sheets.splice(0, m.sheets.length, { name: '大表', rows: [[{ v: 1 }], [{ v: 2 }]], merges: [] }),
    ],
    ['an empty workbook', () => undefined, ['error P2 !'], (m) => m.sheets.splice(0)],
    [
      'only a table of no declared form, which the inference checks: a warning, not an error',
      () => undefined,
      ['warning P2 !'],
      (m) => m.sheets.splice(0, m.sheets.length, exampleProcurementSheet()),
    ],
  ]);
});
