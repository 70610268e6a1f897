/**
 * BUDGET.YOY, BUDGET.RATIO and BUDGET.DESCRIBE over whole columns (their tight loops, issue 17
 * item 4) give, cell for cell, what each cell gives alone through mapCells: the same numbers, the
 * same sentences, the same per-cell errors with the same messages.
 */
import fc from 'fast-check';
import { describe as describeFn, ratio, yoy } from './functions';
import { setFunctionLanguage } from './cells';
import { cents, numbers, values } from '../test/helpers/amount-arbitraries';
import { ratioDecimal, yoyDecimal } from '../src/metrics/change';
import { describeChangeDecimal } from '../src/metrics/describe';
import { parseAmount } from '../src/amount/parse';

const cell = fc.oneof(
  { weight: 6, arbitrary: values },
  { weight: 1, arbitrary: fc.constantFrom(null, '', 0, -0, true, '—') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      { code: '#N/A' },
      { type: 'Error', basicValue: '#DIV/0!', errorType: 'Div0' },
      { type: 'Double', basicValue: 110, numberFormat: '#,##0.00' },
      { type: 'Entity', text: '北京' },
    ),
  },
);
const columns = fc
  .integer({ min: 2, max: 30 })
  .chain((n) =>
    fc.tuple(fc.array(cell, { minLength: n, maxLength: n }), fc.array(cell, { minLength: n, maxLength: n })),
  );

afterEach(() => setFunctionLanguage(undefined));

describe('column loops agree with the cell-by-cell path', () => {
  it('BUDGET.YOY, every zero-base convention', () => {
    setFunctionLanguage('en');
    fc.assert(
      fc.property(columns, fc.constantFrom(undefined, 'hundred', 'blank'), ([a, b], mode) => {
        const whole = yoy(
          a.map((x) => [x]),
          b.map((x) => [x]),
          mode,
        );
        expect(whole).toEqual(a.map((x, i) => yoy([[x]], [[b[i]]], mode)[0]));
      }),
      { numRuns: 3000 },
    );
  }, 120_000);

  it('BUDGET.YOY and BUDGET.RATIO on numbers are the decimal.js results, bit for bit (ties, negatives, zeros, 15 digits, beyond 2^53)', () => {
    const edges = fc.constantFrom(
      0,
      -0,
      0.01,
      -0.01,
      1.1,
      0.3,
      0.1,
      0.1 + 0.2,
      1.005,
      -2.345,
      0.5,
      1104.54,
      1104.5400000000002,
      9999999999999.99,
      -9999999999999.99,
      99999999999999.9,
      2 ** 53,
      -(2 ** 53),
      2 ** 53 + 2,
      1e15,
      1e15 - 1,
      123456789012.345,
      1e-7,
      5e-324,
      Number.MAX_VALUE,
    );
    const amount = fc.oneof(
      { weight: 3, arbitrary: cents },
      { weight: 2, arbitrary: numbers },
      { weight: 1, arbitrary: edges },
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, amount), { minLength: 2, maxLength: 30 }), (pairs) => {
        const whole = yoy(
          pairs.map(([x]) => [x]),
          pairs.map(([, y]) => [y]),
          'hundred',
        );
        const shares = ratio(
          pairs.map(([x]) => [x]),
          pairs.map(([, y]) => [y]),
        );
        pairs.forEach(([x, y], i) => {
          if (!Number.isFinite(x) || !Number.isFinite(y)) return;
          expect(whole[i][0]).toBe(yoyDecimal(x, y, { zeroBase: 'hundred' })!.toNumber());
          if (y !== 0) expect(shares[i][0]).toBe(ratioDecimal(x, y).toNumber());
        });
      }),
      { numRuns: 3000 },
    );
  }, 120_000);

  it('BUDGET.RATIO', () => {
    fc.assert(
      fc.property(columns, ([a, b]) => {
        const whole = ratio(
          a.map((x) => [x]),
          b.map((x) => [x]),
        );
        expect(whole).toEqual(a.map((x, i) => ratio([[x]], [[b[i]]])[0]));
      }),
      { numRuns: 3000 },
    );
  }, 120_000);

  it('BUDGET.DESCRIBE, with and without labels, and as the decimal.js path words it', () => {
    fc.assert(
      fc.property(columns, fc.boolean(), ([a, b], labelled) => {
        const labels = labelled ? a.map((_, i) => [i % 3 ? `项目${i}` : null]) : undefined;
        const whole = describeFn(
          a.map((x) => [x]),
          b.map((x) => [x]),
          labels,
        );
        expect(whole).toEqual(a.map((x, i) => describeFn([[x]], [[b[i]]], labels ? [labels[i]] : undefined)[0]));
        a.forEach((x, i) => {
          const c = parseAmount(x);
          const p = parseAmount(b[i]);
          if (c.kind !== 'amount' || p.kind !== 'amount') return;
          const label = labels?.[i][0] ?? undefined;
          expect(whole[i][0]).toBe(describeChangeDecimal(c.value, p.value, { label, unit: '万元' }));
        });
      }),
      { numRuns: 2000 },
    );
  }, 120_000);
});
