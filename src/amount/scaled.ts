/**
 * Amounts as exact scaled integers (n / 10^k), read without allocating Decimals: the fast paths of
 * roundHalfUp, formatAmount and the metrics. A reading succeeds only when it is provably the value
 * decimal.js would get from the same input (a number read at Excel's 15 significant digits, or a
 * plain decimal text); otherwise the callers take the decimal.js path, which stays the reference.
 *
 * Soundness of {@link readNumberScaled}: let y = fl(x·10^k) and n = round(y). We accept only when
 * |n| < 10^15 and |y − n| ≤ 2⁻⁵²·|y|. Then |x − n/10^k| < 3.4e−16·|x| (one more rounding in the
 * multiplication, 10^k being exact for k ≤ 22), which is below half a unit in the 15th
 * significant digit of n/10^k (≥ 5e−16 relative); n/10^k has at most 15 significant digits, so it
 * is exactly x read at 15 digits (`x.toPrecision(15)`, as {@link decimalFromNumber} reads it).
 */

const REL = 2 ** -52;
/** Largest |n| (exclusive): 15 significant digits. */
export const SCALED_LIMIT = 1e15;
/** Largest scale tried: 10^22 is the last power of ten a double holds exactly. */
export const MAX_SCALE = 22;
/** Exact powers of ten as doubles, 10^0 … 10^22. */
export const POW10: readonly number[] = Array.from({ length: MAX_SCALE + 1 }, (_, i) => Number(`1e${i}`));
/** Integers below this add and subtract exactly in pairs (their sum stays below 2^53). */
export const HALF_SAFE = 2 ** 52;

/** A reading: value = n / 10^k, n an integer (−0 kept as the sign of a negative zero). */
export interface Scaled {
  n: number;
  k: number;
}

/** x read at Excel's 15 significant digits as n / 10^k into `out`; false when not provably exact. */
export function readNumberScaled(x: number, out: Scaled): boolean {
  if (Number.isInteger(x)) {
    if (!(Math.abs(x) < SCALED_LIMIT)) return false;
    out.n = x;
    out.k = 0;
    return true;
  }
  if (x !== x || x === Infinity || x === -Infinity) return false;
  for (let k = 1; k <= MAX_SCALE; k++) {
    const y = x * POW10[k];
    const n = Math.round(y);
    if (!(Math.abs(n) < SCALED_LIMIT)) return false;
    const err = Math.abs(y - n);
    if (err <= Math.abs(y) * REL) {
      out.n = n;
      out.k = k;
      return true;
    }
  }
  return false;
}

/** A plain decimal text: optional minus, digits, optional point and digits; 15 digits at most. */
const PLAIN = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * A plain decimal text (`-1104.54`) as n / 10^k, as parseAmountText reads it; anything else
 * (grouping, spaces, full-width digits, units, %, exponents, more than 15 digits) gives false and
 * is left to the full parser. `-0.00` is +0, as the parser never negates a zero.
 */
export function readTextScaled(s: string, out: Scaled): boolean {
  if (s.length > 17) return false;
  const m = PLAIN.exec(s);
  if (m === null) return false;
  const frac = m[3] ?? '';
  if (m[2].length + frac.length > 15) return false;
  const n = Number(m[2] + frac);
  out.n = m[1] === '-' && n !== 0 ? -n : n;
  out.k = frac.length;
  return true;
}

/** A number or a plain decimal text as n / 10^k; false for everything else (Decimals included). */
export function readScaled(x: unknown, out: Scaled): boolean {
  if (typeof x === 'number') return readNumberScaled(x, out);
  if (typeof x === 'string') return readTextScaled(x, out);
  return false;
}

/**
 * round(a / 10^j) half away from zero, for an integer 0 ≤ a < 2^53 and j ≥ 0, exactly.
 */
export function roundDivPow10(a: number, j: number): number {
  if (j === 0) return a;
  if (j > 16) return 0; // a < 2^53 < 10^16 / 2 … so a / 10^j < 0.5
  const p = POW10[j];
  return roundDiv(a, p);
}

/** round(a / b) half away from zero for integers 0 ≤ a, 0 < b, both below 2^53, exactly. */
export function roundDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  let r = a - q * b;
  // The quotient of two doubles is rounded: put q right (q·b ≤ a < 2^53 keeps r exact).
  while (r < 0) {
    q--;
    r += b;
  }
  while (r >= b) {
    q++;
    r -= b;
  }
  return r * 2 >= b ? q + 1 : q;
}

/** Thousands separators in a string of digits (no sign), without a regular expression (a hot path of DESCRIBE). */
function group(intPart: string): string {
  const n = intPart.length;
  if (n <= 3) return intPart;
  const head = n % 3 || 3;
  let out = intPart.slice(0, head);
  for (let i = head; i < n; i += 3) out += ',' + intPart.slice(i, i + 3);
  return out;
}

/**
 * n / 10^k printed as formatAmount prints it: rounded half away from zero to `decimals` (an
 * integer, −15 … 22), `-` only when the rounded value is not zero, optional thousands separators.
 */
export function formatScaled(n: number, k: number, decimals: number, grouping: boolean): string {
  const neg = n < 0;
  const a = neg ? -n : n;
  let digits: string;
  const shown = decimals > 0 ? decimals : 0;
  let zero: boolean;
  if (k <= decimals) {
    zero = a === 0;
    digits = zero ? '0' : String(a) + (decimals - k > 0 ? '0'.repeat(decimals - k) : '');
  } else {
    const q = roundDivPow10(a, k - decimals);
    zero = q === 0;
    digits = zero || decimals >= 0 ? String(q) : String(q) + '0'.repeat(-decimals);
  }
  let int: string;
  let frac = '';
  if (shown === 0) int = digits;
  else {
    if (digits.length <= shown) digits = '0'.repeat(shown - digits.length + 1) + digits;
    int = digits.slice(0, digits.length - shown);
    frac = digits.slice(digits.length - shown);
  }
  const body = (grouping ? group(int) : int) + (shown > 0 ? `.${frac}` : '');
  return neg && !zero ? `-${body}` : body;
}

/**
 * Brings two readings to their common scale (the larger k) in place, so that a.n and b.n are
 * integers in the same unit; false when either would reach 2^52 (their sum or difference would
 * then not be exact).
 */
export function alignScaled(a: Scaled, b: Scaled): boolean {
  if (a.k < b.k) {
    a.n *= POW10[b.k - a.k];
    a.k = b.k;
  } else if (b.k < a.k) {
    b.n *= POW10[a.k - b.k];
    b.k = a.k;
  }
  return Math.abs(a.n) < HALF_SAFE && Math.abs(b.n) < HALF_SAFE;
}
