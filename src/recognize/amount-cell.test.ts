/**
 * Amount cells make their Decimal only when asked: for any number, what they report (value,
 * decimals, cents) must be exactly what reading it eagerly through parseAmount gives.
 */
import fc from 'fast-check';
import { parseAmount } from '../amount/parse';
import { cents } from '../metrics/fast';
import { sheetFromValues } from '../workbook/model';
import { readAmountCell, SheetView } from './sheet-view';

function eager(raw: number) {
  const p = parseAmount(raw);
  if (p.kind !== 'amount') return { value: null, decimals: 0, cents: undefined };
  const k = cents(raw);
  return { value: p.value.toFixed(), decimals: p.decimals, cents: k === k ? k : undefined };
}

function lazy(raw: number) {
  const view = new SheetView(sheetFromValues('t', [[raw]]));
  const cell = readAmountCell(view, 0, 0);
  const out = { cents: cell.cents, decimals: cell.decimals };
  return { value: cell.value?.toFixed() ?? null, ...out };
}

describe('amount cells with a deferred Decimal', () => {
  it.each([0, 1, -1, 1.5, -2.35, 1114.26, 0.1 + 0.2, 1e13 + 0.01, 12345678901.23, -0.05, 3.14159, 1e300])(
    '%p reads as it would eagerly',
    (raw) => expect(lazy(raw)).toEqual(eager(raw)),
  );

  it('any cent amount or double reads as it would eagerly', () => {
    const centAmounts = fc.integer({ min: -1e13, max: 1e13 }).map((k) => k / 100);
    fc.assert(
      fc.property(fc.oneof(centAmounts, fc.double({ noNaN: true, noDefaultInfinity: true })), (raw) => {
        expect(lazy(raw)).toEqual(eager(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it('takes a number format’s decimals over the digits present', () => {
    const view = new SheetView({ name: 't', rows: [[{ v: 5, z: '#,##0.00' }]], merges: [] });
    const cell = readAmountCell(view, 0, 0);
    expect([cell.decimals, cell.cents, cell.value?.toFixed()]).toEqual([2, 500, '5']);
  });
});
