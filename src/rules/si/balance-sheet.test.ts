import { runSiRuleCases, seed000, shift, styleB } from '../../../test/helpers/si-rule-cases';
import { WorkbookModel } from '../../workbook/model';
import rule from './balance-sheet';

/** The style (b) 平衡表 without its 总计 row (row 15). */
function noGrand(m: WorkbookModel): WorkbookModel {
  m.sheets.find((s) => s.name === '表一')!.rows[14] = [];
  return m;
}

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
    // Without the 总计 rows the 23009 roll-forward is checked itself (with them it follows from SI-6's
    // other identities: a wrong 23009 shows at 支出总计 or as 收入总计 ≠ 支出总计).
    ['no 总计 rows', () => noGrand(styleB()), []],
    [
      'no 总计 rows, 23019 上解上级支出 changed',
      () => shift(noGrand(styleB()), ['表一!H14'], 1),
      ['error SI-6 表一!H12'],
    ],
    ['no 总计 rows, 23009 上年 changed', () => shift(noGrand(styleB()), ['表一!G12'], 0.01), ['warning SI-6 表一!G12']],
  ]);
});
