/**
 * Issue 16 item 17: the 9-multiple hint names the transposition that explains this difference —
 * found in the figures compared when one of them has it, else the places and the digits' gap —
 * and never a fixed example that does not fit.
 */
import { Decimal } from '../amount/decimal';
import { validateWorkbook } from './validate';
import { typoSeed001 } from '../../scripts/make-samples';
import { seed001Workbook } from '../../test/helpers/seed001';
import { transpositionHint } from './compare';

const d = (x: string) => new Decimal(x);

describe('transposition hint', () => {
  it('finds the item whose two digits, swapped back, make the sides agree', () => {
    // 337.28 stated, items 287.48 + 58.80 = 346.28: the item 287.48 should be 278.48.
    const h = transpositionHint(d('-9'), {
      target: { value: d('337.28') },
      items: [{ value: d('287.48') }, { value: d('58.80') }],
    });
    expect(h?.zh).toBe('差额 9.00 是 9 的倍数，常见于相邻两位数字录颠倒：287.48 可能应为 278.48');
    expect(h?.en).toBe(
      'The difference 9.00 is a multiple of 9, typical of two adjacent digits typed the wrong way round: 287.48 may be 278.48',
    );
  });

  it('for 27.00 looks for digits 3 apart, in the items and in the stated figure', () => {
    const h = transpositionHint(d('-27'), {
      target: { value: d('336.70') },
      items: [{ value: d('80.08') }, { value: d('141.30') }, { value: d('55.69') }],
    });
    expect(h?.zh).toBe(
      '差额 27.00 是 9 的倍数，常见于相邻两位数字录颠倒：141.30 可能应为 114.30，或 336.70 可能应为 363.70',
    );
  });

  it('finds the swap in the cents and in the thousands', () => {
    expect(transpositionHint(d('0.18'), { target: { value: d('12.53') }, items: [{ value: d('12.35') }] })?.zh).toMatch(
      /12\.53 可能应为 12\.35/,
    );
    expect(
      transpositionHint(d('90'), { target: { value: d('1104.54') }, items: [{ value: d('1014.54') }] })?.zh,
    ).toMatch(/1,014\.54 可能应为 1,104\.54，或 1,104\.54 可能应为 1,014\.54/);
  });

  it('without a figure that fits, names the places and the gap instead of an unrelated example', () => {
    const h = transpositionHint(d('27'), { target: { value: d('500.00') }, items: [{ value: d('473.00') }] });
    expect(h?.zh).toBe('差额 27.00 是 9 的倍数，常见于相邻两位数字录颠倒：十位与个位上相差 3 的两个数字');
    expect(h?.en).toMatch(/two digits differing by 3 in the tens and units places$/);
    expect(h?.zh).not.toMatch(/278\.48/);
    expect(transpositionHint(d('0.09'))?.zh).toMatch(/角位与分位上相差 1 的两个数字/);
  });

  it('gives no hint for differences that are not 9 × d × 10^k', () => {
    expect(transpositionHint(d('90.09'))).toBeUndefined();
    expect(transpositionHint(d('81'))).toBeUndefined();
    expect(transpositionHint(d('10'))).toBeUndefined();
  });

  it('on the typo sample every 9-multiple finding names the actual mistyped cell value', () => {
    const res = validateWorkbook(seed001Workbook(typoSeed001()));
    const hints = res.findings.map((f) => `${f.sheet}!${f.cell} ${f.hint}`);
    expect(hints).toEqual([
      '表3!F7 差额 9.00 是 9 的倍数，常见于相邻两位数字录颠倒：287.48 可能应为 278.48',
      '表3!E8 差额 9.00 是 9 的倍数，常见于相邻两位数字录颠倒：287.48 可能应为 278.48',
      '表3!F8 差额 9.00 是 9 的倍数，常见于相邻两位数字录颠倒：278.48 可能应为 287.48，或 287.48 可能应为 278.48',
      '表6!D7 差额 27.00 是 9 的倍数，常见于相邻两位数字录颠倒：141.30 可能应为 114.30，或 336.70 可能应为 363.70',
      '表6!E7 差额 27.00 是 9 的倍数，常见于相邻两位数字录颠倒：141.30 可能应为 114.30，或 336.70 可能应为 363.70',
    ]);
  });
});
