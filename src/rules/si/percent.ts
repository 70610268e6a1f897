/**
 * SI-9 percent columns: 预算数为上年完成数的% = 本年 ÷ 上年 (plan tables), 预计执行数为预算数的% = 预计执行数 ÷
 * 预算调整数 (execution tables), recomputed at the table's own precision (integer % in style (a),
 * 2 decimals in style (b)), half away from zero. A percent that rounding of the amounts can explain
 * is a 警告; beyond that an 错误. A percent missing where both amounts exist is a 警告.
 *
 * How a percent cell is read: `98%` (text) or 0.98 formatted as % is 98%; a plain number over 5
 * under a % header (98) is percentage points; a plain number up to 5 is a fraction.
 */
import { Decimal } from '../../amount/decimal';
import { formatAmount } from '../../amount/format';
import { cellRefOf } from '../../engine/compare';
import { Rule, Severity } from '../../engine/types';
import { message, registerMessages } from '../../i18n/messages';
import { AmountCell, RecognizedTable } from '../../recognize/types';
import { a1 } from '../../workbook/model';
import { allFundTables, columnLabel, hasValue, siWhere } from './package';

registerMessages({
  'SI-9.wrong': {
    zh: '{where}：{actual} ≠ {num} ÷ {den} = {expected}{rounding}',
    en: '{where}: {actual} ≠ {num} ÷ {den} = {expected}{rounding}',
  },
  'SI-9.rounding': {
    zh: '（舍入差异：按金额的舍入区间可为 {low} 至 {high}）',
    en: ' (rounding difference: the rounded amounts allow {low} to {high})',
  },
  'SI-9.missing': {
    zh: '{where}：缺少百分比，应为 {num} ÷ {den} = {expected}',
    en: '{where}: the percent is missing; it should be {num} ÷ {den} = {expected}',
  },
  'SI-9.noBase': {
    zh: '{where}：有百分比 {actual}，但“{denName}”为空或为零，无法计算',
    en: '{where}: a percent {actual} is given, but “{denName}” is empty or zero',
  },
});

interface Percent {
  /** The fraction (0.98 for 98%). */
  value: Decimal;
  /** Decimals of the percent as shown (0 for 98%, 2 for 100.20%). */
  decimals: number;
}

/** A percent cell as a fraction and its shown precision. */
export function readPercent(cell: AmountCell, format?: string): Percent | undefined {
  if (!hasValue(cell)) return undefined;
  const raw = cell.raw;
  const marked = typeof raw === 'string' ? /%\s*$/.test(raw) : !!format && /%/.test(format.replace(/"[^"]*"/g, ''));
  if (marked) return { value: cell.value, decimals: Math.max(0, cell.decimals - 2) };
  if (cell.value.abs().gt(5)) return { value: cell.value.div(100), decimals: cell.decimals };
  return { value: cell.value, decimals: Math.max(0, cell.decimals - 2) };
}

/** A table's percent cell read with its number format. */
function percentOf(t: RecognizedTable, cell: AmountCell): Percent | undefined {
  return readPercent(cell, t.sheet.rows[cell.r]?.[cell.c]?.z);
}

function shownPct(v: Decimal, decimals: number): string {
  return `${formatAmount(v.times(100), { decimals, grouping: false })}%`;
}

const PAIRS: Record<'plan' | 'exec', [string, string]> = { plan: ['cur', 'prev'], exec: ['actual', 'budget'] };

/** The table's own precision: the percent decimals most cells show (0 … 2). */
function tablePrecision(t: RecognizedTable): number {
  const counts = new Map<number, number>();
  for (const row of t.rows) {
    const cell = row.amounts.get('pct');
    const p = cell ? percentOf(t, cell) : undefined;
    if (p && p.decimals <= 2) counts.set(p.decimals, (counts.get(p.decimals) ?? 0) + 1);
  }
  let best = 2;
  let n = 0;
  for (const [d, k] of counts) if (k > n || (k === n && d > best)) [best, n] = [d, k];
  return best;
}

function checkTable(ctx: Parameters<Rule['run']>[0], rule: Rule, t: RecognizedTable, role: 'plan' | 'exec'): void {
  if (!t.columns.has('pct')) return;
  const [numKey, denKey] = PAIRS[role];
  const precision = tablePrecision(t);
  for (const row of t.rows) {
    const pctCell = row.amounts.get('pct');
    const num = row.amounts.get(numKey);
    const den = row.amounts.get(denKey);
    if (!pctCell || !num || !den || pctCell.invalid || pctCell.uncalculated) continue;
    if (num.invalid || num.uncalculated || den.invalid || den.uncalculated) continue;
    const stated = percentOf(t, pctCell);
    const where = siWhere(t, row, 'pct');
    const related = [cellRefOf({ table: t, cell: num }), cellRefOf({ table: t, cell: den })];
    const report = (severity: Severity, key: string, p: Record<string, string>, expected?: Decimal) => {
      const zh = message(key, {
        ...p,
        where: where.zh,
        denName: columnLabel(t, denKey).zh,
        rounding: p.roundingZh ?? '',
      });
      const en = message(key, {
        ...p,
        where: where.en,
        denName: columnLabel(t, denKey).en,
        rounding: p.roundingEn ?? '',
      });
      ctx.report({
        rule: rule.id,
        severity,
        sheet: t.sheet.name,
        cell: a1(pctCell.r, pctCell.c),
        related,
        ...(expected ? { expected: expected.toFixed() } : {}),
        ...(stated ? { actual: stated.value.toFixed() } : {}),
        ...(expected && stated ? { difference: stated.value.minus(expected).toFixed() } : {}),
        message: zh.zh,
        messageEn: en.en,
      });
    };
    if (!hasValue(den) || den.value.isZero()) {
      if (stated) report('warning', 'SI-9.noBase', { actual: shownPct(stated.value, stated.decimals) });
      continue;
    }
    if (!hasValue(num)) continue;
    const d = stated ? Math.min(stated.decimals, precision) : precision;
    const exact = num.value.div(den.value);
    const expected = exact.toDecimalPlaces(d + 2, Decimal.ROUND_HALF_UP);
    const amounts = {
      num: formatAmount(num.value, { decimals: num.decimals }),
      den: formatAmount(den.value, { decimals: den.decimals }),
    };
    if (!stated) {
      report('warning', 'SI-9.missing', { ...amounts, expected: shownPct(expected, d) }, expected);
      continue;
    }
    const shown = stated.value.toDecimalPlaces(d + 2, Decimal.ROUND_HALF_UP);
    if (shown.eq(expected)) continue;
    // The amounts are rounded too: the percent of any values they may stand for is acceptable.
    const hn = new Decimal(5).times(new Decimal(10).pow(-num.decimals - 1));
    const hd = new Decimal(5).times(new Decimal(10).pow(-den.decimals - 1));
    const lo = num.value
      .minus(hn)
      .div(den.value.abs().plus(hd))
      .toDecimalPlaces(d + 2, Decimal.ROUND_HALF_UP);
    const hiDen = den.value.abs().minus(hd);
    const hi = hiDen.lte(0)
      ? shown
      : num.value
          .plus(hn)
          .div(hiDen)
          .toDecimalPlaces(d + 2, Decimal.ROUND_HALF_UP);
    const rounding = shown.gte(Decimal.min(lo, hi)) && shown.lte(Decimal.max(lo, hi));
    const r = rounding
      ? message('SI-9.rounding', { low: shownPct(Decimal.min(lo, hi), d), high: shownPct(Decimal.max(lo, hi), d) })
      : { zh: '', en: '' };
    report(
      rounding ? 'warning' : 'error',
      'SI-9.wrong',
      {
        ...amounts,
        actual: shownPct(stated.value, stated.decimals),
        expected: shownPct(expected, d),
        roundingZh: r.zh,
        roundingEn: r.en,
      },
      expected,
    );
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
