import { Decimal, ONE, ZERO } from '../amount/decimal';
import { AmountLike, toDecimal } from '../amount/parse';
import { alignScaled, readScaled, Scaled } from '../amount/scaled';
import { message } from '../i18n/messages';

const sa: Scaled = { n: 0, k: 0 };
const sb: Scaled = { n: 0, k: 0 };

/**
 * Both values read exactly as integers of one scale (src/amount/scaled.ts) into `sa` and `sb`; false
 * sends the caller to decimal.js.
 */
function readPair(a: AmountLike, b: AmountLike): boolean {
  return readScaled(a, sa) && readScaled(b, sb) && alignScaled(sa, sb);
}

/** current − prior, exact. */
export function change(current: AmountLike, prior: AmountLike): Decimal {
  return toDecimal(current).minus(toDecimal(prior));
}

/**
 * What to do when the prior year (the base) is zero:
 * - `error`: a division by zero (Excel's #DIV/0!);
 * - `hundred`: the disclosure convention: a rise from 0 is +100%, a fall to 0 from 0 is 0%;
 * - `blank`: no figure.
 */
export type ZeroBase = 'error' | 'hundred' | 'blank';
export const ZERO_BASES: readonly ZeroBase[] = ['error', 'hundred', 'blank'];

export class DivisionByZeroError extends Error {
  constructor() {
    const m = message('metric.divZero');
    super(`${m.zh} / ${m.en}`);
    this.name = 'DivisionByZeroError';
  }
}

export interface YoyOptions {
  zeroBase?: ZeroBase;
}

/** The zero-base convention applied to a change from a zero prior. */
export function zeroBaseYoy(current: Decimal, mode: ZeroBase): Decimal | null {
  if (mode === 'error') throw new DivisionByZeroError();
  if (mode === 'blank') return null;
  return current.isZero() ? ZERO : current.isNegative() ? ONE.negated() : ONE;
}

/**
 * Year-over-year change as a fraction: (current − prior) / |prior|. A negative prior divides by
 * its absolute value, so that a rise is always positive. Zero prior: see {@link ZeroBase}.
 * Returns null only with `zeroBase: 'blank'`.
 */
export function yoy(current: AmountLike, prior: AmountLike, options: YoyOptions = {}): Decimal | null {
  if (readPair(current, prior)) {
    // Integers of one scale: the difference is exact, and the quotient of the two integers is the
    // quotient of the amounts, rounded once by decimal.js as on the slow path.
    const c = sa.n;
    const p = sb.n;
    if (p === 0) return zeroBaseYoy(new Decimal(c), options.zeroBase ?? 'error');
    return new Decimal(c - p).div(Math.abs(p));
  }
  return yoyDecimal(current, prior, options);
}

/** The decimal.js path of {@link yoy}, kept as the reference the fast path is tested against. */
export function yoyDecimal(current: AmountLike, prior: AmountLike, options: YoyOptions = {}): Decimal | null {
  const c = toDecimal(current);
  const p = toDecimal(prior);
  if (p.isZero()) return zeroBaseYoy(c, options.zeroBase ?? 'error');
  return c.minus(p).div(p.abs());
}

/** part / whole. */
export function ratio(part: AmountLike, whole: AmountLike): Decimal {
  if (readPair(part, whole)) {
    if (sb.n === 0) throw new DivisionByZeroError();
    return new Decimal(sa.n).div(sb.n);
  }
  return ratioDecimal(part, whole);
}

/** The decimal.js path of {@link ratio}, kept as the reference the fast path is tested against. */
export function ratioDecimal(part: AmountLike, whole: AmountLike): Decimal {
  const w = toDecimal(whole);
  if (w.isZero()) throw new DivisionByZeroError();
  return toDecimal(part).div(w);
}

/** Execution rate: actual / budget (预计执行数为预算数的%). */
export function executionRate(actual: AmountLike, budget: AmountLike): Decimal {
  return ratio(actual, budget);
}
