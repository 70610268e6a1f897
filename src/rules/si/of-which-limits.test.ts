import { runSiRuleCases, seed000, setCells, siFindings, styleB } from '../../../test/helpers/si-rule-cases';
import rule from './of-which-limits';

describe('SI-8 其中 never above its parent', () => {
  runSiRuleCases(rule, [
    ['seed 000 corrected', () => seed000(), []],
    ['the style (b) package', () => styleB(), []],
    [
      'a fund’s 保险费收入 above the fund (seed 000 10211)',
      () => setCells(seed000(), { '表1!C14': 40000 }),
      ['error SI-8 表1!C14'],
    ],
    ['the total’s 其中 above the total', () => setCells(seed000(), { '表1!D6': 50000 }), ['error SI-8 表1!D6']],
    ['a 其中 amount under an empty fund (10201)', () => setCells(seed000(), { '表1!C10': 5 }), ['error SI-8 表1!C10']],
    [
      'an uncoded 其中 row continuing the run (财政补贴收入 of 企业职工养老)',
      () => setCells(styleB(), { '表二!C10': 99999 }),
      ['error SI-8 表二!C10'],
    ],
    ['a 待遇 row above its fund', () => setCells(styleB(), { '表六!C7': 99999 }), ['error SI-8 表六!C7']],
  ]);

  it('names the parent', () => {
    const [f] = siFindings([rule], setCells(seed000(), { '表1!C10': 5 }));
    expect(f.message).toBe(
      '表1 1020101 其中:企业职工基本养老保险费收入 2023年完成数：其中项有金额 5.00，但所属的“10201 一、企业职工基本养老保险基金收入”为空',
    );
    expect(f.related).toEqual(['表1!C9']);
  });
});
