/**
 * A percent column checked against its two amounts (`% = 本年 ÷ 上年`), recomputed at the table's
 * own precision, half away from zero. A percent the rounding of the amounts can explain is a 警告;
 * beyond that an 错误; a percent missing where both amounts exist, or given without a base, a 警告.
 * Used by SI-9 and by audit formulas written with `÷`.
 *
 * How a percent cell is read: `98%` (text) or 0.98 formatted as % is 98%; a plain number over 5
 * under a % header (98) is percentage points; a plain number up to 5 is a fraction.
 */
import { Decimal } from '../amount/decimal';
import { formatAmount } from '../amount/format';
import { BilingualText, findingMessage, message } from '../i18n/messages';
import { AmountCell, RecognizedTable, TableRow } from '../recognize/types';
import { a1 } from '../workbook/model';
import { cellRefOf } from './compare';
import { Rule, RuleContextApi, Severity } from './types';

export interface Percent {
  /** The fraction (0.98 for 98%). */
  value: Decimal;
  /** Decimals of the percent as shown (0 for 98%, 2 for 100.20%). */
  decimals: number;
}

function hasValue(cell: AmountCell | undefined): cell is AmountCell & { value: Decimal } {
  return !!cell && cell.value !== null && !cell.invalid && !cell.uncalculated;
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
export function percentOf(t: RecognizedTable, cell: AmountCell): Percent | undefined {
  return readPercent(cell, t.sheet.rows[cell.r]?.[cell.c]?.z);
}

/** The percent decimals a column shows (most of its cells, 0 … 2), else `fallback`. */
export function percentPrecision(t: RecognizedTable, key = 'pct', fallback = 2): number {
  const counts = new Map<number, number>();
  for (const row of t.rows) {
    const cell = row.amounts.get(key);
    const p = cell ? percentOf(t, cell) : undefined;
    if (p && p.decimals <= 2) counts.set(p.decimals, (counts.get(p.decimals) ?? 0) + 1);
  }
  let best = fallback;
  let n = 0;
  for (const [d, k] of counts) if (k > n || (k === n && d > best)) [best, n] = [d, k];
  return best;
}

function shownPct(v: Decimal, decimals: number): string {
  return `${formatAmount(v.times(100), { decimals, grouping: false })}%`;
}

export interface PercentCheck {
  rule: Rule;
  table: RecognizedTable;
  row: TableRow;
  /** Column keys: the percent, its numerator and its denominator. */
  pct: string;
  num: string;
  den: string;
  precision: number;
  where: BilingualText;
  /** The denominator's name, for the message when it is empty. */
  denName: BilingualText;
}

/** Checks one row's percent; reports at the percent cell. */
export function checkPercent(ctx: RuleContextApi, c: PercentCheck): void {
  const { table: t, row } = c;
  const pctCell = row.amounts.get(c.pct);
  const num = row.amounts.get(c.num);
  const den = row.amounts.get(c.den);
  if (!pctCell || !num || !den || pctCell.invalid || pctCell.uncalculated) return;
  if (num.invalid || num.uncalculated || den.invalid || den.uncalculated) return;
  const stated = percentOf(t, pctCell);
  const related = [cellRefOf({ table: t, cell: num }), cellRefOf({ table: t, cell: den })];
  const report = (severity: Severity, key: string, p: Record<string, string>, expected?: Decimal) => {
    const { roundingZh, roundingEn, ...rest } = p;
    const params = {
      ...rest,
      where: c.where,
      denName: c.denName,
      rounding: { zh: roundingZh ?? '', en: roundingEn ?? '' },
    };
    ctx.report({
      rule: c.rule.id,
      severity,
      sheet: t.sheet.name,
      cell: a1(pctCell.r, pctCell.c),
      related,
      ...(expected ? { expected: expected.toFixed() } : {}),
      ...(stated ? { actual: stated.value.toFixed() } : {}),
      ...(expected && stated ? { difference: stated.value.minus(expected).toFixed() } : {}),
      ...findingMessage(key, params),
    });
  };
  if (!hasValue(den) || den.value.isZero()) {
    if (stated) report('warning', 'percent.noBase', { actual: shownPct(stated.value, stated.decimals) });
    return;
  }
  if (!hasValue(num)) return;
  const d = stated ? Math.min(stated.decimals, c.precision) : c.precision;
  const expected = num.value.div(den.value).toDecimalPlaces(d + 2, Decimal.ROUND_HALF_UP);
  const amounts = {
    num: formatAmount(num.value, { decimals: num.decimals }),
    den: formatAmount(den.value, { decimals: den.decimals }),
  };
  if (!stated) {
    report('warning', 'percent.missing', { ...amounts, expected: shownPct(expected, d) }, expected);
    return;
  }
  const shown = stated.value.toDecimalPlaces(d + 2, Decimal.ROUND_HALF_UP);
  if (shown.eq(expected)) return;
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
    ? message('percent.rounding', { low: shownPct(Decimal.min(lo, hi), d), high: shownPct(Decimal.max(lo, hi), d) })
    : { zh: '', en: '' };
  report(
    rounding ? 'warning' : c.rule.severity === 'info' ? 'info' : 'error',
    'percent.wrong',
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
