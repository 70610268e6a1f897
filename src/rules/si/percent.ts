/**
 * SI-9 percent columns: 预算数为上年完成数的% = 本年 ÷ 上年 (plan tables), 预计执行数为预算数的% = 预计执行数 ÷
 * 预算调整数 (execution tables), recomputed at the table's own precision (integer % in style (a),
 * 2 decimals in style (b); ./identities.ts percentPrecision, shared with the fill), half away from zero. A percent that rounding of the amounts can explain
 * is a 警告; beyond that an 错误. A percent missing where both amounts exist is a 警告.
 *
 * How a percent cell is read: `98%` (text) or 0.98 formatted as % is 98%; a plain number over 5
 * under a % header (98) is percentage points; a plain number up to 5 is a fraction.
 */
import { checkPercent, readPercent } from '../../engine/percent';
import { PERCENT_PAIRS, percentPrecision } from './identities';
import { Rule } from '../../engine/types';
import { RecognizedTable } from '../../recognize/types';
import { allFundTables, columnLabel, siWhere } from './package';

export { readPercent };

function checkTable(ctx: Parameters<Rule['run']>[0], rule: Rule, t: RecognizedTable, role: 'plan' | 'exec'): void {
  if (!t.columns.has('pct')) return;
  const [num, den] = PERCENT_PAIRS[role];
  const precision = percentPrecision(t);
  for (const row of t.rows) {
    checkPercent(ctx, {
      rule,
      table: t,
      row,
      pct: 'pct',
      num,
      den,
      precision,
      where: siWhere(t, row, 'pct'),
      denName: columnLabel(t, den),
    });
  }
}

const rule: Rule = {
  id: 'SI-9',
  scope: 'table',
  severity: 'error',
  family: 'si',
  title: { zh: '百分比列重算', en: 'Percent columns recomputed' },
  message: { zh: '{where}', en: '{where}' },
  run(ctx) {
    for (const ft of allFundTables(ctx)) checkTable(ctx, rule, ft.table, ft.role);
  },
};

export default rule;
