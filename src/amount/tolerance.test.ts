import { Decimal } from './decimal';
import { compareSum, compareValues, intervalTolerance, Term } from './tolerance';

const t = (v: string, d = 2): Term => ({ value: new Decimal(v), decimals: d });

describe('interval rule', () => {
  it('gives ½·10^−d·(n+1) for equal decimals', () => {
    expect(intervalTolerance(t('1'), [t('1'), t('1')]).toString()).toBe('0.015');
    expect(intervalTolerance(t('1', 0), [t('1', 0)]).toString()).toBe('1');
  });

  it.each([
    // seed 001 T3 总计: 1,114.26 vs 388.20 + 726.07 = 1,114.27
    ['1114.26', ['388.20', '726.07'], 'rounding', '-0.01'],
    // seed 001 T6 302: 6.29 vs Σ款 6.31 (5 items → tolerance 0.03)
    ['6.29', ['1.01', '0.84', '1.16', '1.18', '2.12'], 'rounding', '-0.02'],
    ['100.00', ['50.00', '50.00'], 'equal', '0'],
    ['100.00', ['50.00', '49.90'], 'mismatch', '0.1'],
    // seed 000 shifted 结余表: 45941 vs 52964 in integers
    ['45941', ['52964'], 'mismatch', '-7023'],
  ])('%s vs %p → %s (%s)', (total, items, status, diff) => {
    const d = total.includes('.') ? 2 : 0;
    const c = compareSum(
      t(total, d),
      items.map((i) => t(i, d)),
    );
    expect(c.status).toBe(status);
    expect(c.difference.toString()).toBe(diff);
  });

  it('gives no tolerance to copied figures', () => {
    expect(compareValues(t('571.48'), t('571.49'), { kind: 'auto' }, true).status).toBe('mismatch');
  });

  it('uses a fixed tolerance when the user sets one', () => {
    const mode = { kind: 'fixed' as const, amount: new Decimal('0.5') };
    expect(compareSum(t('10'), [t('9.6')], mode).status).toBe('rounding');
    expect(compareSum(t('10'), [t('9.4')], mode).status).toBe('mismatch');
  });
});
