import { Decimal } from '../amount/decimal';
import { balance, payableMonths, ZeroExpenditureError } from './balance';
import { change, DivisionByZeroError, executionRate, ratio, yoy } from './change';
import { changeFacts, describeChange, describeShare } from './describe';
import { cents, yoyFast } from './fast';
import { shares } from './shares';
import fc from 'fast-check';

const s = (d: Decimal | null) => (d === null ? null : d.toString());

describe('change and yoy', () => {
  it('is exact', () => {
    expect(change(0.3, 0.1).toString()).toBe('0.2');
    expect(change('1,104.54', '1,251.00').toString()).toBe('-146.46');
  });

  it.each([
    [1036.02, 1001.57, 'error', '0.03439599828..'],
    [110, 100, 'error', '0.1'],
    [90, -100, 'error', '1.9'],
    [5, 0, 'hundred', '1'],
    [0, 0, 'hundred', '0'],
    [-5, 0, 'hundred', '-1'],
    [5, 0, 'blank', null],
    [0, 309, 'error', '-1'],
  ] as const)('yoy(%p, %p, %s)', (c, p, mode, expected) => {
    const r = yoy(c, p, { zeroBase: mode });
    if (expected && expected.endsWith('..')) expect(s(r)!.startsWith(expected.slice(0, -2))).toBe(true);
    else expect(s(r)).toBe(expected);
  });

  it('throws on a zero base by default', () => {
    expect(() => yoy(1, 0)).toThrow(DivisionByZeroError);
    expect(() => ratio(1, 0)).toThrow(DivisionByZeroError);
  });

  it('ratio and execution rate', () => {
    expect(ratio(1104.54, 1114.26).toDecimalPlaces(4).toString()).toBe('0.9913');
    expect(executionRate(1002, 1000).toString()).toBe('1.002');
  });
});

describe('shares', () => {
  it('rounds each share on its own by default, and balances on request', () => {
    const parts = [1, 1, 1];
    expect(shares(parts, { decimals: 2 }).map(String)).toEqual(['0.3333', '0.3333', '0.3333']);
    const b = shares(parts, { decimals: 2, balance: true });
    expect(b.map(String)).toEqual(['0.3334', '0.3333', '0.3333']);
    expect(b.reduce((a, x) => a.plus(x), new Decimal(0)).toString()).toBe('1');
  });

  it('balanced shares always add up to exactly 100%', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 30 }), (xs) => {
        fc.pre(xs.some((x) => x > 0));
        const r = shares(xs, { decimals: 2, balance: true });
        expect(r.reduce((a, x) => a.plus(x), new Decimal(0)).toString()).toBe('1');
      }),
      { numRuns: 200 },
    );
  });

  it('seed 001 income shares', () => {
    const r = shares(['1104.54', '1.00', '8.72'], { decimals: 2 });
    expect(r.map((x) => x.times(100).toFixed(2))).toEqual(['99.13', '0.09', '0.78']);
  });
});

describe('balance and payable months', () => {
  it('rolls forward (seed 000: 45941 + 43477 − 36454 = 52964)', () => {
    expect(balance(45941, 43477, 36454).toString()).toBe('52964');
    expect(balance(100, 50, 30, 10, 5).toString()).toBe('125');
  });

  it('payable months', () => {
    expect(payableMonths(52964, 36454).toDecimalPlaces(2).toString()).toBe('17.43');
    expect(() => payableMonths(1, 0)).toThrow(ZeroExpenditureError);
  });
});

describe('describeChange', () => {
  it.each([
    [1036.02, 1001.57, {}, '比上年预算增加 34.45 万元，增长 3.44%'],
    [1104.54, 1251, { label: '一般公共预算' }, '一般公共预算 1,104.54 万元，比上年预算减少 146.46 万元，下降 11.71%'],
    [1, 0, {}, '比上年预算增加 1.00 万元，增长 100.00%'],
    [0, 309, {}, '比上年预算减少 309.00 万元，下降 100.00%'],
    [0, 0, {}, '比上年预算增加 0.00 万元，增长 0.00%'],
    [22.72, 22.72, { spaced: false }, '比上年预算增加0.00万元，增长0.00%'],
  ])('(%p, %p, %p)', (c, p, opts, text) => {
    expect(describeChange(c, p, opts)).toBe(text);
  });

  it('share phrase', () => {
    expect(describeShare(1104.54, 1114.26)).toBe('占 99.13%');
    expect(describeShare(1054.63, 1105.54, { label: '社会保障和就业支出(类)', spaced: false })).toBe(
      '社会保障和就业支出(类)1,054.63万元，占95.40%',
    );
  });

  it('facts', () => {
    expect(changeFacts(4.26, 2.26)).toMatchObject({ amountWord: '增加', rateWord: '增长' });
    expect(changeFacts(4.26, 2.26).percent.toString()).toBe('88.5');
  });
});

describe('fast kernel agrees with decimal.js', () => {
  it('accepts exact cents and refuses what it cannot prove', () => {
    expect(cents(0.1 + 0.2)).toBe(30);
    expect(cents(1114.26)).toBe(111426);
    expect(Number.isNaN(cents(1.005))).toBe(true);
    expect(Number.isNaN(cents(1e14))).toBe(true);
  });

  it('yoyFast equals the decimal quotient rounded to a double', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e11, max: 1e11 }), fc.integer({ min: -1e11, max: 1e11 }), (a, b) => {
        fc.pre(b !== 0);
        const c = a / 100;
        const p = b / 100;
        const fast = yoyFast(c, p);
        const exact = yoy(c, p)!.toNumber();
        expect(fast).toBe(exact);
      }),
      { numRuns: 1000 },
    );
  });
});
