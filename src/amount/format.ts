import { Decimal } from './decimal';
import { AmountLike, toDecimal } from './parse';
import { roundHalfUpDecimal } from './round';
import { formatScaled, readScaled, Scaled } from './scaled';

export interface FormatOptions {
  /** Digits after the point (default 2). */
  decimals?: number;
  /** Thousands separators (default true). */
  grouping?: boolean;
}

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const slot: Scaled = { n: 0, k: 0 };

/**
 * As the disclosures print amounts: `1,104.54`, `-12.30`, `0.00`. Numbers and plain decimal texts
 * that read exactly as scaled integers are printed in integer arithmetic; the rest through
 * decimal.js ({@link formatAmountDecimal}), with identical text (property-tested).
 */
export function formatAmount(value: AmountLike, options: FormatOptions = {}): string {
  const decimals = options.decimals ?? 2;
  if (Number.isInteger(decimals) && decimals >= -15 && decimals <= 22 && readScaled(value, slot)) {
    return formatScaled(slot.n, slot.k, decimals, options.grouping ?? true);
  }
  return formatAmountDecimal(value, options);
}

/** The decimal.js path of {@link formatAmount}, kept as the reference the fast path is tested against. */
export function formatAmountDecimal(value: AmountLike, options: FormatOptions = {}): string {
  const decimals = options.decimals ?? 2;
  const rounded = roundHalfUpDecimal(value, decimals);
  const fixed = rounded.abs().toFixed(Math.max(0, decimals));
  const [i, f] = fixed.split('.');
  const body = ((options.grouping ?? true) ? group(i) : i) + (f !== undefined ? `.${f}` : '');
  return rounded.isNegative() && !rounded.isZero() ? `-${body}` : body;
}

/** A fraction as a percent: 0.9913 → `99.13%` (2 decimals, half away from zero). */
export function formatPercent(fraction: AmountLike, decimals = 2): string {
  if (Number.isInteger(decimals) && decimals >= -15 && decimals <= 22 && readScaled(fraction, slot)) {
    // fraction × 100 = n / 10^(k−2): shift the scale, or the integer when k < 2.
    const { n, k } = slot;
    if (k >= 2) return `${formatScaled(n, k - 2, decimals, false)}%`;
    const m = n * (k === 1 ? 10 : 100);
    if (Math.abs(m) < 2 ** 53) return `${formatScaled(m, 0, decimals, false)}%`;
  }
  const pct = toDecimal(fraction).times(100);
  return `${formatAmountDecimal(pct, { decimals, grouping: false })}%`;
}

/** A plain exact decimal string without exponent, for reports (`-0.01`, `1114.26`). */
export function plainString(d: Decimal): string {
  return d.toFixed();
}
