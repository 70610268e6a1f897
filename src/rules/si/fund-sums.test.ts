import { Decimal } from '../../amount/decimal';
import {
  runSiRuleCases,
  seed000,
  setCells,
  shift,
  siFindings,
  styleB,
  valueAt,
} from '../../../test/helpers/si-rule-cases';
import rules, { SI1, SI2, SI3, SI4 } from './fund-sums';

// Seed 000 表1: row 5 = 102, 6–8 = 其中 保险费/财政补贴/利息, 13 = 10211, 17 = 10210; C = 2023, D = 2024.
// Style (b) 表二 (收入执行): row 4 = 合计, 5 = 其中 保险费收入, 8 = 企业职工养老; 表一 (平衡表) row 11 = 102 / 209.
describe('fund sums (SI-1 … SI-4)', () => {
  runSiRuleCases(rules, [
    ['seed 000 corrected', () => seed000(), []],
    ['the style (b) package', () => styleB(), []],
    ['SI-1: a fund’s income changed (表1 10211 2024)', () => shift(seed000(), ['表1!D13'], 10), ['error SI-1 表1!D5']],
    ['SI-1: the 平衡表 102 ≠ Σ funds', () => shift(styleB(), ['表一!C11'], 1), ['error SI-1 表一!C11']],
    ['SI-1 in the execution table', () => shift(styleB(), ['表二!C8'], 1), ['error SI-1 表二!C4']],
    ['SI-2: 其中 保险费收入 of the total', () => shift(seed000(), ['表1!C6'], -20), ['error SI-2 表1!C6']],
    ['SI-2: a fund’s 利息收入', () => shift(styleB(), ['表九!B11'], 1), ['error SI-2 表九!B7']],
    [
      'SI-3: 209 ≠ Σ funds, and its repeat at the foot differs',
      () => shift(seed000(), ['表2!D5'], 100),
      ['error SI-3 表2!D5', 'error SI-3 表2!D22'],
    ],
    ['SI-3: the repeated 209 alone', () => shift(seed000(), ['表2!C22'], 1), ['error SI-3 表2!C22']],
    ['SI-3: 社会保险待遇支出 ≠ Σ fund 待遇', () => shift(styleB(), ['表六!C7'], 1), ['error SI-3 表六!C5']],
    ['SI-3: 大病保险支出 is not a 待遇 row', () => shift(styleB(), ['表六!C16'], 1), []],
    ['SI-4: a fund balance', () => shift(seed000(), ['表6!C8'], 5), ['error SI-4 表6!C5']],
    [
      'rounding: a 1 万元 difference in an integer table is within the interval rule',
      () => shift(seed000(), ['表3!D7'], 1),
      ['warning SI-4 表3!D5'],
    ],
  ]);

  it('says so when the difference is exactly one fund (left out or counted twice)', () => {
    const m = seed000();
    setCells(m, { '表1!D5': valueAt(m, '表1!D5') - valueAt(m, '表1!D17') });
    const [f] = siFindings([SI1], m);
    expect(f.message).toBe(
      '表1 102 社会保险基金收入合计 2024年预算数：36,304 ≠ 10211 36,304 + 10210 7,173 = 43,477，差 7,173',
    );
    expect(f.hint).toBe('差额 7,173 恰好等于 10210 7,173：很可能是这一行被计入了（或漏掉了）');
    expect(f).toMatchObject({
      expected: '43477',
      actual: '36304',
      difference: '-7173',
      related: ['表1!D9', '表1!D13', '表1!D17', '表1!D21', '表1!D25', '表1!D29', '表1!D33'],
    });
  });

  it('reports in the unit and decimals of the table', () => {
    const [f] = siFindings([SI2, SI3, SI4], shift(styleB(), ['表五!C5'], 0.01));
    expect(f.message).toMatch(
      /^表五 全地区社会保险基金收入合计 其中：保险费收入 2024年预算数：[\d,]+\.\d\d ≠ 7 项之和 = /,
    );
    expect(new Decimal(f.difference!).abs().toFixed()).toBe('0.01');
    expect(f.severity).toBe('warning');
  });
});
