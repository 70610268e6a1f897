import { Decimal } from './decimal';
import { AmountLike, toDecimal } from './parse';
import { roundHalfUp } from './round';

export interface FormatOptions {
  /** Digits after the point (default 2). */
  decimals?: number;
  /** Thousands separators (default true). */
  grouping?: boolean;
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** As the disclosures print amounts: `1,104.54`, `-12.30`, `0.00`. */
export function formatAmount(value: AmountLike, options: FormatOptions = {}): string {
  const decimals = options.decimals ?? 2;
  const rounded = roundHalfUp(value, decimals);
  const fixed = rounded.abs().toFixed(Math.max(0, decimals));
  const [i, f] = fixed.split('.');
  const body = ((options.grouping ?? true) ? group(i) : i) + (f !== undefined ? `.${f}` : '');
  return rounded.isNegative() && !rounded.isZero() ? `-${body}` : body;
}

/** A fraction as a percent: 0.9913 → `99.13%` (2 decimals, half away from zero). */
export function formatPercent(fraction: AmountLike, decimals = 2): string {
  const pct = toDecimal(fraction).times(100);
  return `${formatAmount(pct, { decimals, grouping: false })}%`;
}

/** A plain exact decimal string without exponent, for reports (`-0.01`, `1114.26`). */
export function plainString(d: Decimal): string {
  return d.toFixed();
}
