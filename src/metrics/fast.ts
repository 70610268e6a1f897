/**
 * Exact arithmetic on plain JS numbers without allocating Decimals, for the custom functions'
 * hot loops. A number is taken as Excel means it (15 significant digits); when that decimal has
 * at most two places and magnitude below 10^13 it is an exact integer count of cents, and the
 * arithmetic below is exact. Otherwise the callers fall back to decimal.js.
 *
 * Soundness of {@link cents}, which accepts n = round(x·100), |n| < 10^15, on either of two tests:
 * - fl(n / 100) = x: x is the double nearest n/100, a decimal of at most 15 significant digits,
 *   and such a decimal is what its nearest double reads back as at 15 digits (15 ≤ DBL_DIG), so
 *   x read at 15 digits is exactly n/100. This is the common case (every two-decimal amount as
 *   typed) and costs one division.
 * - with y = fl(x·100), |y − n| ≤ 2⁻⁵²·|y| (≈ 2.2e−16 relative): then |x − n/100| < 3.4e−16·|x|
 *   (one more rounding in the multiplication), below half a unit in the 15th significant digit of
 *   n/100 (≥ 5e−16 relative), so x read at 15 digits is exactly n/100. This catches float noise
 *   such as a sum's 1104.5400000000002.
 */
const REL = 2 ** -52;
const LIMIT = 1e15;

/** x as an exact integer number of hundredths, or NaN when that is not provably exact. */
export function cents(x: number): number {
  const s = x * 100;
  const n = Math.round(s);
  return exactCents(x, s, n) ? n : NaN;
}

/**
 * The test of {@link cents} on its pieces, s = fl(x·100) and n = Math.round(s), for loops that
 * compute them inline: a boolean, so that the caller's arithmetic stays in unboxed doubles (a
 * helper returning the count as a number costs a heap number per cell once it is not inlined).
 * n === s is the common case (≈ 90% of two-decimal amounts as typed): no division, and it is the
 * second test above with |s − n| = 0. Of the rest, the second test (a multiplication) comes before
 * the first (a division, the slowest step of the row): on the benchmark's amounts it settles every
 * one of them (bench/yoy.bench.ts; the division was some 1–2 ns a row of BUDGET.YOY's column
 * loop). The tests are pure, so their order does not change the result. NaN and ±Infinity fail the
 * range test (|n| < 10^15 is false for both, as n < 10^15 && n > −10^15 was).
 */
export function exactCents(x: number, s: number, n: number): boolean {
  return Math.abs(n) < LIMIT && (n === s || Math.abs(s - n) <= Math.abs(s) * REL || n / 100 === x);
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
