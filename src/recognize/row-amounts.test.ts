import { AmountCell } from './types';
import { RowAmounts } from './rows';

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
