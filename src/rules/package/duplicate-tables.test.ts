import { runRuleCases } from '../../../test/helpers/rule-cases';
import rule from './duplicate-tables';

describe('P1 duplicate tables', () => {
  runRuleCases(rule, [
    ['each table once', () => undefined, []],
    [
      'a second copy of 表3 on another sheet',
      () => undefined,
      ['warning P1 表3 (2)!A1'],
      (m) => m.sheets.push({ ...structuredClone(m.sheets[2]), name: '表3 (2)' }),
    ],
  ]);
});
