/**
 * The integer fast paths of roundHalfUp, formatAmount and formatPercent against their decimal.js
 * paths: identical results (value, sign of zero, text, or the same error) over wide random inputs.
 */
import fc from 'fast-check';
import { Decimal } from './decimal';
import { formatAmount, formatAmountDecimal, formatPercent } from './format';
import { toDecimal } from './parse';
import { roundHalfUp, roundHalfUpDecimal } from './round';
import { formatScaled, readNumberScaled, readTextScaled, roundDiv, Scaled } from './scaled';

/** Any double, including −0, NaN, ±Infinity, subnormals and huge values. */
const anyDouble = fc.double();
/** Amounts with two decimals, as budgets hold them. */
const cents = fc.integer({ min: -1e13, max: 1e13 }).map((n) => n / 100);
/** Values at exactly 15 significant digits (and fewer), at scales 10^0 … 10^-22. */
const fifteen = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 22 }))
  .map(([n, k]) => Number(`${n}e-${k}`));
/** Just beyond the safe range: 15 digits and more, integers around 2^53, 16–17 significant digits. */
const beyond = fc.oneof(
  fc.integer({ min: 0, max: 1e6 }).map((d) => 1e15 - 500 + d),
  fc.integer({ min: -1e6, max: 1e6 }).map((d) => 2 ** 53 + d),
  fc.integer({ min: -1e6, max: 1e6 }).map((d) => -(2 ** 53) + d),
  fc
    .tuple(fc.bigInt({ min: 10n ** 15n, max: 10n ** 17n }), fc.integer({ min: 0, max: 20 }))
    .map(([n, k]) => Number(`${n}e-${k}`)),
);
/** Half-way cases at every number of places: …5 exactly at the rounding digit. */
const ties = fc
  .tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 8 }))
  .map(([m, places]) => Number(`${m}5e-${places}`));
const numbers = fc.oneof(
  anyDouble,
  cents,
  fifteen,
  beyond,
  ties,
  fc.constantFrom(0, -0, 0.5, -0.5, 1.005, -2.345, 1e-7, 0.1 + 0.2),
);
/** Numbers as texts: their String(), toFixed forms, plain decimals with 15+ digits, and odd ones. */
const texts = fc.oneof(
  numbers.filter(Number.isFinite).map(String),
  fc.tuple(cents, fc.integer({ min: 0, max: 6 })).map(([x, d]) => x.toFixed(d)),
  fc.tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 20 })).map(([n, k]) => {
    const s = (n < 0n ? -n : n).toString().padStart(k + 1, '0');
    return `${n < 0n ? '-' : ''}${k ? `${s.slice(0, s.length - k)}.${s.slice(s.length - k)}` : s}`;
  }),
  fc.constantFrom(
    '-0',
    '-0.00',
    '0.000',
    '00012.50',
    '1,104.54',
    ' 12.5',
    '１２.５',
    '(3)',
    '12.',
    '.5',
    '1e5',
    'abc',
    '',
  ),
);
const values = fc.oneof(numbers, texts);
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
