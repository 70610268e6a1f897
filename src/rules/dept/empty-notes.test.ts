import { runRuleCases } from '../../../test/helpers/rule-cases';
import rule from './empty-notes';
import { ORG } from '../../../test/helpers/seed001';

describe('E1 empty-table notes', () => {
  runRuleCases(rule, [
    ['empty tables with their notes', () => undefined, []],
    [
      'an empty table without the note',
      () => undefined,
      ['warning E1 表9!A1'],
      (m) => {
        const t9 = m.sheets[8];
        t9.rows = t9.rows.slice(0, 5);
      },
    ],
    [
      'a note under a table that has amounts',
      (s) => {
        s.t11 = [
          { name: '总计', values: { total: 5.13, fiscal: 5.13, fiscalProject: 5.13 } },
          { name: ORG, values: { total: 5.13, fiscal: 5.13, fiscalProject: 5.13 } },
        ];
      },
      ['warning E1 表11!A8'],
      (m) => {
        m.sheets[10].rows.push([{ v: `${ORG}2025年没有上年结转结余，上年结转结余情况明细表为空表。` }]);
      },
    ],
  ]);
});
