import { parseAmount, parseAmountText, toDecimal, AmountError } from './parse';

describe('parseAmount: numbers at 15 significant digits', () => {
  it.each([
    [0.1 + 0.2, '0.3'],
    [1.005, '1.005'],
    [-2.345, '-2.345'],
    [1114.26, '1114.26'],
    [0.30000000000000004, '0.3'],
    [1e20, '100000000000000000000'],
    [123456789012345680000, '123456789012346000000'],
    [1e-20, '0.00000000000000000001'],
    [-0, '0'],
    [2 ** 53 + 2, '9007199254740990'],
  ])('%p reads as %s', (input, expected) => {
    const p = parseAmount(input);
    expect(p.kind).toBe('amount');
    if (p.kind === 'amount') expect(p.value.toString()).toBe(expected);
  });

  it.each([NaN, Infinity, -Infinity])('%p is invalid', (n) => {
    expect(parseAmount(n).kind).toBe('invalid');
  });
});

describe('parseAmount: texts found in real packages', () => {
  it.each([
    ['1, 114. 26', '1114.26', 2],
    ['1,104.54', '1104.54', 2],
    ['１，１０４．５４', '1104.54', 2],
    ['(12.30)', '-12.3', 2],
    ['（12.30）', '-12.3', 2],
    ['-5.20', '-5.2', 2],
    ['－5.20', '-5.2', 2],
    ['−5.20', '-5.2', 2],
    ['+37.79', '37.79', 2],
    ['98%', '0.98', 2],
    ['100.20%', '1.002', 4],
    ['99.13％', '0.9913', 4],
    ['12.5万元', '12.5', 1],
    ['300元', '300', 0],
    [' 27. 75 ', '27.75', 2],
    ['52,964', '52964', 0],
    ['0.00', '0', 2],
    ['.5', '0.5', 1],
    ['1.2E+3', '1200', 0],
    ['¥1,000.00', '1000', 2],
  ])('%p → %s (%i decimals)', (text, value, decimals) => {
    const p = parseAmountText(text);
    expect(p).toMatchObject({ kind: 'amount', decimals });
    if (p.kind === 'amount') expect(p.value.toString()).toBe(value);
  });

  it('keeps the unit it stripped', () => {
    expect(parseAmountText('12.5万元')).toMatchObject({ unit: '万元' });
  });

  it.each(['', '-', '—', '－', '/', '——', '  ', '\u3000'])('%p is empty, not zero', (text) => {
    expect(parseAmount(text)).toEqual({ kind: 'empty' });
  });

  it.each([null, undefined])('%p is empty', (v) => {
    expect(parseAmount(v)).toEqual({ kind: 'empty' });
  });

  it.each([
    ['12.3.4', '无法识别的数字：12.3.4', 'Unrecognised number: 12.3.4'],
    ['abc', '无法识别的数字：abc', 'Unrecognised number: abc'],
    ['1,23,456', '千分位分隔符位置不正确：1,23,456', 'Thousands separators in the wrong place: 1,23,456'],
    ['#DIV/0!', '单元格含错误值：#DIV/0!', 'The cell holds an error value: #DIV/0!'],
    ['万元', '无法识别的数字：万元', 'Unrecognised number: 万元'],
  ])('%p fails with a reason', (text, zh, en) => {
    const p = parseAmount(text);
    expect(p).toMatchObject({ kind: 'invalid', reason: { zh, en } });
  });

  it('refuses booleans, error objects, dates and huge strings', () => {
    expect(parseAmount(true).kind).toBe('invalid');
    expect(parseAmount({ error: '#REF!' })).toMatchObject({ kind: 'invalid', raw: '#REF!' });
    expect(parseAmount(new Date(0)).kind).toBe('invalid');
    const huge = '9'.repeat(100_000);
    expect(parseAmount(huge)).toMatchObject({ kind: 'invalid' });
  });
});

describe('toDecimal', () => {
  it('reads empty as zero and throws on text', () => {
    expect(toDecimal('-').toString()).toBe('0');
    expect(() => toDecimal('x')).toThrow(AmountError);
  });
});

describe('parseAmount is total and never flips a sign (issue 16 items 6, 11, 12)', () => {
  it.each(['e0', 'E5', '-e0', '(e0)', 'e0万元', '.e1', 'e', '.E+3', '(-e0)', '%e0'])(
    '%p is refused with a reason, not thrown on nor read as 0',
    (text) => {
      let p: ReturnType<typeof parseAmount> | undefined;
      expect(() => (p = parseAmount(text))).not.toThrow();
      expect(p).toMatchObject({ kind: 'invalid', reason: { zh: expect.any(String), en: expect.any(String) } });
    },
  );

  it.each([
    ['(-12.30)', '-12.3'],
    ['(－3)', '-3'],
    ['（－12.30）', '-12.3'],
    ['-(12.30)', '-12.3'],
    ['－（5）', '-5'],
    ['(12.30)', '-12.3'],
    ['-12.30', '-12.3'],
  ])('%p reads as a negative: %s', (text, value) => {
    const p = parseAmountText(text);
    expect(p.kind).toBe('amount');
    if (p.kind === 'amount') expect(p.value.toString()).toBe(value);
  });

  it.each(['(+3)', '+(3)', '--3', '+-3', '-+3', '(--3)', '-(-3)', '((3))'])(
    '%p (contradictory or doubled signs) is refused',
    (text) => {
      expect(parseAmountText(text).kind).toBe('invalid');
    },
  );

  it('reads text amounts at 15 significant digits, like the same figure as a number', () => {
    for (const text of ['1.0049999999999999', '1234567890.123456789', '0.30000000000000004', '12345678901234567']) {
      const fromText = parseAmountText(text);
      const fromNumber = parseAmount(Number(text));
      expect(fromText.kind).toBe('amount');
      if (fromText.kind === 'amount' && fromNumber.kind === 'amount')
        expect(fromText.value.toString()).toBe(fromNumber.value.toString());
    }
    const p = parseAmountText('1.0049999999999999');
    if (p.kind === 'amount') expect(p.value.toDecimalPlaces(2).toFixed(2)).toBe('1.01');
    // 15 digits or fewer are exact.
    const exact = parseAmountText('123456789012.345');
    if (exact.kind === 'amount') expect(exact.value.toString()).toBe('123456789012.345');
  });

  it('refuses more than 40 digits with a reason that says so', () => {
    for (const text of ['1'.repeat(41), '1e41', '0.' + '0'.repeat(40) + '1', '1.5e60']) {
      const p = parseAmountText(text);
      expect(p).toMatchObject({ kind: 'invalid' });
      if (p.kind === 'invalid') expect(p.reason.en).toContain('over 40');
    }
    expect(parseAmountText('1'.repeat(40)).kind).toBe('amount');
  });
});

describe('property: parseAmountText on number-like strings', () => {
  it('never throws and gives a finite value or a reason', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fc = require('fast-check') as typeof import('fast-check');
    const ch = fc.constantFrom(...'0123456789eE.+-(),%万元－（）　 '.split(''));
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 14 }), (chars) => {
        const p = parseAmountText(chars.join(''));
        if (p.kind === 'amount') expect(p.value.isFinite()).toBe(true);
        if (p.kind === 'invalid') expect(p.reason.zh.length).toBeGreaterThan(0);
      }),
      { numRuns: 5000 },
    );
  });
});
