/**
 * fast-check generators of amounts for the property tests of the integer fast paths
 * (src/amount/scaled.test.ts, src/metrics/fast.test.ts): every kind of double, two-decimal amounts,
 * 15 significant digits, values just beyond the exact range, half-way ties, and numbers as texts.
 */
import fc from 'fast-check';

/** Any double, including −0, NaN, ±Infinity, subnormals and huge values. */
export const anyDouble = fc.double();
/** Amounts with two decimals, as budgets hold them. */
export const cents = fc.integer({ min: -1e13, max: 1e13 }).map((n) => n / 100);
/** Values at exactly 15 significant digits (and fewer), at scales 10^0 … 10^-22. */
export const fifteen = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n) + 1n, max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 22 }))
  .map(([n, k]) => Number(`${n}e-${k}`));
/** Just beyond the safe range: 15 digits and more, integers around 2^53, 16–17 significant digits. */
export const beyond = fc.oneof(
  fc.integer({ min: 0, max: 1e6 }).map((d) => 1e15 - 500 + d),
  fc.integer({ min: -1e6, max: 1e6 }).map((d) => 2 ** 53 + d),
  fc.integer({ min: -1e6, max: 1e6 }).map((d) => -(2 ** 53) + d),
  fc
    .tuple(fc.bigInt({ min: 10n ** 15n, max: 10n ** 17n }), fc.integer({ min: 0, max: 20 }))
    .map(([n, k]) => Number(`${n}e-${k}`)),
);
/** Half-way cases at every number of places: …5 exactly at the rounding digit. */
export const ties = fc
  .tuple(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 1, max: 8 }))
  .map(([m, places]) => Number(`${m}5e-${places}`));
export const numbers = fc.oneof(
  anyDouble,
  cents,
  fifteen,
  beyond,
  ties,
  fc.constantFrom(0, -0, 0.5, -0.5, 1.005, -2.345, 1e-7, 0.1 + 0.2),
);
/** Numbers as texts: their String(), toFixed forms, plain decimals with 15+ digits, and odd ones. */
export const texts = fc.oneof(
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
export const values = fc.oneof(numbers, texts);
