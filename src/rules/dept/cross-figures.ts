/**
 * Cross-table figures (表间, one figure against another):
 * X2 T1 收入总计 = T2 总计 = T3 总计. X3 T1 income lines = T2 总计 columns. X5 T4 income 一般公共预算 =
 * T1 一般公共预算拨款 (likewise 基金, 国资). X7 T5 总计 = T4 支出总计 一般公共预算. X9 T6 总计 = T5 总计
 * 基本支出. X10 T7 总计 = T5 总计 项目支出. X11 T8 总计 = T4 基金 支出总计; T9 总计 = T4 国资.
 * X12 T11 总计 = T1 上年结转结余; T11 财政拨款 = T1 财政拨款结转.
 * A figure copied between tables has no rounding tolerance.
 */
import { compareFigures, compareSumAcross, FigureRef, reportMissingTables } from '../../engine/cross';
import { fixedRow } from '../../engine/access';
import { Rule } from '../../engine/types';

type Pair = [FigureRef, FigureRef];

function crossRule(id: string, title: { zh: string; en: string }, pairs: Pair[]): Rule {
  const rule: Rule = {
    id,
    scope: 'cross',
    severity: 'error',
    family: 'dept',
    title,
    message: {
      zh: '{where} {actual} ≠ {items}，差 {difference}',
      en: '{where} {actual} ≠ {items}, difference {difference}',
    },
    run(ctx) {
      const missing = new Set<string>();
      for (const [a, b] of pairs) compareFigures(ctx, rule, a, b, missing);
      reportMissingTables(ctx, rule, missing);
    },
  };
  return rule;
}

const t1 = (key: string, col = 'inAmount'): FigureRef => ({ table: 'dept.t01', row: { key }, cols: [col] });
const total = (table: string, ...cols: string[]): FigureRef => ({ table, row: 'total', cols });
const t4 = (key: string, col: string): FigureRef => ({ table: 'dept.t04', row: { key }, cols: [col] });

export const X2 = crossRule('X2', { zh: '表1、表2、表3 收入总计一致', en: 'Tables 1, 2, 3 totals agree' }, [
  [t1('incomeTotal'), total('dept.t02', 'total')],
  [total('dept.t02', 'total'), total('dept.t03', 'total')],
]);

export const X3 = crossRule(
  'X3',
  { zh: '表1 收入各项 = 表2 总计各列', en: 'Table 1 income lines = Table 2 total columns' },
  [
    [t1('gpbOwn'), total('dept.t02', 'gpb')],
    [t1('gpbTransfer'), total('dept.t02', 'gpbTransfer')],
    [t1('gfbOwn'), total('dept.t02', 'gfb')],
    [t1('gfbTransfer'), total('dept.t02', 'gfbTransfer')],
    [t1('socbOwn'), total('dept.t02', 'socb')],
    [t1('socbTransfer'), total('dept.t02', 'socbTransfer')],
    [t1('special'), total('dept.t02', 'special')],
    [t1('unit'), total('dept.t02', 'unit')],
    [t1('fiscalCarry'), total('dept.t02', 'fiscalCarry')],
    [t1('nonFiscalCarry'), total('dept.t02', 'nonFiscalCarry')],
  ],
);

export const X5 = crossRule(
  'X5',
  { zh: '表4 财政拨款收入 = 表1 财政拨款', en: 'Table 4 appropriation income = Table 1' },
  [
    [t4('gpb', 'inTotal'), t1('gpb')],
    [t4('gfb', 'inTotal'), t1('gfb')],
    [t4('socb', 'inTotal'), t1('socb')],
  ],
);

const X7plain = crossRule(
  'X7',
  { zh: '表5 总计 = 表4 一般公共预算支出总计', en: 'Table 5 total = Table 4 general budget expenditure' },
  [[total('dept.t05', 'total'), t4('expenseTotal', 'exGpb')]],
);

/** Whether 表4 (MoF form) shows a general-budget carry-over: its spending then includes it, 表5 does not. */
export function t4CarriesGpb(ctx: Parameters<Rule['run']>[0]): boolean {
  const t = ctx.table('dept.t04');
  const v = t && fixedRow(t, 'carryGpb')?.amounts.get('inTotal')?.value;
  return !!v && !v.isZero();
}

/** X7, net of 表4's 上年结转 when the form has it: 表4 一般公共预算 支出总计 = 表5 总计 + 上年结转. */
export const X7: Rule = {
  ...X7plain,
  run(ctx) {
    if (!t4CarriesGpb(ctx)) return X7plain.run(ctx);
    const missing = new Set<string>();
    compareSumAcross(
      ctx,
      X7,
      t4('expenseTotal', 'exGpb'),
      [total('dept.t05', 'total'), t4('carryGpb', 'inTotal')],
      missing,
    );
    reportMissingTables(ctx, X7, missing);
  },
};

export const X9 = crossRule('X9', { zh: '表6 总计 = 表5 基本支出', en: 'Table 6 total = Table 5 basic expenditure' }, [
  [total('dept.t06', 'total'), total('dept.t05', 'basic')],
]);

export const X10T = crossRule(
  'X10',
  { zh: '表7 总计 = 表5 项目支出', en: 'Table 7 total = Table 5 project expenditure' },
  [[total('dept.t07', 'total'), total('dept.t05', 'project')]],
);

export const X11 = crossRule(
  'X11',
  {
    zh: '表8、表9 总计 = 表4 基金、国资支出总计',
    en: 'Tables 8 and 9 totals = Table 4 fund and state capital columns',
  },
  [
    [total('dept.t08', 'total'), t4('expenseTotal', 'exGfb')],
    [total('dept.t09', 'total'), t4('expenseTotal', 'exSocb')],
  ],
);

export const X12 = crossRule('X12', { zh: '表11 总计 = 表1 上年结转结余', en: 'Table 11 total = Table 1 carry-over' }, [
  [total('dept.t11', 'total'), t1('carryover')],
  [total('dept.t11', 'fiscal'), t1('fiscalCarry')],
]);

export default [X2, X3, X5, X7, X9, X10T, X11, X12];
