import { runSiRuleCases, seed000, setCells, shift, siFindings, styleB } from '../../../test/helpers/si-rule-cases';
import rule from './own-vs-whole';

describe('SI-12 本级 ≤ 全市', () => {
  runSiRuleCases(rule, [
    ['seed 000 (本级 = 全市)', () => seed000(undefined, true), []],
    ['the style (b) package', () => styleB(), []],
    ['seed 000 表4 10211 above 表1', () => shift(seed000(), ['表4!D13'], 1), ['error SI-12 表4!D13']],
    ['a 其中 row', () => shift(seed000(), ['表5!C9'], 1), ['error SI-12 表5!C9']],
    ['the whole area lowered below the 本级', () => shift(seed000(), ['表3!D8'], -1), ['error SI-12 表6!D8']],
    [
      'the 平衡表 (not its 11018/23018 internal transfers)',
      () => setCells(shift(styleB(), ['表八!D4'], 99999), { '表八!C14': 99999, '表八!G13': 99999 }),
      ['error SI-12 表八!D4'],
    ],
  ]);

  it('names both cells', () => {
    const [f] = siFindings([rule], shift(seed000(), ['表4!D13'], 1));
    expect(f.message).toBe(
      '表4 10211 二、机关事业单位基本养老保险基金收入 2024年预算数：本级 36,305 大于表1同一数 36,304，多 1',
    );
    expect(f.related).toEqual(['表1!D13']);
  });
});

describe('SI-12 across units', () => {
  it('compares a 本级 table in 元 with a 全市 table in 万元', () => {
    const m = seed000();
    const t4 = m.sheets.find((s) => s.name === '表4')!;
    t4.rows[2][4] = { v: '单位：元' };
    t4.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (r > 3 && c < 4 && cell && typeof cell.v === 'number') cell.v = cell.v * 10000;
      }),
    );
    expect(siFindings([rule], m)).toEqual([]);
    t4.rows[12][3]!.v = 36304 * 10000 + 1;
    expect(siFindings([rule], m).map((f) => `${f.sheet}!${f.cell}`)).toEqual(['表4!D13']);
  });
});
