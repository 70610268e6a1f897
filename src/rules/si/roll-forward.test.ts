import {
  runSiRuleCases,
  seed000,
  setCells,
  shift,
  siFindings,
  styleB,
  valueAt,
} from '../../../test/helpers/si-rule-cases';
import rule from './roll-forward';

// Seed 000 表3/表6 (结余表): row 5 = 23009, 7 = 2300916 (机关事业), 8 = 2300915 (城乡居民养老); C = 2023, D = 2024.
// Style (b): 表七/表十四 结余安排表 row 4 = 合计, 5 = 企业职工养老; 表四 结余执行 row 4 = 合计; 表一 row 13 = 11017.
describe('SI-5 roll-forward', () => {
  runSiRuleCases(rule, [
    ['seed 000 corrected', () => seed000(), []],
    ['the style (b) package (全地区 with transfers, 本级 without)', () => styleB(), []],
    [
      'seed 000 as published: both 结余表 shifted by a year, total and funds',
      () => seed000(undefined, true),
      [
        'error SI-5 表3!D5',
        'error SI-5 表3!D7',
        'error SI-5 表3!D8',
        'error SI-5 表6!D5',
        'error SI-5 表6!D7',
        'error SI-5 表6!D8',
      ],
    ],
    [
      'a fund’s closing balance (本级, no transfers)',
      () => shift(styleB(), ['表十四!C5'], 1),
      ['error SI-5 表十四!C5'],
    ],
    [
      'a fund’s income (本级): the fund (the total income is another row)',
      () => shift(styleB(), ['表十二!C8'], 1),
      ['error SI-5 表十四!C5'],
    ],
    [
      '全地区 funds are not rolled forward one by one (the transfers are not split by fund)',
      () => shift(styleB(), ['表七!C6'], 1),
      [],
    ],
    ['the total with transfers (全地区)', () => shift(styleB(), ['表一!D13'], 1), ['error SI-5 表七!C4']],
    ['the execution table’s total from 11008', () => shift(styleB(), ['表四!C4'], 1), ['error SI-5 表四!C4']],
    ['the opening 11008 of last year', () => shift(styleB(), ['表八!C12'], 1), ['error SI-5 表十一!C4']],
  ]);

  it('recognises the shifted 结余表 and names the shift and the true closing balance 52,964', () => {
    const f = siFindings([rule], seed000(undefined, true)).find((x) => x.cell === 'D5' && x.sheet === '表3')!;
    expect(f).toMatchObject({ expected: '52964', actual: '45941', difference: '-7023' });
    expect(f.related).toEqual(['表3!D5', '表1!D5', '表2!D5', '表3!C5']);
    expect(f.message).toBe(
      '表3 23009 社会保险基金年终结余合计 2024年年末累计结余预算数：45,941 ≠ 上年末结余（本表“本年”列所填） 45,941 + 收入（表1） 43,477 − 支出（表2） 36,454 = 52,964，差 7,023',
    );
    expect(f.hint).toBe(
      '表3错了一年：“2023年年末累计结余预计数”列填的 34,985 是再上一年末的结余，“2024年年末累计结余预算数”列填的 45,941 是上年末的结余（34,985 + 上年收入 44,570 − 上年支出 33,614 = 45,941）。应改为：“2023年年末累计结余预计数” 45,941，“2024年年末累计结余预算数” 45,941 + 本年收入 43,477 − 本年支出 36,454 = 52,964。',
    );
    expect(f.hintEn).toMatch(/shifted by one year.*= 52,964\.$/);
  });

  it('without the shift, writes the plain roll-forward', () => {
    const [f] = siFindings([rule], shift(seed000(), ['表3!D5'], 100));
    expect(f.message).toBe(
      '表3 23009 社会保险基金年终结余合计 2024年年末累计结余预算数：53,064 ≠ 上年结余 45,941 + 收入（表1） 43,477 − 支出（表2） 36,454 = 52,964，差 100',
    );
    expect(f.hint).toBeUndefined();
  });

  it('says so when the difference is exactly a transfer line of the 平衡表 (11017 上级补助收入)', () => {
    const m = styleB();
    setCells(m, { '表七!C4': Math.round((valueAt(m, '表七!C4') - valueAt(m, '表一!D13')) * 100) / 100 });
    const [f] = siFindings([rule], m);
    expect(f.cell).toBe('C4');
    expect(f.hint).toBe(
      '差额 1,200.00 恰好等于表一 11017 社会保险基金上级补助收入 1,200.00：很可能是这一行被计入了（或漏掉了）',
    );
  });
});
