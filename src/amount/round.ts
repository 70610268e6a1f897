import { Decimal } from './decimal';
import { AmountLike, toDecimal } from './parse';
import { POW10, readScaled, roundDivPow10, Scaled } from './scaled';

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
  const r = roundScaled(value, digits);
  // The double nearest the rounded decimal: at most 15 significant digits, so its shortest text
  // (what decimal.js parses) is that decimal exactly.
  if (r === r) return new Decimal(r);
  return roundHalfUpDecimal(value, digits);
}

/**
 * {@link roundHalfUp} of a number or plain text as a number, without a Decimal (the custom
 * functions' loops): the double nearest the rounded decimal, identical to
 * `roundHalfUp(value, digits).toNumber()`; NaN when the integer path does not apply (the caller
 * then takes roundHalfUp).
 */
export function roundHalfUpNumber(value: AmountLike, digits = 2): number {
  return Number.isInteger(digits) ? roundScaled(value, digits) : NaN;
}

/** The integer path of both: the rounded value as a double, or NaN. −0 when a negative rounds to zero, as decimal.js keeps it. */
function roundScaled(value: AmountLike, digits: number): number {
  if (!(digits >= -15 && digits <= 22) || !readScaled(value, slot)) return NaN;
  const { n, k } = slot;
  // Already at most `digits` places: the value itself.
  if (k <= digits) return k === 0 ? n : n / POW10[k];
  const neg = n < 0 || Object.is(n, -0);
  const q = roundDivPow10(neg ? -n : n, k - digits);
  const m = neg ? -q : q;
  if (digits >= 0) return digits === 0 ? m : m / POW10[digits];
  const r = m * POW10[-digits];
  return Math.abs(r) <= Number.MAX_SAFE_INTEGER ? r : NaN;
}

/** The decimal.js path of {@link roundHalfUp}, kept as the reference the fast path is tested against. */
export function roundHalfUpDecimal(value: AmountLike, digits = 2): Decimal {
  if (!Number.isInteger(digits)) throw new RangeError(`digits must be an integer: ${digits}`);
  const d = toDecimal(value);
  if (digits >= 0) return d.toDecimalPlaces(digits, Decimal.ROUND_HALF_UP);
  const scale = new Decimal(10).pow(-digits);
  return d.div(scale).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(scale);
}
