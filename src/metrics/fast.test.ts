/**
 * The integer fast paths of yoy, ratio and describeChange against their decimal.js paths: identical
 * Decimals (value and sign of zero), identical sentences, or the same error, over wide random inputs.
 */
import fc from 'fast-check';
import { Decimal, decimalFromNumber } from '../amount/decimal';
import { cents, numbers, values } from '../../test/helpers/amount-arbitraries';
import { change, ratio, ratioDecimal, yoy, yoyDecimal, ZERO_BASES } from './change';
import { cents as centsOf, changeFast, ratioFast, yoyFast } from './fast';
import { describeChange, describeChangeDecimal, PhraseOptions } from './describe';

type Outcome = { value: string; negative: boolean } | { text: string } | { error: string } | null;
function outcome(f: () => Decimal | string | null): Outcome {
  try {
    const r = f();
    if (r === null) return null;
    return typeof r === 'string' ? { text: r } : { value: r.toString(), negative: r.isNegative() };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

/**
 * Pairs whose percentage change lands exactly half-way at the second decimal: prior = 20000·u
 * cents and change = (2j+1)·u cents give change/prior = (2j+1)/20000, i.e. j/100 + 0.005 %.
 */
const tiePairs = fc
  .tuple(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: -4e4, max: 4e4 }), fc.boolean(), fc.boolean())
  .map(([u, j, negPrior, asText]) => {
    const p = (negPrior ? -20000 : 20000) * u;
    const c = p + (2 * j + 1) * u;
    return asText ? [(c / 100).toFixed(2), (p / 100).toFixed(2)] : [c / 100, p / 100];
  });
/**
 * Pairs whose percentage lies 1/(2·prior) away from a half-way point, just above or just below it,
 * with |change| × 10^4 close to 2^53: where a floating-point division would round the wrong way.
 * prior p (cents, odd, not a multiple of 5) and 2·|change|·10^4 = (2m+1)·p ± 1, solved mod 2·10^4.
 */
function inverseMod(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [a % m, m, 1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}
const nearTiePairs = fc
  .tuple(fc.bigInt({ min: 10n ** 10n, max: 9n * 10n ** 12n }), fc.constantFrom(1n, -1n), fc.integer({ min: 0, max: 3 }))
  .map(([raw, sign, s]) => {
    const p = raw - (raw % 10n) + 1n; // odd, coprime with 10
    const M = 20000n;
    // (2m+1)·p ≡ −sign (mod 2·10^4) makes 2·num = (2m+1)·p + sign divisible by 2·10^4.
    const t = (((-sign * inverseMod(p, M)) % M) + M) % M;
    const odd = t + M * BigInt(s);
    const num = (odd * p + sign) / 2n;
    const ch = num / 10000n;
    const cents = (x: bigint) => Number(x) / 100;
    return [cents(p + ch), cents(p)];
  });
const pairs = fc.oneof(
  nearTiePairs,
  fc.tuple(values, values),
  fc.tuple(cents, cents),
  tiePairs,
  fc.tuple(cents, fc.constantFrom(0, -0, '0', '-0.00')),
  fc.tuple(fc.constantFrom(0, -0, '0', '-0'), cents),
);
const options: fc.Arbitrary<PhraseOptions> = fc.record(
  {
    decimals: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constantFrom(-1, 11, 1.5)),
    unit: fc.constantFrom('万元', '元', ''),
    basis: fc.constantFrom('上年预算', '上年决算'),
    spaced: fc.boolean(),
    label: fc.constantFrom('一般公共预算', '', '合计'),
  },
  { requiredKeys: [] },
);

const RUNS = 20000;

describe('metrics: integer fast paths agree with decimal.js', () => {
  it('yoy: identical Decimal, null or error under every zero-base convention', () => {
    fc.assert(
      fc.property(pairs, fc.constantFrom(undefined, ...ZERO_BASES), ([c, p], zeroBase) => {
        const o = zeroBase === undefined ? {} : { zeroBase };
        expect(outcome(() => yoy(c, p, o))).toEqual(outcome(() => yoyDecimal(c, p, o)));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('ratio: identical Decimal or error', () => {
    fc.assert(
      fc.property(pairs, ([a, b]) => {
        expect(outcome(() => ratio(a, b))).toEqual(outcome(() => ratioDecimal(a, b)));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('describeChange: identical sentence or error, with any options', () => {
    fc.assert(
      fc.property(pairs, options, ([c, p], o) => {
        expect(outcome(() => describeChange(c, p, o))).toEqual(outcome(() => describeChangeDecimal(c, p, o)));
      }),
      { numRuns: RUNS },
    );
  }, 120_000);

  it('cents: NaN, or exactly the hundredths of the number read at 15 significant digits', () => {
    fc.assert(
      fc.property(fc.oneof(numbers, cents), (x) => {
        const n = centsOf(x);
        if (Number.isNaN(n)) return;
        expect(Number.isInteger(n) && Math.abs(n) < 1e15).toBe(true);
        expect(new Decimal(n).div(100).eq(decimalFromNumber(x)!)).toBe(true);
        expect(Object.is(n, -0)).toBe(Object.is(x, -0));
      }),
      { numRuns: RUNS },
    );
    // Float noise of a sum reads through (the relative test), two decimals as typed (the division).
    expect(centsOf(0.1 + 0.2)).toBe(30);
    expect(centsOf(1104.54)).toBe(110454);
    expect(centsOf(-0.29)).toBe(-29);
    expect(centsOf(0.005)).toBeNaN();
    expect(centsOf(1e13)).toBeNaN();
    expect(centsOf(2 ** 53)).toBeNaN();
    expect(centsOf(NaN)).toBeNaN();
    expect(centsOf(-Infinity)).toBeNaN();
  });

  it('the number kernels of the functions (yoyFast, ratioFast, changeFast): NaN or the decimal.js result', () => {
    const nums = fc.oneof(numbers, cents);
    const tie = tiePairs.filter(([c, p]) => typeof c === 'number' && typeof p === 'number') as fc.Arbitrary<
      [number, number]
    >;
    const near = nearTiePairs as fc.Arbitrary<[number, number]>;
    fc.assert(
      fc.property(fc.oneof(fc.tuple(nums, nums), tie, near), ([c, p]) => {
        const y = yoyFast(c, p);
        if (!Number.isNaN(y)) expect(y).toBe(yoyDecimal(c, p)!.toNumber());
        const r = ratioFast(c, p);
        if (!Number.isNaN(r)) expect(r).toBe(ratioDecimal(c, p).toNumber());
        const d = changeFast(c, p);
        if (!Number.isNaN(d)) expect(d).toBe(change(c, p).toNumber());
      }),
      { numRuns: RUNS },
    );
    // They decline a zero divisor (the caller applies the zero-base convention) and what is not exact.
    expect(yoyFast(5, 0)).toBeNaN();
    expect(ratioFast(5, -0)).toBeNaN();
    expect(yoyFast(1.005, 1)).toBeNaN();
    expect(yoyFast(2 ** 53, 1)).toBeNaN();
    expect(yoyFast(110, 100)).toBe(0.1);
    expect(yoyFast(90, -100)).toBe(1.9);
  });

  it('rounds a half-way percentage away from zero, and keeps the disclosure conventions', () => {
    // ±0.01 on 200: ±0.005% exactly, printed 0.01%.
    expect(describeChange(199.99, 200)).toBe('比上年预算减少 0.01 万元，下降 0.01%');
    expect(describeChange(200.01, 200)).toBe('比上年预算增加 0.01 万元，增长 0.01%');
    expect(describeChange(-200.01, -200)).toBe('比上年预算减少 0.01 万元，下降 0.01%');
    expect(describeChange(5, 0)).toBe('比上年预算增加 5.00 万元，增长 100.00%');
    expect(describeChange(0, 0)).toBe('比上年预算增加 0.00 万元，增长 0.00%');
    expect(describeChange(0, 309)).toBe('比上年预算减少 309.00 万元，下降 100.00%');
    expect(describeChange('1104.54', 1251, { label: '一般公共预算', spaced: false })).toBe(
      '一般公共预算1,104.54万元，比上年预算减少146.46万元，下降11.71%',
    );
  });
});
