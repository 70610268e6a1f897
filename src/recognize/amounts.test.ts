import { Cell, SheetModel } from '../workbook/model';
import { AmountCell } from './types';
import { AmountStore, exactOf, RowAmounts } from './amounts';
import { readAmountCell, SheetView } from './sheet-view';

const cell = (c: number): AmountCell => ({ r: 0, c, value: null, decimals: 0, raw: null });

describe('RowAmounts: a row’s amount cells read as a Map', () => {
  it('answers get, has, size and iteration as a Map of the same entries does', () => {
    const keys = ['total', 'basic', 'project'];
    const cells = [cell(4), cell(5), cell(6)];
    const a = new RowAmounts(keys, cells);
    const m = new Map(keys.map((k, i) => [k, cells[i]]));
    expect(a.size).toBe(3);
    for (const k of [...keys, 'other']) {
      expect(a.get(k)).toBe(m.get(k));
      expect(a.has(k)).toBe(m.has(k));
    }
    expect([...a]).toEqual([...m]);
    expect([...a.entries()]).toEqual([...m.entries()]);
    expect([...a.keys()]).toEqual(keys);
    expect([...a.values()]).toEqual(cells);
    const seen: string[] = [];
    a.forEach((v, k) => seen.push(`${k}:${v.c}`));
    expect(seen).toEqual(['total:4', 'basic:5', 'project:6']);
    expect(new Map(a)).toEqual(m);
    expect(Object.prototype.toString.call(a)).toBe('[object Map]');
  });

  it('writes to its own lists, never to the key list its table’s rows share', () => {
    const keys = ['total', 'basic'];
    const a = new RowAmounts(keys, [cell(4), cell(5)]);
    const b = new RowAmounts(keys, [cell(4), cell(5)]);
    a.set('extra', cell(9));
    a.set('total', cell(7));
    expect([...a.keys()]).toEqual(['total', 'basic', 'extra']);
    expect(a.get('total')?.c).toBe(7);
    expect(a.delete('basic')).toBe(true);
    expect(a.delete('basic')).toBe(false);
    expect(a.size).toBe(2);
    expect(keys).toEqual(['total', 'basic']);
    expect([...b.keys()]).toEqual(['total', 'basic']);
    expect(b.get('total')?.c).toBe(4);
    a.clear();
    expect(a.size).toBe(0);
  });
});

describe('AmountStore: cells kept as kinds and cents read back as readAmountCell reads them', () => {
  // Every sort of cell an amount column meets: blanks, numbers exact to the cent (with and without
  // a number format), float noise, more decimals, formulas with and without a result, amounts as
  // text, unreadable text, errors, booleans, percents.
  const cells: (Cell | undefined | null)[] = [
    undefined,
    null,
    { v: null },
    { v: 0 },
    { v: -0 },
    { v: 1234.5 },
    { v: 1234.56, z: '#,##0.00' },
    { v: 12, z: '0.0' },
    { v: 1104.5400000000002 },
    { v: 0.125 },
    { v: 1e15 },
    { v: 123456789012.34 },
    { v: 5, f: '=B2+B3' },
    { v: null, f: '=B2+B3' },
    { v: '', f: '=IF(B2=0,"",B3/B2)' },
    { v: 7.005, f: '=B2/3' },
    { v: '1,234.50' },
    { v: '（1,234.5）' },
    { v: '-' },
    { v: '约1万' },
    { v: { error: '#REF!' } },
    { v: true },
    { v: 0.1234, z: '0.00%' },
    { v: '  ' },
  ];
  const width = 4;
  const sheet: SheetModel = { name: 'S', merges: [], rows: [[{ v: '标题' }]] };
  for (let i = 0; i < cells.length; i += width) {
    // Models made outside the reader may hold null for a missing cell.
    sheet.rows.push([{ v: 'row' }, ...cells.slice(i, i + width)] as (Cell | undefined)[]);
  }
  // A row past the store's room (read in full instead).
  const view = new SheetView(sheet);
  const keys = ['a', 'b', 'c', 'd'];
  const store = new AmountStore(keys, [1, 2, 3, 4], 1, sheet.rows.length - 2);
  const fields = (a: AmountCell) => ({
    r: a.r,
    c: a.c,
    value: a.value === null ? null : a.value.toString(),
    decimals: a.decimals,
    cents: a.cents,
    invalid: a.invalid,
    uncalculated: a.uncalculated ?? false,
    raw: a.raw,
    formula: a.formula,
  });

  it('gives every cell, its exact value and the row flags as the cell-by-cell reader does', () => {
    for (let r = 1; r < sheet.rows.length; r++) {
      const row = store.read(view, r) as RowAmounts;
      const expected = [1, 2, 3, 4].map((c) => readAmountCell(view, r, c));
      keys.forEach((k, p) => {
        expect([r, k, fields(row.get(k)!)]).toEqual([r, k, fields(expected[p])]);
        expect(Object.is(row.exactAt(p), exactOf(expected[p]))).toBe(true);
      });
      const plain = new RowAmounts(keys, expected);
      expect([r, row.anyAmount(), row.anyUnreadable()]).toEqual([r, plain.anyAmount(), plain.anyUnreadable()]);
    }
  });

  it('keeps the cells it made, and lets a writer change a row without touching the store', () => {
    const row = store.read(view, 1) as RowAmounts;
    expect(row.get('b')).toBe(row.get('b'));
    const other = store.read(view, 2) as RowAmounts;
    const before = other.get('a');
    row.set('a', other.get('a')!);
    expect(row.get('a')).toBe(before);
    expect(row.exactAt(0)).toBe(exactOf(before!));
    expect((store.read(view, 1) as RowAmounts).get('a')!.raw).toBe(readAmountCell(view, 1, 1).raw);
  });
});

describe('AmountStore: columns grown as rows need them', () => {
  it('reads a long sparse table as the cell-by-cell reader does, a blank past a column’s arrays', () => {
    const rows: (Cell | undefined)[][] = [[{ v: '标题' }]];
    const values = new Map<string, number>([
      ['1:1', 1.5],
      ['3000:2', 2.25],
      ['4999:1', -7],
      ['2500:1', 0.125],
    ]);
    for (let r = 1; r < 5000; r++) {
      rows.push([
        { v: `行${r}` },
        ...[1, 2].map((c) => (values.has(`${r}:${c}`) ? { v: values.get(`${r}:${c}`)! } : undefined)),
      ]);
    }
    const sheet: SheetModel = { name: 'S', merges: [], rows };
    const view = new SheetView(sheet);
    const store = new AmountStore(['a', 'b'], [1, 2], 1, 4999);
    const read = [];
    for (let r = 1; r < 5000; r++) read.push(store.read(view, r) as RowAmounts);
    const wrong: string[] = [];
    read.forEach((row, i) => {
      const r = i + 1;
      [1, 2].forEach((c, p) => {
        const expected = readAmountCell(view, r, c);
        if (!Object.is(row.exactAt(p), exactOf(expected))) wrong.push(`${r}:${c} exact`);
        const got = row.cellAt(p);
        if (got.cents !== expected.cents || got.r !== r || got.c !== c) wrong.push(`${r}:${c} cell`);
      });
    });
    expect(wrong).toEqual([]);
  });
});
