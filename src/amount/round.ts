import { Decimal } from './decimal';
import { AmountLike, toDecimal } from './parse';
import { POW10, readScaled, roundDivPow10, Scaled, scaledDecimal } from './scaled';

const slot: Scaled = { n: 0, k: 0 };

/**
 * Rounds half away from zero, like Excel's ROUND: 1.005 → 1.01, −2.345 → −2.35.
 * `digits` may be negative (ROUND(1234, −2) = 1200).
 *
 * Numbers and plain decimal texts that read exactly as scaled integers (src/amount/scaled.ts) are
 * rounded in integer arithmetic; everything else, and anything beyond 15 significant digits, goes
 * through decimal.js. Both give the identical Decimal (property-tested in round.test.ts).
 */
export function roundHalfUp(value: AmountLike, digits = 2): Decimal {
  if (!Number.isInteger(digits)) throw new RangeError(`digits must be an integer: ${digits}`);
  if (digits >= -15 && digits <= 22 && readScaled(value, slot)) {
    const { n, k } = slot;
    // Already at most `digits` places: the value itself.
    if (k <= digits) return scaledDecimal(n, k);
    const neg = n < 0 || Object.is(n, -0);
    const q = roundDivPow10(neg ? -n : n, k - digits);
    const m = neg ? -q : q; // −0 when a negative rounds to zero, as decimal.js keeps it
    if (digits >= 0) return scaledDecimal(m, digits);
    const r = m * POW10[-digits];
    if (Math.abs(r) <= Number.MAX_SAFE_INTEGER) return new Decimal(r);
  }
  return roundHalfUpDecimal(value, digits);
}

/** The decimal.js path of {@link roundHalfUp}, kept as the reference the fast path is tested against. */
export function roundHalfUpDecimal(value: AmountLike, digits = 2): Decimal {
  if (!Number.isInteger(digits)) throw new RangeError(`digits must be an integer: ${digits}`);
  const d = toDecimal(value);
  if (digits >= 0) return d.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
  const scale = new Decimal(10).pow(-digits);
  return d.div(scale).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(scale);
}
