import { Decimal, ZERO } from './decimal';

/** A value with the number of decimals it was shown with. */
export interface Term {
  value: Decimal;
  decimals: number;
}

/** How totals are compared with the sum of their items. */
export type ToleranceMode = { kind: 'auto' } | { kind: 'fixed'; amount: Decimal };

export const AUTO_TOLERANCE: ToleranceMode = { kind: 'auto' };

/** `equal`: exact; `rounding`: unequal but explained by rounding; `mismatch`: a real error. */
export type Consistency = 'equal' | 'rounding' | 'mismatch';

export interface Comparison {
  status: Consistency;
  /** actual − expected, exact. */
  difference: Decimal;
  /** The largest difference rounding can explain under the mode in force. */
  tolerance: Decimal;
}

const halfUnits = new Map<number, Decimal>();

/** Half a unit in the last shown place: ½·10^−d. */
export function halfUnit(decimals: number): Decimal {
  let h = halfUnits.get(decimals);
  if (!h) {
    h = new Decimal(`5e${-decimals - 1}`);
    halfUnits.set(decimals, h);
  }
  return h;
}

/**
 * The interval rule of XBRL Calculations 1.1 (round-to-nearest): a value shown with d decimals
 * stands for [v − ½·10^−d, v + ½·10^−d]; a total and the sum of its items are consistent when
 * their intervals overlap. For n items of equal d this is |total − Σ| ≤ ½·10^−d·(n + 1).
 */
export function intervalTolerance(total: Term, items: readonly Term[]): Decimal {
  let t = halfUnit(total.decimals);
  for (const it of items) t = t.plus(halfUnit(it.decimals));
  return t;
}

/**
 * Compares a stated total with the sum of its items.
 * `copied`: the two sides are the same quantity (a figure carried between tables): no rounding
 * excuse, any difference is a mismatch.
 */
export function compareSum(
  total: Term,
  items: readonly Term[],
  mode: ToleranceMode = AUTO_TOLERANCE,
  copied = false,
): Comparison {
  let sum = ZERO;
  for (const it of items) sum = sum.plus(it.value);
  const difference = total.value.minus(sum);
  const tolerance = copied ? ZERO : mode.kind === 'fixed' ? mode.amount : intervalTolerance(total, items);
  const status: Consistency = difference.isZero() ? 'equal' : difference.abs().lte(tolerance) ? 'rounding' : 'mismatch';
  return { status, difference, tolerance };
}

/** Compares two figures that should be equal (one item on each side). */
export function compareValues(
  actual: Term,
  expected: Term,
  mode: ToleranceMode = AUTO_TOLERANCE,
  copied = false,
): Comparison {
  return compareSum(actual, [expected], mode, copied);
}
