import DecimalBase from 'decimal.js';

/**
 * The project's own Decimal constructor: 40 significant digits, rounding half away from zero
 * (decimal.js ROUND_HALF_UP, which is Excel's ROUND). A clone, so that no other user of
 * decimal.js is affected by our settings.
 */
export const Decimal = DecimalBase.clone({
  precision: 40,
  rounding: DecimalBase.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);

/** Excel keeps 15 significant digits; a double is read through them. */
export const EXCEL_DIGITS = 15;

/**
 * A JS number as Excel means it: normalised to 15 significant digits, so that float noise such
 * as 0.1 + 0.2 = 0.30000000000000004 reads as 0.3. Returns null for NaN and ±Infinity.
 */
export function decimalFromNumber(n: number): Decimal | null {
  if (!Number.isFinite(n)) return null;
  if (Number.isInteger(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER) {
    if (Math.abs(n) < 1e15) return new Decimal(n);
  }
  return new Decimal(n.toPrecision(EXCEL_DIGITS));
}

/** Number of digits after the decimal point in a Decimal's plain form. */
export function decimalPlaces(d: Decimal): number {
  return d.decimalPlaces();
}

export function isDecimal(x: unknown): x is Decimal {
  return DecimalBase.isDecimal(x);
}
