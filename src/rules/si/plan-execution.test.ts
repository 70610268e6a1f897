import { runSiRuleCases, seed000, setCells, shift, siFindings, styleB } from '../../../test/helpers/si-rule-cases';
import rule from './plan-execution';

// Style (b): 表二 收入执行 (C = 2023 预计执行数), 表五 收入安排 (B = 2023 预计执行数, C = 2024 预算数); row 4 = 合计,
// 8 = 一、企业职工养老, 9 = its 保险费收入. 表一 平衡表: row 4 = 10201 | 20901, 11 = 102 | 209, 12 = 11008 | 23009.
describe('SI-10 plan, execution and 平衡表 figures agree', () => {
  runSiRuleCases(rule, [
    ['the style (b) package', () => styleB(), []],
    [
      'the fund order differs between tables: rows are matched by meaning',
      () => styleB(undefined, { reversePlan: true }),
      [],
    ],
    ['seed 000 has no execution tables', () => seed000(undefined, true), []],
    [
      'a plan table’s 上年 figure',
      () => shift(styleB(), ['表五!B8'], 1),
      ['error SI-10 表五!B8', 'error SI-10 表一!C4'],
    ],
    ['an execution figure', () => shift(styleB(), ['表二!C8'], 1), ['error SI-10 表五!B8']],
    ['a 其中 row', () => shift(styleB(), ['表九!C9'], 0.01), ['error SI-10 表十二!B9']],
    ['the 平衡表 本年 column', () => shift(styleB(), ['表一!D4'], 1), ['error SI-10 表一!D4']],
    ['the 平衡表 23009 (2023) vs the 结余安排表', () => shift(styleB(), ['表一!G12'], 1), ['error SI-10 表一!G12']],
    ['the 平衡表 23009 (2024)', () => shift(styleB(), ['表八!H12'], 1), ['error SI-10 表八!H12']],
    [
      'a 其中 row with no counterpart',
      () => setCells(styleB(), { '表五!A9': '其中：其他收入' }),
      ['error SI-10 表二!C9', 'error SI-10 表五!B9'],
    ],
  ]);

  it('says so when two tables disagree by exactly 11017 上级补助收入', () => {
    const f = siFindings([rule], shift(styleB(), ['表五!B4'], 1000));
    expect(f.map((x) => `${x.sheet}!${x.cell}`)).toEqual(['表一!C11', '表五!B4']);
    expect(f[1].message).toMatch(
      /^表五 全地区社会保险基金收入合计 2023年预计执行数 [\d,.]+ ≠ 表二 2023年预计执行数 [\d,.]+，差 1,000\.00$/,
    );
    expect(f[1].hint).toBe(
      '差额 1,000.00 恰好等于表一 11017 社会保险基金上级补助收入 1,000.00：很可能是这一行被计入了（或漏掉了）',
    );
  });
});
