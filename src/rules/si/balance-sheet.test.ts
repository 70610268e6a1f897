import { runSiRuleCases, seed000, shift, styleB } from '../../../test/helpers/si-rule-cases';
import rule from './balance-sheet';

// 表一 平衡表: row 11 = 102 | 209, 12 = 11008 | 23009, 13 = 11017 | 23018, 14 = 11018 | 23019, 15 = 总计;
// C/D = income 2023/2024, G/H = expense 2023/2024.
describe('SI-6 平衡表 totals', () => {
  runSiRuleCases(rule, [
    ['the style (b) package', () => styleB(), []],
    ['seed 000 has no 平衡表', () => seed000(undefined, true), []],
    [
      '收入总计 changed: ≠ its lines and ≠ 支出总计',
      () => shift(styleB(), ['表一!D15'], 1),
      ['error SI-6 表一!D15', 'error SI-6 表一!D15'],
    ],
    ['11018 下级上解收入 changed', () => shift(styleB(), ['表一!C14'], 1), ['error SI-6 表一!C15']],
    ['23019 上解上级支出 changed', () => shift(styleB(), ['表一!H14'], 1), ['error SI-6 表一!H15']],
    ['支出总计 changed', () => shift(styleB(), ['表八!G15'], 0.01), ['error SI-6 表八!C15', 'warning SI-6 表八!G15']],
  ]);
});
