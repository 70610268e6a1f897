import { runSiRuleCases, seed000, setCells, siFindings, styleB } from '../../../test/helpers/si-rule-cases';
import rule from './labels';

describe('SI-11 全市 and 本级 name rows alike', () => {
  runSiRuleCases(rule, [
    ['seed 000 corrected', () => seed000(), []],
    ['the style (b) package (全地区… vs 本级… totals are alike)', () => styleB(), []],
    [
      'seed 000 as published: 10211 and the 失业保险 rows of 表4',
      () => seed000(undefined, true),
      ['info SI-11 表4!B13', 'info SI-11 表4!B35', 'info SI-11 表4!B36'],
    ],
    ['a 平衡表 line', () => setCells(styleB(), { '表八!F12': '社会保险基金年末滚存结余' }), ['info SI-11 表八!F12']],
  ]);

  it('quotes both names', () => {
    const [f] = siFindings([rule], seed000(undefined, true));
    expect(f.message).toBe(
      '表4 10211 行名为“二、机关事业基本养老保险基金收入”，表1同一行为“二、机关事业单位基本养老保险基金收入”，建议统一',
    );
    expect(f.related).toEqual(['表1!B13']);
  });
});
