/**
 * The code index's two ways of answering (no map while codes come in ascending order, a map from
 * the first code out of order) give the same rows, and the one-pass sums give columnSumsExactly's
 * answers.
 */
import { Decimal } from '../amount/decimal';
import { RowAmounts } from '../recognize/amounts';
import { AmountCell, RecognizedTable, TableRow } from '../recognize/types';
import {
  codedRowIndex,
  codeHasOtherRows,
  rowsOfCodeAt,
  columnsSumExactly,
  columnSumsExactly,
  firstByCode,
  isFirstOfCode,
  rowSumsExactly,
  rowsWithCode,
} from './access';

function table(codes: string[]): RecognizedTable {
  const rows = codes.map((code, r) => ({ r, kind: 'code', code, name: code, amounts: new Map() }) as TableRow);
  return { rows } as unknown as RecognizedTable;
}

describe('code index', () => {
  const cases = [
    ['201', '20101', '2010101', '2010102', '20102', '202'],
    ['201', '20101', '20101', '2010101', '202'],
    ['202', '201', '20101', '202', '20101'],
    ['201', '20101', '2010101', '201', '20102', '2010101'],
  ];
  it.each(cases)('answers every code as a scan does (%s …)', (...codes) => {
    const t = table(codes);
    for (const code of [...codes, '203', '2', '20101011']) {
      const expected = t.rows.filter((r) => r.code === code);
      expect(rowsWithCode(t, code)).toEqual(expected);
    }
    const index = codedRowIndex(t);
    const firsts = index.coded.filter((_r, i) => isFirstOfCode(index, i));
    expect(firsts).toEqual([...firstByCode(index.coded).values()]);
    index.coded.forEach((r, i) => {
      const same = t.rows.filter((x) => x.code === r.code);
      expect(rowsOfCodeAt(index, i)).toEqual(same);
      expect(codeHasOtherRows(index, i)).toBe(same.length > 1);
    });
  });
});

function cell(cents: number | undefined, extra: Partial<AmountCell> = {}): AmountCell {
  return {
    r: 0,
    c: 0,
    value: cents === undefined ? null : new Decimal(cents).div(100),
    cents,
    decimals: 2,
    raw: cents ?? null,
    ...extra,
  };
}

describe('sums on shared key lists', () => {
  const keys = ['a', 'b', 'c'];
  const variants: AmountCell[] = [
    cell(100),
    cell(250),
    cell(undefined),
    cell(undefined, { value: new Decimal('1.005') }),
    cell(undefined, { invalid: { zh: '文本', en: 'text' } }),
    cell(undefined, { uncalculated: true }),
  ];
  const pick = (seed: number) => variants[seed % variants.length];
  const codeRow = (r: number, list: readonly string[], cells: AmountCell[]): TableRow =>
    ({ r, kind: 'code', name: '', amounts: new RowAmounts(list, cells) }) as TableRow;
  const row = (seed: number, list: readonly string[]): TableRow =>
    codeRow(
      0,
      list,
      list.map((_k, i) => pick(seed * 7 + i * 3)),
    );
  it('columnsSumExactly = every key by columnSumsExactly', () => {
    for (let seed = 0; seed < 400; seed++) {
      const parent = row(seed, keys);
      const kids = [row(seed + 1, keys), row(seed * 3 + 2, keys)].slice(0, seed % 3);
      const asked = seed % 5 === 0 ? ['a', 'z'] : keys;
      expect(columnsSumExactly(parent, asked, kids)).toBe(asked.every((k) => columnSumsExactly(parent, k, kids)));
    }
    // Exact sums agree.
    const p = codeRow(0, keys, [cell(300), cell(0), cell(5)]);
    const k1 = codeRow(1, keys, [cell(100), cell(undefined), cell(2)]);
    const k2 = codeRow(2, keys, [cell(200), cell(0), cell(3)]);
    expect(columnsSumExactly(p, keys, [k1, k2])).toBe(true);
    expect(columnsSumExactly(p, keys, [k1])).toBe(false);
  });
  it('rowSumsExactly by position = by key', () => {
    for (let seed = 0; seed < 400; seed++) {
      const r = row(seed, keys);
      const plain = { ...r, amounts: new Map(keys.map((k) => [k, r.amounts.get(k)!])) } as TableRow;
      for (const [target, items] of [
        ['a', ['b', 'c']],
        ['c', ['a', 'z']],
        ['z', ['a']],
      ] as const) {
        const signs = items.map((_k, i) => (i === 1 ? -1 : 1));
        expect(rowSumsExactly(r, target, items, signs)).toBe(rowSumsExactly(plain, target, items, signs));
      }
    }
  });
});
