import { Decimal } from './decimal';
import { AmountLike, toDecimal } from './parse';

/**
 * Rounds half away from zero, like Excel's ROUND: 1.005 → 1.01, −2.345 → −2.35.
 * `digits` may be negative (ROUND(1234, −2) = 1200).
 */
export function roundHalfUp(value: AmountLike, digits = 2): Decimal {
  if (!Number.isInteger(digits)) throw new RangeError(`digits must be an integer: ${digits}`);
  const d = toDecimal(value);
  if (digits >= 0) return d.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
  const scale = new Decimal(10).pow(-digits);
  return d.div(scale).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(scale);
}
