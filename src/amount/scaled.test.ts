/**
 * The integer fast paths of roundHalfUp, formatAmount and formatPercent against their decimal.js
 * paths: identical results (value, sign of zero, text, or the same error) over wide random inputs.
 */
import fc from 'fast-check';
import { Decimal } from './decimal';
import { formatAmount, formatAmountDecimal, formatPercent } from './format';
import { toDecimal } from './parse';
import { roundHalfUp, roundHalfUpNumber, roundHalfUpDecimal } from './round';
import { formatScaled, readNumberScaled, readTextScaled, roundDiv, Scaled } from './scaled';
import { values } from '../../test/helpers/amount-arbitraries';

const digits = fc.integer({ min: -16, max: 24 });

type Outcome = { value: string; negative: boolean } | { text: string } | { error: string };
function outcome(f: () => Decimal | string): Outcome {
  try {
    const r = f();
    return typeof r === 'string' ? { text: r } : { value: r.toString(), negative: r.isNegative() };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

const RUNS = 20000;

describe('integer fast paths agree with decimal.js', () => {
  it('roundHalfUp: identical Decimal (value and sign of zero) or the same error', () => {
    fc.assert(
      fc.property(values, digits, (v, d) => {
        expect(outcome(() => roundHalfUp(v, d))).toEqual(outcome(() => roundHalfUpDecimal(v, d)));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('roundHalfUpNumber: NaN, or the decimal.js result as a number (sign of zero included)', () => {
    fc.assert(
      fc.property(values, fc.oneof(digits, fc.constantFrom(1.5, -0.5)), (v, d) => {
        const r = roundHalfUpNumber(v, d);
        if (Number.isNaN(r)) return;
        expect(Object.is(r, roundHalfUpDecimal(v, d).toNumber())).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(roundHalfUpNumber(1.005, 2)).toBe(1.01);
    expect(roundHalfUpNumber(-2.345, 2)).toBe(-2.35);
    expect(Object.is(roundHalfUpNumber(-0.004, 2), -0)).toBe(true);
    expect(roundHalfUpNumber(1234, -2)).toBe(1200);
    expect(roundHalfUpNumber(2 ** 53, 2)).toBeNaN();
    expect(roundHalfUpNumber(1.5, 0.5)).toBeNaN();
  }, 120_000);

  it('formatAmount: identical text', () => {
    fc.assert(
      fc.property(values, digits, fc.boolean(), (v, d, grouping) => {
        const options = { decimals: d, grouping };
        expect(outcome(() => formatAmount(v, options))).toEqual(outcome(() => formatAmountDecimal(v, options)));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('formatPercent: identical text', () => {
    const reference = (v: unknown, d: number) =>
      `${formatAmountDecimal(toDecimal(v as string).times(100), { decimals: d, grouping: false })}%`;
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 6 }), (v, d) => {
        expect(outcome(() => formatPercent(v, d))).toEqual(outcome(() => reference(v, d)));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('the fast reading is what decimal.js reads, whenever it succeeds', () => {
    const slot: Scaled = { n: 0, k: 0 };
    fc.assert(
      fc.property(values, (v) => {
        const ok = typeof v === 'number' ? readNumberScaled(v, slot) : readTextScaled(v, slot);
        if (!ok) return;
        const exact = toDecimal(v);
        expect(new Decimal(slot.n).div(new Decimal(10).pow(slot.k)).toString()).toBe(exact.toString());
        expect(Math.abs(slot.n)).toBeLessThan(1e15);
      }),
      { numRuns: RUNS },
    );
  });

  it('takes the fast path for ordinary amounts (so the speed is not an accident)', () => {
    const slot: Scaled = { n: 0, k: 0 };
    expect(readNumberScaled(1104.54, slot) && slot.n === 110454 && slot.k === 2).toBe(true);
    expect(readNumberScaled(0.1 + 0.2, slot) && slot.n === 3 && slot.k === 1).toBe(true);
    expect(readNumberScaled(-0.005, slot) && slot.n === -5 && slot.k === 3).toBe(true);
    expect(readNumberScaled(1e15, slot)).toBe(false);
    expect(readNumberScaled(2 ** 53 + 2, slot)).toBe(false);
    expect(readTextScaled('-1104.54', slot) && slot.n === -110454 && slot.k === 2).toBe(true);
    expect(readTextScaled('1,104.54', slot)).toBe(false);
    expect(readTextScaled('1234567890123456', slot)).toBe(false);
  });

  it('rounds ties half away from zero in integers', () => {
    expect(roundDiv(5, 10)).toBe(1);
    expect(roundDiv(4, 10)).toBe(0);
    expect(roundDiv(2 ** 53 - 1, 2)).toBe(2 ** 52);
    expect(formatScaled(-5, 3, 2, true)).toBe('-0.01');
    expect(formatScaled(-4, 3, 2, true)).toBe('0.00');
    expect(formatScaled(123456789, 0, -2, true)).toBe('123,456,800');
    expect(formatScaled(-49, 0, -2, true)).toBe('0');
    expect(formatAmount(-0.004)).toBe('0.00');
    expect(roundHalfUp(-0.004).isNegative()).toBe(true);
    expect(roundHalfUp('-0.00').isNegative()).toBe(false);
  });
});
