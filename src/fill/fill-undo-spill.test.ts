/**
 * Issue 15: undo puts back the old number format (General when there was none) and old text as
 * text (item 4); fill leaves the cells of a spilled dynamic array alone (item 8).
 */
import { MemoryHost } from '../host/memory-host';
import { cleanSeed001, seed001Workbook } from '../../test/helpers/seed001';
import { parseA1 } from '../workbook/model';
import { fillWrites, proposeFills, undoWrites } from './fill';

function setCell(model: ReturnType<typeof seed001Workbook>, sheet: string, address: string, cell: unknown) {
  const s = model.sheets.find((x) => x.name === sheet)!;
  const { r, c } = parseA1(address);
  (s.rows[r] ??= [])[c] = cell as never;
}

describe('undo', () => {
  it('restores the old format, or General, not the fill’s', async () => {
    const model = seed001Workbook(cleanSeed001());
    setCell(model, '表3', 'F8', { v: null, z: '0.0' }); // an empty derived cell with its own format
    setCell(model, '表3', 'F21', undefined); // an empty derived cell with no format
    const { proposals } = proposeFills(model);
    const chosen = proposals.filter((p) => p.id === '表3!F8' || p.id === '表3!F21');
    expect(chosen.map((p) => [p.id, p.oldNumFmt])).toEqual([
      ['表3!F8', '0.0'],
      ['表3!F21', undefined],
    ]);
    const host = new MemoryHost(model);
    await host.write(fillWrites(chosen));
    expect(host.cellAt('表3', 'F21')?.z).toBe('#,##0.00');
    const undo = undoWrites(chosen);
    expect(undo.map((w) => w.numFmt)).toEqual(['0.0', 'General']);
    await host.write(undo);
    expect(host.cellAt('表3', 'F8')).toEqual({ v: null, z: '0.0' });
    expect(host.cellAt('表3', 'F21')).toBeUndefined();
  });

  it('writes old text back as text', async () => {
    const s = cleanSeed001();
    const model = seed001Workbook(s);
    setCell(model, '表3', 'F8', { v: '287.48', z: '#,##0.00' }); // a wrong total typed as text
    const wrong = proposeFills(model).proposals.filter((p) => p.id === '表3!F8');
    expect(wrong).toHaveLength(1);
    const [w] = undoWrites(wrong);
    expect(w).toEqual({ sheet: '表3', cell: 'F8', value: '287.48', formula: undefined, numFmt: '#,##0.00' });
  });
});

describe('spilled dynamic arrays', () => {
  it('proposes nothing inside a spill: writing there would turn it into #SPILL!', () => {
    const model = seed001Workbook(cleanSeed001());
    // E8:E23 read as empty: the cells of a spill whose values were blank results.
    const t3 = model.sheets.find((x) => x.name === '表3')!;
    for (let r = 7; r <= 22; r++) if (t3.rows[r]?.[4]) t3.rows[r][4] = undefined;
    const inE = (ps: { sheet: string; cell: string }[]) => ps.filter((p) => p.sheet === '表3' && /^E\d+$/.test(p.cell));
    expect(inE(proposeFills(model).proposals).length).toBeGreaterThan(3);
    t3.spills = [{ r0: 7, c0: 4, r1: 22, c1: 4 }];
    const withSpill = inE(proposeFills(model).proposals);
    const inside = withSpill.filter((p) => {
      const { r } = parseA1(p.cell);
      return r >= 7 && r <= 22;
    });
    expect(inside).toEqual([]);
  });
});
