import {
  balance,
  change,
  describe as describeFn,
  months,
  num,
  ratio,
  round,
  shares_,
  sumcheck,
  yoy,
} from './functions';

type Err = { code: string; message?: string };
const isErr = (v: unknown, code: string) => typeof v === 'object' && v !== null && (v as Err).code === code;

describe('BUDGET.YOY', () => {
  it('takes cells and ranges; ranges spill a same-shaped array', () => {
    expect(yoy([[110]], [[100]])).toEqual([[0.1]]);
    expect(yoy([[110], [90], [null]], [[100], [100], [100]])).toEqual([[0.1], [-0.1], ['']]);
    expect(yoy([[110, 120]], [[100]])).toEqual([[0.1, 0.2]]);
  });

  it('handles the zero base modes', () => {
    expect(isErr(yoy([[5]], [[0]])[0][0], '#DIV/0!')).toBe(true);
    expect(yoy([[5]], [[0]], 'hundred')).toEqual([[1]]);
    expect(yoy([[0]], [[0]], 'hundred')).toEqual([[0]]);
    expect(yoy([[5]], [[0]], 'blank')).toEqual([['']]);
    const bad = yoy([[5]], [[1]], 'nonsense')[0][0] as Err;
    expect(bad.code).toBe('#VALUE!');
    expect(bad.message).toContain('无效的选项');
  });

  it('divides by the absolute value of a negative prior', () => {
    expect(yoy([[90]], [[-100]])).toEqual([[1.9]]);
  });

  it('reads text amounts and refuses text that is no number with a Chinese message', () => {
    expect(yoy([['1, 036. 02']], [['1,001.57']])[0][0]).toBeCloseTo(0.034396, 6);
    const e = yoy([['12.3.4']], [[1]])[0][0] as Err;
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe('无法识别的数字：12.3.4');
  });

  it('reports ranges of different shapes', () => {
    const e = yoy([[1], [2]], [[1, 2, 3]])[0][0] as Err;
    expect(e.code).toBe('#VALUE!');
  });

  it('agrees between the fast path and decimal.js on values the fast path refuses', () => {
    expect(yoy([[1.005]], [[1]])[0][0]).toBe(0.005);
    // Excel keeps 15 significant digits: 1e15 + 2 is 1e15 to it.
    expect(yoy([[1e15 + 2]], [[1e15]])[0][0]).toBe(0);
    expect(yoy([[1e13 + 2]], [[1e13]])[0][0]).toBe(2e-13);
  });
});

describe('the other functions', () => {
  it('CHANGE is exact', () => {
    expect(change([[0.3]], [[0.1]])).toEqual([[0.2]]);
    expect(change([[1104.54]], [[1251]])).toEqual([[-146.46]]);
    expect(change([[null]], [[1]])).toEqual([['']]);
  });

  it('RATIO', () => {
    expect(ratio([[1], [3]], [[4]])).toEqual([[0.25], [0.75]]);
    expect(isErr(ratio([[1]], [[0]])[0][0], '#DIV/0!')).toBe(true);
  });

  it('SHARES keeps the shape and the empties', () => {
    expect(shares_([[1], [null], [3]])).toEqual([[0.25], [''], [0.75]]);
    expect(shares_([[1, 1, 1]], 2, true)).toEqual([[0.3334, 0.3333, 0.3333]]);
    expect(shares_([[1, 1, 1]], 2)).toEqual([[0.3333, 0.3333, 0.3333]]);
  });

  it('BALANCE and MONTHS', () => {
    expect(balance([[45941]], [[43477]], [[36454]])).toEqual([[52964]]);
    expect(balance([[100]], [[50]], [[30]], [[10]], [[5]])).toEqual([[125]]);
    expect(balance([[null]], [[null]], [[null]])).toEqual([['']]);
    expect(months([[120]], [[120]])).toEqual([[12]]);
    expect(isErr(months([[1]], [[0]])[0][0], '#DIV/0!')).toBe(true);
  });

  it('ROUND is half away from zero on what Excel shows', () => {
    expect(round([[1.005], [-2.345], [8.985], [null]])).toEqual([[1.01], [-2.35], [8.99], ['']]);
    expect(round([[1234.5]], -2)).toEqual([[1200]]);
    expect(round([[2.5]], 0)).toEqual([[3]]);
  });

  it('NUM reads OCR texts and keeps empties empty', () => {
    expect(num([['1, 114. 26'], ['—'], ['（12.30）'], ['98%']])).toEqual([[1114.26], [''], [-12.3], [0.98]]);
    expect((num([['abc']])[0][0] as Err).message).toBe('无法识别的数字：abc');
  });

  it('DESCRIBE writes the standard sentence', () => {
    expect(describeFn([[1036.02]], [[1001.57]])).toEqual([['比上年预算增加 34.45 万元，增长 3.44%']]);
    expect(describeFn([[1104.54]], [[1251]], [['一般公共预算']])).toEqual([
      ['一般公共预算 1,104.54 万元，比上年预算减少 146.46 万元，下降 11.71%'],
    ]);
    expect(describeFn([[5]], [[4]], undefined, '元')).toEqual([['比上年预算增加 1.00 元，增长 25.00%']]);
  });

  it('SUMCHECK gives total − Σ items, per cell, row or column', () => {
    expect(sumcheck([[1114.26]], [[388.2, 726.07]])).toEqual([[-0.01]]);
    expect(
      sumcheck(
        [[3], [7]],
        [
          [1, 2],
          [3, 4],
        ],
      ),
    ).toEqual([[0], [0]]);
    expect(
      sumcheck(
        [[4, 5]],
        [
          [1, 2],
          [3, 3],
        ],
      ),
    ).toEqual([[0, 0]]);
    expect((sumcheck([[1, 2, 3]], [[1, 2]])[0][0] as Err).code).toBe('#VALUE!');
  });
});
