import fc from 'fast-check';
import { Decimal } from './decimal';
import { roundHalfUp } from './round';
import { formatAmount, formatPercent } from './format';
import { parseAmount } from './parse';

describe('roundHalfUp (Excel ROUND)', () => {
  it.each([
    [1.005, 2, '1.01'],
    [-2.345, 2, '-2.35'],
    [8.985, 2, '8.99'],
    [2.675, 2, '2.68'],
    [1.0049999, 2, '1'],
    [0.1 + 0.2, 1, '0.3'],
    [-0.5, 0, '-1'],
    [0.5, 0, '1'],
    [1234.5678, -2, '1200'],
    [1250, -2, '1300'],
    [-1250, -2, '-1300'],
    ['12.345', 2, '12.35'],
    [1e20, 2, '100000000000000000000'],
    [5e-324, 2, '0'],
  ])('ROUND(%p, %i) = %s', (v, d, expected) => {
    expect(roundHalfUp(v, d).toString()).toBe(expected);
  });

  it('rejects fractional digits', () => {
    expect(() => roundHalfUp(1, 1.5)).toThrow(RangeError);
  });

  // Independent reference: integer arithmetic on the decimal string with BigInt.
  function referenceRound(text: string, digits: number): string {
    const neg = text.startsWith('-');
    const [i, f = ''] = (neg ? text.slice(1) : text).split('.');
    const padded = (f + '0'.repeat(digits + 1)).slice(0, digits + 1);
    const rest = f.slice(digits + 1);
    let n = BigInt(i + padded);
    const last = n % 10n;
    n = n / 10n;
    if (last >= 5n) n += 1n;
    void rest; // digits beyond the first dropped one never change a half-up decision except at exactly 5, covered by >=
    const s = n.toString().padStart(digits + 1, '0');
    const out = digits ? `${s.slice(0, -digits)}.${s.slice(-digits)}` : s;
    const value = new Decimal(out);
    return (neg && !value.isZero() ? value.negated() : value).toString();
  }

  it('matches an independent BigInt reference on random decimals', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 4 }),
        (n, scale, digits) => {
          const s = new Decimal(n.toString()).div(new Decimal(10).pow(scale)).toFixed();
          expect(roundHalfUp(s, digits).toString()).toBe(referenceRound(s, digits));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('formatAmount and formatPercent', () => {
  it.each([
    [1104.54, '1,104.54'],
    [1114.26, '1,114.26'],
    [0, '0.00'],
    [-12.3, '-12.30'],
    [-0.004, '0.00'],
    [1234567.891, '1,234,567.89'],
    [999.995, '1,000.00'],
  ])('%p → %s', (v, s) => {
    expect(formatAmount(v)).toBe(s);
  });

  it('formats with other decimals and without grouping', () => {
    expect(formatAmount(52964, { decimals: 0 })).toBe('52,964');
    expect(formatAmount(1104.5, { grouping: false })).toBe('1104.50');
  });

  it.each([
    [0.9913, '99.13%'],
    [0.99125, '99.13%'],
    [1, '100.00%'],
    [-0.1171, '-11.71%'],
    [0.0009, '0.09%'],
  ])('percent %p → %s', (v, s) => {
    expect(formatPercent(v)).toBe(s);
  });

  it('parse ∘ format is the identity on 2-decimal amounts', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), (cents) => {
        const d = new Decimal(cents.toString()).div(100);
        const p = parseAmount(formatAmount(d));
        expect(p.kind).toBe('amount');
        if (p.kind === 'amount') expect(p.value.eq(d)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
