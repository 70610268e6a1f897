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
