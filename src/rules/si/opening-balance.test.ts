import { runSiRuleCases, seed000, shift, siFindings, styleB } from '../../../test/helpers/si-rule-cases';
import rule from './opening-balance';

// 表一 平衡表 row 12: 11008 上年结余收入 (D = 2024) | 23009 年终结余 (G = 2023).
describe('SI-7 this year’s 11008 = last year’s 23009', () => {
  runSiRuleCases(rule, [
    ['the style (b) package', () => styleB(), []],
    ['seed 000 has no 平衡表', () => seed000(undefined, true), []],
    ['a cent off is an error (the same quantity)', () => shift(styleB(), ['表一!D12'], 0.01), ['error SI-7 表一!D12']],
    ['23009 of last year changed', () => shift(styleB(), ['表八!G12'], 1), ['error SI-7 表八!D12']],
  ]);

  it('names both figures', () => {
    const [f] = siFindings([rule], shift(styleB(), ['表一!D12'], 0.01));
    expect(f.message).toMatch(
      /^表一 11008 社会保险基金上年结余收入 2024年预算数 [\d,.]+ ≠ 23009 年终结余 上年预计执行数 [\d,.]+，差 0\.01$/,
    );
    expect(f.related).toEqual(['表一!G12']);
  });
});
