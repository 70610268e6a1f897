import { Decimal, ONE, ZERO } from '../amount/decimal';
import { AmountLike, toDecimal } from '../amount/parse';
import { DivisionByZeroError } from './change';

export interface SharesOptions {
  /** Round each share to this many decimals of the percent (2 → 99.13%). Omit for exact shares. */
  decimals?: number;
  /**
   * With `decimals`: adjust by the largest-remainder method so the rounded shares add up to
   * exactly 100% (only when every part is ≥ 0).
   */
  balance?: boolean;
  /** The whole; defaults to the sum of the parts. */
  whole?: AmountLike;
}

/**
 * Each part's share of the whole, as fractions. Rounded shares are rounded half away from zero
 * each on its own (as the disclosures print them, so they may add up to 100.01%), unless
 * `balance` is set.
 */
export function shares(parts: readonly AmountLike[], options: SharesOptions = {}): Decimal[] {
  const values = parts.map((p) => toDecimal(p));
  const whole = options.whole !== undefined ? toDecimal(options.whole) : values.reduce((a, b) => a.plus(b), ZERO);
  if (whole.isZero()) throw new DivisionByZeroError();
  const exact = values.map((v) => v.div(whole));
  if (options.decimals === undefined) return exact;
  const places = options.decimals + 2;
  const rounded = exact.map((s) => s.toDecimalPlaces(places, Decimal.ROUND_HALF_UP));
  const canBalance = options.balance && values.every((v) => !v.isNegative()) && options.whole === undefined;
  if (!canBalance) return rounded;
  // Largest remainder: start from floors, hand out the missing units to the largest remainders.
  const unit = new Decimal(10).pow(-places);
  const floors = exact.map((s) => s.toDecimalPlaces(places, Decimal.ROUND_DOWN));
  let missing = ONE.minus(floors.reduce((a, b) => a.plus(b), ZERO))
    .div(unit)
    .round()
    .toNumber();
  const order = exact
    .map((s, i) => ({ i, rem: s.minus(floors[i]) }))
    .sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  const result = floors.slice();
  for (const { i } of order) {
    if (missing <= 0) break;
    result[i] = result[i].plus(unit);
    missing--;
  }
  return result;
}
