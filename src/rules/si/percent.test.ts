import { runSiRuleCases, seed000, setCells, shift, siFindings, styleB } from '../../../test/helpers/si-rule-cases';
import { WorkbookModel } from '../../workbook/model';
import rule from './percent';

// Seed 000 表1: E = 预算数为上年完成数的% (integer, 0% format); row 5 = 102 (98%), 18 = 1021001 (1,747 ÷ 1,743 = 100%).
// Style (b): D = % with 2 decimals (0.00% format).
const plain = (m: WorkbookModel, sheet: string, r: number, c: number, v: number | string) => {
  m.sheets.find((s) => s.name === sheet)!.rows[r][c] = { v };
  return m;
};

describe('SI-9 percent columns', () => {
  runSiRuleCases(rule, [
    ['seed 000 as published (integer percents all recompute)', () => seed000(undefined, true), []],
    ['the style (b) package (2-decimal percents)', () => styleB(), []],
    ['a wrong integer percent', () => setCells(seed000(), { '表1!E18': 1.01 }), ['error SI-9 表1!E18']],
    [
      'a percent the rounding of the amounts explains (2 ÷ 3 in whole 万元 may be 100% … 233%)',
      () => setCells(seed000(), { '表1!C20': 2, '表1!D20': 3, '表1!E20': 1.2 }),
      ['warning SI-9 表1!E20'],
    ],
    [
      'a missing percent where both amounts exist',
      () => setCells(seed000(), { '表1!E13': undefined }),
      ['warning SI-9 表1!E13'],
    ],
    ['a percent without its base', () => setCells(seed000(), { '表1!E9': 1.05 }), ['warning SI-9 表1!E9']],
    ['percent written as text: 98% is right', () => plain(seed000(), '表1', 4, 4, '98%'), []],
    ['percent written as text: 97% is wrong', () => plain(seed000(), '表1', 4, 4, '97%'), ['error SI-9 表1!E5']],
    ['percentage points as a plain number (98)', () => plain(seed000(), '表1', 4, 4, 98), []],
    ['a plain fraction (0.975476… unrounded)', () => plain(seed000(), '表1', 4, 4, 43477 / 44570), []],
    ['a 2-decimal percent off by 0.01', () => shift(styleB(), ['表五!D4'], 0.0001), ['error SI-9 表五!D4']],
    [
      'an execution table’s percent (预计执行数 ÷ 预算调整数)',
      () => shift(styleB(), ['表二!C4'], 100),
      ['error SI-9 表二!D4'],
    ],
  ]);

  it('writes the recomputation at the table’s precision', () => {
    const [f] = siFindings([rule], setCells(seed000(), { '表1!E18': 1.01 }));
    expect(f.message).toBe(
      '表1 1021001 其中:城乡居民基本养老保险费收入 预算数为上年完成数的%：101% ≠ 1,747 ÷ 1,743 = 100%',
    );
    expect(f).toMatchObject({ expected: '1', actual: '1.01', related: ['表1!D18', '表1!C18'] });
    const [g] = siFindings([rule], shift(styleB(), ['表五!D4'], 0.0001));
    expect(g.message).toMatch(/预算数为上年预计执行数的%：\d+\.\d\d% ≠ [\d,]+\.\d\d ÷ [\d,]+\.\d\d = \d+\.\d\d%$/);
  });

  it('words a missing percent at the style’s precision when the table prints none, as the fill formats it', () => {
    const m = seed000();
    m.sheets
      .find((s) => s.name === '表1')!
      .rows.forEach((row, r) => {
        if (r >= 4 && row) row[4] = undefined;
      });
    const f = siFindings([rule], m).find((x) => x.cell === 'E5');
    // Whole percents, as style (a) prints them and as the fill formats them (`0%`); it was 97.55%.
    expect(f?.message).toBe(
      '表1 102 社会保险基金收入合计 预算数为上年完成数的%：缺少百分比，应为 43,477 ÷ 44,570 = 98%',
    );
  });

  it('explains a rounding difference with the range the amounts allow', () => {
    const [f] = siFindings([rule], setCells(seed000(), { '表1!C20': 2, '表1!D20': 3, '表1!E20': 1.2 }));
    expect(f.message).toBe(
      '表1 1021003 城乡居民基本养老保险基金利息收入 预算数为上年完成数的%：120% ≠ 3 ÷ 2 = 150%（舍入差异：按金额的舍入区间可为 100% 至 233%）',
    );
  });
});
