/**
 * Exact arithmetic on plain JS numbers without allocating Decimals, for the custom functions'
 * hot loops. A number is taken as Excel means it (15 significant digits); when that decimal has
 * at most two places and magnitude below 10^13 it is an exact integer count of cents, and the
 * arithmetic below is exact. Otherwise the callers fall back to decimal.js.
 *
 * Soundness of {@link cents}: let y = fl(x·100) and n = round(y). We accept only when
 * |y − n| ≤ 2⁻⁵²·|y| (≈ 2.2e−16 relative). Then |x − n/100| < 3.4e−16·|x| (one more rounding in
 * the multiplication), which is below half a unit in the 15th significant digit of n/100
 * (≥ 5e−16 relative), so x read at 15 digits is exactly n/100.
 */
const REL = 2 ** -52;
const LIMIT = 1e15;

/** x as an exact integer number of hundredths, or NaN when that is not provably exact. */
export function cents(x: number): number {
  const y = x * 100;
  const n = Math.round(y);
  if (!(Math.abs(n) < LIMIT)) return NaN;
  const err = Math.abs(y - n);
  return err === 0 || err <= Math.abs(y) * REL ? n : NaN;
}

/**
 * (current − prior) / |prior| as the double nearest the exact quotient, or NaN when the fast path
 * does not apply (the caller then uses decimal.js). Division of two exact integers is correctly
 * rounded in IEEE 754, so the result is the best a double can hold. The prior must be non-zero.
 */
export function yoyFast(current: number, prior: number): number {
  const c = cents(current);
  const p = cents(prior);
  if (c !== c || p !== p || p === 0) return NaN;
  return (c - p) / Math.abs(p);
}

/** current − prior exactly (as a double of an exact 2-decimal amount), or NaN. */
export function changeFast(current: number, prior: number): number {
  const c = cents(current);
  const p = cents(prior);
  if (c !== c || p !== p) return NaN;
  const d = c - p;
  return Math.abs(d) < LIMIT ? d / 100 : NaN;
}

/** part / whole as the double nearest the exact quotient, or NaN. */
export function ratioFast(part: number, whole: number): number {
  const a = cents(part);
  const b = cents(whole);
  if (a !== a || b !== b || b === 0) return NaN;
  return a / b;
}
