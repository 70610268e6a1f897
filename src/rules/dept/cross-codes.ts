/**
 * Cross-table rows matched by classification code (表间, row by row):
 * X1 T1 class amounts = T3 class 合计 = T2 class 总计. X4 every T2 row 总计 = T3 row 合计.
 * X6 T4 class 一般公共预算 = T2 class (一般公共预算 + 上级转移支付) = T5 class 合计.
 * X8 every T5 row 合计 = T2 row (col3 + col4). X10 every T5 row 项目支出 = the T7 function row (or
 * the sum of its project rows).
 */
import { compareByCode, compareSumAcross, reportMissingTables } from '../../engine/cross';
import { codedRows } from '../../engine/access';
import { t4CarriesGpb } from './cross-figures';
import { Rule } from '../../engine/types';

interface Side {
  table: string;
  cols: string[];
  panel?: 'income' | 'expense';
}

function byCodeRule(id: string, title: { zh: string; en: string }, pairs: [Side, Side, number[]][]): Rule {
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
      for (const [a, b, levels] of pairs) compareByCode(ctx, rule, a, b, levels, missing);
      reportMissingTables(ctx, rule, missing);
    },
  };
  return rule;
}

const CLASS = [3];
const ALL = [3, 5, 7];

export const X1 = byCodeRule(
  'X1',
  { zh: '表1 各类支出 = 表3、表2 各类', en: 'Table 1 classes = Tables 3 and 2 classes' },
  [
    [{ table: 'dept.t01', cols: ['exAmount'], panel: 'expense' }, { table: 'dept.t03', cols: ['total'] }, CLASS],
    [{ table: 'dept.t03', cols: ['total'] }, { table: 'dept.t02', cols: ['total'] }, CLASS],
  ],
);

export const X4 = byCodeRule('X4', { zh: '表2 每行总计 = 表3 同科目合计', en: 'Table 2 rows = Table 3 rows' }, [
  [{ table: 'dept.t02', cols: ['total'] }, { table: 'dept.t03', cols: ['total'] }, ALL],
]);

const X6plain = byCodeRule(
  'X6',
  { zh: '表4 各类一般公共预算 = 表2、表5 各类', en: 'Table 4 general budget classes = Tables 2 and 5' },
  [
    [{ table: 'dept.t04', cols: ['exGpb'], panel: 'expense' }, { table: 'dept.t05', cols: ['total'] }, CLASS],
    [{ table: 'dept.t05', cols: ['total'] }, { table: 'dept.t02', cols: ['gpb', 'gpbTransfer'] }, CLASS],
  ],
);

/**
 * X6, net of carry-over when 表4 (MoF form) shows 上年结转: a 表4 class then also spends its
 * carry-over, so 表4 class = 表5 class + 表2 class 财政拨款结转.
 */
export const X6: Rule = {
  ...X6plain,
  run(ctx) {
    if (!t4CarriesGpb(ctx)) return X6plain.run(ctx);
    const missing = new Set<string>();
    const t4 = ctx.table('dept.t04');
    const classes = t4 ? codedRows(t4, 'expense').filter((r) => r.code!.length === 3) : [];
    for (const c of classes) {
      const code = c.code!;
      compareSumAcross(
        ctx,
        X6,
        { table: 'dept.t04', row: { code }, cols: ['exGpb'], panel: 'expense' },
        [
          { table: 'dept.t05', row: { code }, cols: ['total'] },
          { table: 'dept.t02', row: { code }, cols: ['fiscalCarry'] },
        ],
        missing,
      );
    }
    compareByCode(
      ctx,
      X6,
      { table: 'dept.t05', cols: ['total'] },
      { table: 'dept.t02', cols: ['gpb', 'gpbTransfer'] },
      CLASS,
      missing,
    );
    reportMissingTables(ctx, X6, missing);
  },
};

export const X8 = byCodeRule(
  'X8',
  { zh: '表5 每行合计 = 表2 一般公共预算拨款', en: 'Table 5 rows = Table 2 general budget columns' },
  [[{ table: 'dept.t05', cols: ['total'] }, { table: 'dept.t02', cols: ['gpb', 'gpbTransfer'] }, ALL]],
);

export const X10 = byCodeRule(
  'X10',
  { zh: '表7 各功能科目 = 表5 项目支出', en: 'Table 7 function rows = Table 5 project column' },
  [[{ table: 'dept.t05', cols: ['project'] }, { table: 'dept.t07', cols: ['total'] }, ALL]],
);

export default [X1, X4, X6, X8, X10];
