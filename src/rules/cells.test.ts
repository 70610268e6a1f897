import { runRuleCases } from '../../test/helpers/rule-cases';
import rule from './cells';

describe('C1 unreadable cells', () => {
  runRuleCases(rule, [
    ['a readable package', () => undefined, []],
    [
      'text that is no number',
      () => undefined,
      ['error C1 表3!E8'],
      (m) => {
        m.sheets[2].rows[7][4] = { v: '302.2.0' };
      },
    ],
    [
      'an Excel error value',
      () => undefined,
      ['error C1 表3!E8'],
      (m) => {
        m.sheets[2].rows[7][4] = { v: { error: '#REF!' }, f: '=Sheet9!A1' };
      },
    ],
    [
      'a formula without a cached result',
      () => undefined,
      ['warning C1 表3!E8'],
      (m) => {
        m.sheets[2].rows[7][4] = { v: null, f: '=SUM(E9:E9)' };
      },
    ],
  ]);
});
