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
  yoyFunction,
  ratioFunction,
  sharesFunction,
  balanceFunction,
  describeFunction,
  sumcheckFunction,
  roundFunction,
  roundFormerName,
} from './functions';
import fc from 'fast-check';
import { setFunctionLanguage } from './cells';
import { numbers } from '../test/helpers/amount-arbitraries';
import { roundHalfUpDecimal } from '../src/amount/round';
import { resetValueTypesReader, setValueTypesReader, splitAddress } from './blanks';

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

  it('ROUND of numbers (the integer path) gives what the decimal.js path gives', () => {
    fc.assert(
      fc.property(numbers.filter(Number.isFinite), fc.integer({ min: -15, max: 15 }), (v, d) => {
        expect(Object.is(round([[v]], d)[0][0], roundHalfUpDecimal(v, d).toNumber())).toBe(true);
      }),
      { numRuns: 20000 },
    );
  }, 120_000);

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

describe('what real Excel passes (issue 15)', () => {
  afterEach(() => {
    setFunctionLanguage(undefined);
    resetValueTypesReader();
    delete (globalThis as { Office?: unknown }).Office;
  });

  it('an error cell in a range is that cell’s error only (allowErrorForDataTypeAny)', () => {
    const na = new CustomFunctions.Error('#N/A' as CustomFunctions.ErrorCode);
    const out = yoy([[110], [na], [90], [{ type: 'Error', basicValue: '#DIV/0!', errorType: 'Div0' }]], [[100]]);
    expect(out[0][0]).toBe(0.1);
    expect(isErr(out[1][0], '#N/A')).toBe(true);
    expect(out[2][0]).toBe(-0.1);
    expect(isErr(out[3][0], '#DIV/0!')).toBe(true);
    // The codes a custom function cannot return become #VALUE!, saying which error it was.
    const ref = change([[{ code: '#REF!' }]], [[1]])[0][0] as Err;
    expect(ref.code).toBe('#VALUE!');
    expect(ref.message).toBe('单元格含错误值：#REF!');
    expect(isErr(ratio([[1]], [[{ code: '#NUM!' }]])[0][0], '#NUM!')).toBe(true);
  });

  it('an error among SHARES parts or SUMCHECK items keeps the shape: the error cell and what depends on it', () => {
    const s = shares_([[1], [{ code: '#N/A' }], [3]]);
    expect(s).toHaveLength(3);
    expect(s.every(([v]) => isErr(v, '#N/A'))).toBe(true);
    const c = sumcheck(
      [[3], [7]],
      [
        [1, 2],
        [{ code: '#N/A' }, 4],
      ],
    );
    expect(c[0][0]).toBe(0);
    expect(isErr(c[1][0], '#N/A')).toBe(true);
    const b = balance([[100], [{ code: '#VALUE!' }]], [[50]], [[30]]);
    expect(b[0][0]).toBe(120);
    expect(isErr(b[1][0], '#VALUE!')).toBe(true);
  });

  it('data-type cells give their basic value, not [object Object]', () => {
    expect(yoy([[{ type: 'Double', basicValue: 110, numberFormat: '#,##0.00' }]], [[100]])).toEqual([[0.1]]);
    expect(num([[{ type: 'String', basicValue: '1, 114. 26' }]])).toEqual([[1114.26]]);
    expect(
      describeFn([[1104.54]], [[1251]], [[{ type: 'String', basicValue: '一般公共预算' }]])[0][0] as string,
    ).toMatch(/^一般公共预算 1,104.54 万元/);
    const entity = change(
      [[{ type: 'Entity', text: '北京市', basicType: 'Error', basicValue: '#VALUE!', properties: {} }]],
      [[1]],
    )[0][0] as Err;
    expect(entity.code).toBe('#VALUE!');
    expect(entity.message).toContain('北京市');
    expect(entity.message).not.toContain('[object');
  });

  it('error messages are English when Excel’s display language is English', () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: 'en-US' } };
    expect((num([['abc']])[0][0] as Err).message).toBe('Unrecognised number: abc');
    expect((yoy([[1]], [[1]], 'nonsense')[0][0] as Err).message).toContain('Invalid option');
    expect((yoy([[1], [2]], [[1, 2, 3]])[0][0] as Err).message).toBe('Ranges differ in size: 2×1 and 1×3');
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: 'zh-CN' } };
    expect((num([['abc']])[0][0] as Err).message).toBe('无法识别的数字：abc');
  });

  describe('blank cells, whether Excel passes them as null, "" or 0', () => {
    const at = (...a: string[]) => ({ parameterAddresses: a }) as unknown as CustomFunctions.Invocation;
    /** A workbook where the given addresses are blank: every cell of them reads "Empty". */
    const blanks = (empty: Record<string, string[][]>) => {
      const asked: string[][] = [];
      setValueTypesReader(async (addresses) => {
        asked.push([...addresses]);
        return addresses.map((a) => empty[a]);
      });
      return asked;
    };

    it('blank as null or "": empty results, and Excel is not asked', async () => {
      const asked = blanks({});
      expect(await yoyFunction([[5]], [[null]], undefined, at('S!A1', 'S!B1'))).toEqual([['']]);
      expect(await ratioFunction([[5]], [['']], at('S!A1', 'S!B1'))).toEqual([['']]);
      expect(await balanceFunction([[null]], [[null]], [[null]], undefined, undefined, at('A', 'B', 'C'))).toEqual([
        [''],
      ]);
      expect(await describeFunction([[null]], [[null]], undefined, undefined, at('S!A1', 'S!B1'))).toEqual([['']]);
      expect(asked).toEqual([]);
    });

    it('blank as 0: the same empty results, from one look-up of the zeros’ cells', async () => {
      const asked = blanks({
        "'表 3'!F7": [['Empty']],
        'S!B1:B3': [['Double'], ['Empty'], ['Double']],
        'S!A1:A2': [['Empty'], ['Empty']],
        'S!C1:C2': [['Empty'], ['Double']],
      });
      // YOY of a blank prior year: blank, not #DIV/0! (or +100% with "hundred").
      expect(await yoyFunction([[5]], [[0]], undefined, at('S!E7', "'表 3'!F7"))).toEqual([['']]);
      expect(await yoyFunction([[5]], [[0]], 'hundred', at('S!E7', "'表 3'!F7"))).toEqual([['']]);
      expect(await ratioFunction([[5]], [[0]], at('S!E7', "'表 3'!F7"))).toEqual([['']]);
      expect(asked[0]).toEqual(["'表 3'!F7"]);
      // SHARES: the blank part stays blank.
      expect(await sharesFunction([[1], [0], [3]], undefined, undefined, at('S!B1:B3'))).toEqual([
        [0.25],
        [''],
        [0.75],
      ]);
      // BALANCE, SUMCHECK, DESCRIBE of an empty row: blank.
      expect(
        await balanceFunction(
          [[0], [0]],
          [[0], [0]],
          [[0], [1]],
          undefined,
          undefined,
          at('S!A1:A2', 'S!A1:A2', 'S!C1:C2'),
        ),
      ).toEqual([[''], [-1]]);
      expect(await sumcheckFunction([[0], [0]], [[0], [0]], at('S!A1:A2', 'S!A1:A2'))).toEqual([[''], ['']]);
      expect(await describeFunction([[0], [0]], [[0], [0]], undefined, undefined, at('S!A1:A2', 'S!A1:A2'))).toEqual([
        [''],
        [''],
      ]);
    });

    it('a 0 typed in a cell stays 0', async () => {
      blanks({ 'S!B1': [['Double']] });
      expect(isErr((await yoyFunction([[5]], [[0]], undefined, at('S!A1', 'S!B1')))[0][0], '#DIV/0!')).toBe(true);
      expect(await yoyFunction([[5]], [[0]], 'hundred', at('S!A1', 'S!B1'))).toEqual([[1]]);
      expect(await sharesFunction([[1], [0], [3]], undefined, undefined, at('S!B1:B3'))).toEqual([[0.25], [0], [0.75]]);
    });

    it('when Excel cannot say (no addresses, a failed read, Excel on the web), a 0 is a 0', async () => {
      setValueTypesReader(async () => {
        throw new Error('not in Excel');
      });
      expect(await yoyFunction([[5]], [[0]], 'hundred', at('S!A1', 'S!B1'))).toEqual([[1]]);
      const asked = blanks({ 'S!B1': [['Empty']] });
      expect(await yoyFunction([[5]], [[0]], 'hundred', undefined)).toEqual([[1]]);
      (globalThis as { Office?: unknown }).Office = {
        context: { platform: 'OfficeOnline' },
        PlatformType: { OfficeOnline: 'OfficeOnline' },
      };
      expect(await yoyFunction([[5]], [[0]], 'hundred', at('S!A1', 'S!B1'))).toEqual([[1]]);
      expect(asked).toEqual([]);
    });

    it('asks Excel once for all the functions a recalculation runs together', async () => {
      const types: Record<string, string[][]> = { B1: [['Empty']], B2: [['Double']] };
      const runs: string[][] = [];
      (globalThis as { Excel?: unknown }).Excel = {
        run: async (batch: (ctx: unknown) => Promise<unknown>) => {
          const asked: string[] = [];
          const ctx = {
            workbook: {
              worksheets: {
                getItem: (sheet: string) => ({
                  getRange: (range: string) => {
                    asked.push(`${sheet}!${range}`);
                    return { load: () => undefined, valueTypes: types[range] };
                  },
                }),
              },
            },
            sync: async () => void runs.push(asked),
          };
          return batch(ctx);
        },
      };
      try {
        const [blank, zero] = await Promise.all([
          yoyFunction([[5]], [[0]], 'hundred', at('S!A1', 'S!B1')),
          yoyFunction([[5]], [[0]], 'hundred', at('S!A2', 'S!B2')),
        ]);
        expect(blank).toEqual([['']]);
        expect(zero).toEqual([[1]]);
        expect(runs).toEqual([['S!B1', 'S!B2']]);
      } finally {
        delete (globalThis as { Excel?: unknown }).Excel;
      }
    });

    it('splits sheet-qualified addresses', () => {
      expect(splitAddress("'It''s 表'!A1:B2")).toEqual({ sheet: "It's 表", range: 'A1:B2' });
      expect(splitAddress('Sheet1!C3')).toEqual({ sheet: 'Sheet1', range: 'C3' });
      expect(splitAddress('C3')).toEqual({ range: 'C3' });
    });
  });

  it('BUDGET.ROUNDEXACT is the new name; ROUND stays as a hidden alias', async () => {
    expect(await roundFunction([[1.005]])).toEqual([[1.01]]);
    expect(await roundFormerName([[1.005]], 2)).toEqual([[1.01]]);
  });
});
