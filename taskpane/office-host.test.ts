/**
 * The Office.js adapter against office-addin-mock (test/helpers/office-mock.ts): the calls it
 * makes and how many syncs, for a three-sheet workbook, writing, selection and marking.
 */
import { excel, SheetData } from '../test/helpers/office-mock';
import { OfficeHost } from './office-host';

const SHEETS: SheetData[] = [
  {
    name: '表1',
    rowIndex: 0,
    columnIndex: 0,
    values: [
      ['部门收支总体情况表', ''],
      ['收入总计', 1114.26],
    ],
    numberFormat: [
      ['General', 'General'],
      ['General', '#,##0.00'],
    ],
    merged: '表1!A1:B1',
  },
  {
    name: '表3',
    rowIndex: 5,
    columnIndex: 3,
    values: [['总计', 1114.26, 388.2]],
    formulas: [['总计', '=F6+G6', 388.2]],
  },
  { name: '说明', visibility: 'Hidden', rowIndex: 0, columnIndex: 0, values: [['#REF!']] },
];

describe('OfficeHost', () => {
  it('reads a three-sheet workbook in two syncs: the sheet list, then every sheet at once', async () => {
    const x = excel(SHEETS);
    const host = new OfficeHost(x.run);
    const model = await host.read();
    expect(x.syncs()).toBe(2);
    expect(x.calls).toEqual([
      'load worksheets items/name,items/visibility',
      'usedRange 表1',
      'usedRange 表3',
      'usedRange 说明',
    ]);
    expect(model.sheets.map((s) => [s.name, !!s.hidden])).toEqual([
      ['表1', false],
      ['表3', false],
      ['说明', true],
    ]);
    expect(model.sheets[0].rows[1][1]).toEqual({ v: 1114.26, z: '#,##0.00' });
    expect(model.sheets[0].merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 1 }]);
    // Positions are absolute: the used range of 表3 starts at D6.
    expect(model.sheets[1].rows[5][4]).toEqual({ v: 1114.26, f: '=F6+G6' });
    expect(model.sheets[1].rows[5][3]).toEqual({ v: '总计' });
    expect(model.sheets[2].rows[0][0]).toEqual({ v: { error: '#REF!' } });
  });

  it('falls back to chunked reads, with progress, when one response would be too large', async () => {
    const x = excel(SHEETS);
    x.failAt.add(2);
    const progress: string[] = [];
    const model = await new OfficeHost(x.run).read((done, total, stage) => progress.push(`${stage} ${done}/${total}`));
    // list, the failed read, list again, sizes, then one block per sheet.
    expect(x.syncs()).toBe(7);
    expect(model.sheets.map((s) => s.name)).toEqual(['表1', '表3', '说明']);
    expect(model.sheets[1].rows[5][4]).toEqual({ v: 1114.26, f: '=F6+G6' });
    expect(progress[progress.length - 1]).toBe('read 8/8');
  });

  it('writes every cell in one sync, formulas as formulas', async () => {
    const x = excel(SHEETS);
    const host = new OfficeHost(x.run);
    await host.write([
      { sheet: '表3', cell: 'E6', formula: '=F6+G6', value: 1114.27, numFmt: '#,##0.00' },
      { sheet: '表1', cell: 'B2', value: 1114.27 },
    ]);
    expect(x.syncs()).toBe(1);
    expect(x.ranges.get('表3!E6')?.formulas).toEqual([['=F6+G6']]);
    expect(x.ranges.get('表3!E6')?.numberFormat).toEqual([['#,##0.00']]);
    expect(x.ranges.get('表1!B2')?.values).toEqual([[1114.27]]);
  });

  it('selects a finding’s cell in one sync', async () => {
    const x = excel(SHEETS);
    await new OfficeHost(x.run).select('表3', 'E6');
    expect(x.syncs()).toBe(1);
    expect(x.calls).toEqual(['activate 表3', 'select 表3!E6']);
  });

  it('marks cells (reading their fills first) and 清除标记 restores them exactly', async () => {
    const x = excel(SHEETS);
    const host = new OfficeHost(x.run);
    const saved = await host.mark([
      { sheet: '表3', cell: 'E6', color: '#F8CBAD' },
      { sheet: '表1', cell: 'B2', color: '#FFE699' },
    ]);
    expect(x.syncs()).toBe(2);
    expect(saved).toEqual([
      { sheet: '表3', cell: 'E6', color: null },
      { sheet: '表1', cell: 'B2', color: null },
    ]);
    const fill = (x.ranges.get('表3!E6')?.format as { fill: { color: string } }).fill;
    expect(fill.color).toBe('#F8CBAD');
    await host.unmark(saved);
    expect(x.syncs()).toBe(3);
    expect(x.calls.filter((c) => c.startsWith('clear'))).toEqual(['clear 表1!B2', 'clear 表3!E6']);
  });

  it('inserts the report as a new sheet with a unique name', async () => {
    const x = excel([...SHEETS, { name: '审核报告', rowIndex: 0, columnIndex: 0, values: [['']] }]);
    const name = await new OfficeHost(x.run).addSheet(
      { name: '审核报告', rows: [[{ v: '审核报告' }], [{ v: '=1+1' }]], merges: [{ r0: 0, c0: 0, r1: 0, c1: 2 }] },
      { activate: true },
    );
    expect(name).toBe('审核报告(2)');
    expect(x.calls).toContain('add 审核报告(2)');
    // Added and filled in one sync; activated after it, in the next (issue 15, item 11).
    expect(x.syncs()).toBe(3);
    expect(x.events).toEqual(['activate 审核报告(2) after 2 syncs']);
  });
});

describe('OfficeHost in real Excel’s limits (issue 15)', () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });

  /** A sheet of `n` rows × 2 columns whose rows 2k, 2k+1 are merged in column A: n/2 merged areas. */
  function mergedSheet(n: number): SheetData {
    const values = Array.from({ length: n }, (_, i) => [i % 2 === 0 ? `项目${i / 2}` : '', i]);
    const merged = Array.from({ length: n / 2 }, (_, k) => `大表!A${2 * k + 1}:A${2 * k + 2}`).join(',');
    return { name: '大表', rowIndex: 0, columnIndex: 0, values, merged };
  }

  it('a sheet with more than 512 merged areas is read in blocks, each block’s merges once (item 6)', async () => {
    const x = excel([SHEETS[0], mergedSheet(1200)], { mergedAreas: 512 });
    const model = await new OfficeHost(x.run).read();
    const big = model.sheets[1];
    expect(big.merges).toHaveLength(600);
    expect(new Set(big.merges.map((m) => `${m.r0},${m.c0},${m.r1},${m.c1}`)).size).toBe(600);
    expect(big.merges).toContainEqual({ r0: 1198, c0: 0, r1: 1199, c1: 0 });
    expect(big.rows[1199][1]).toEqual({ v: 1199 });
    expect(model.sheets[0].merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 1 }]);
  });

  it('halves a block that is over the payload limit (item 10)', async () => {
    const values = Array.from({ length: 3000 }, (_, i) => [i, i + 0.5]);
    // ~750 rows per sync: the one-sync read fails, then blocks of 3000 and 1500 rows.
    const x = excel([{ name: '明细', rowIndex: 0, columnIndex: 0, values }], { cells: 1500 });
    const progress: number[] = [];
    const model = await new OfficeHost(x.run).read((done) => progress.push(done));
    expect(model.sheets[0].rows).toHaveLength(3000);
    expect(model.sheets[0].rows[2999][1]).toEqual({ v: 2999.5 });
    expect(progress).toEqual([0, 1500, 3000, 4500, 6000]);
  });

  it('rereads a block that came back without values (item 10)', async () => {
    const values = Array.from({ length: 10 }, (_, i) => [i]);
    const x = excel([{ name: '明细', rowIndex: 0, columnIndex: 0, values }], { nullValues: new Set(['明细!0']) });
    x.failAt.add(2); // the one-sync read fails: chunked
    const progress: number[] = [];
    const model = await new OfficeHost(x.run).read((done) => progress.push(done));
    expect(model.sheets[0].rows[9][0]).toEqual({ v: 9 });
    expect(progress).toEqual([0, 5, 10]);
  });

  it('reports a row Excel will not return instead of reading it as empty', async () => {
    const x = excel([{ name: '明细', rowIndex: 0, columnIndex: 0, values: [[1]] }], { cells: 0 });
    await expect(new OfficeHost(x.run).read()).rejects.toThrow(/payload/);
  });

  it('writes old text as text, and General as a format (item 4)', async () => {
    const x = excel(SHEETS);
    await new OfficeHost(x.run).write([
      { sheet: '表1', cell: 'B2', value: '1,114.26', numFmt: 'General' },
      { sheet: '表1', cell: 'A2', value: '01' },
      { sheet: '表1', cell: 'A1', value: null },
    ]);
    expect(x.ranges.get('表1!B2')?.values).toEqual([["'1,114.26"]]);
    expect(x.ranges.get('表1!B2')?.numberFormat).toEqual([['General']]);
    expect(x.ranges.get('表1!A2')?.values).toEqual([["'01"]]);
    expect(x.ranges.get('表1!A1')?.values).toEqual([['']]);
  });

  it('marks the cells of spilled dynamic arrays, in one more sync (item 8)', async () => {
    const x = excel([
      {
        name: '表9',
        rowIndex: 0,
        columnIndex: 0,
        values: [
          [100, 110, 0.1],
          [200, 180, ''],
        ],
        formulas: [
          [100, 110, '=BUDGET.YOY(B1:B2,A1:A2)'],
          [200, 180, ''],
        ],
        spills: { C1: 'C1:C2' },
      },
    ]);
    const host = new OfficeHost(x.run);
    const model = await host.read();
    expect(model.sheets[0].spills).toEqual([{ r0: 0, c0: 2, r1: 1, c1: 2 }]);
    expect(host.syncs).toBe(3);
  });

  it('refuses with a clear message where ExcelApi 1.13 is missing (item 9)', async () => {
    (globalThis as { Office?: unknown }).Office = {
      context: { requirements: { isSetSupported: (_: string, v: string) => Number(v.split('.')[1]) <= 9 } },
    };
    await expect(new OfficeHost(excel(SHEETS).run).read()).rejects.toThrow(/ExcelApi 1\.13/);
  });
});
