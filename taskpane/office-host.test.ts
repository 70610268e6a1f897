/**
 * The Office.js adapter against office-addin-mock: the calls it makes and how many syncs, for a
 * three-sheet workbook, writing, selection and marking. (office-addin-mock has no collections, so
 * the worksheet collection is a small object around mocked worksheets; every range, fill and
 * sheet is an OfficeMockObject, which refuses to hand out a property that was not loaded.)
 */
import { OfficeMockObject } from 'office-addin-mock';
import { OfficeHost } from './office-host';

interface SheetData {
  name: string;
  visibility?: string;
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas?: unknown[][];
  numberFormat?: unknown[][];
  merged?: string;
}

function excel(sheets: SheetData[]) {
  const mocks: OfficeMockObject[] = [];
  const calls: string[] = [];
  const ranges = new Map<string, OfficeMockObject & Record<string, unknown>>();
  const track = <T extends OfficeMockObject>(m: T): T => {
    mocks.push(m);
    return m;
  };
  const rangeMock = (sheet: string, address: string) => {
    const key = `${sheet}!${address}`;
    let r = ranges.get(key);
    if (!r) {
      const fill = { color: '#FFFFFF', pattern: 'None', clear: () => calls.push(`clear ${key}`) };
      r = track(
        new OfficeMockObject({
          address: key,
          format: { fill, columnWidth: 0 },
          select: () => calls.push(`select ${key}`),
          merge: () => calls.push(`merge ${key}`),
        }),
      ) as OfficeMockObject & Record<string, unknown>;
      ranges.set(key, r);
    }
    return r;
  };
  const worksheet = (s: SheetData) => {
    const rows = s.values.length;
    const cols = s.values[0]?.length ?? 0;
    // isNullObject needs no load in Office.js: it is set outside the mocked (load-checked) properties.
    const merged = track(new OfficeMockObject({ address: s.merged ?? '' }));
    merged.isNullObject = !s.merged;
    const used = track(
      new OfficeMockObject({
        rowIndex: s.rowIndex,
        columnIndex: s.columnIndex,
        rowCount: rows,
        columnCount: cols,
        values: s.values,
        formulas: s.formulas ?? s.values,
        numberFormat: s.numberFormat ?? s.values.map((r) => r.map(() => 'General')),
        getMergedAreasOrNullObject: () => merged,
      }),
    );
    used.isNullObject = false;
    return track(
      new OfficeMockObject({
        name: s.name,
        visibility: s.visibility ?? 'Visible',
        getUsedRangeOrNullObject: () => {
          calls.push(`usedRange ${s.name}`);
          return used;
        },
        getRange: (address: string) => rangeMock(s.name, address),
        getRangeByIndexes: (r: number, c: number, h: number, w: number) => {
          const part = (grid: unknown[][] | undefined) =>
            (grid ?? s.values)
              .slice(r - s.rowIndex, r - s.rowIndex + h)
              .map((row) => row.slice(c - s.columnIndex, c - s.columnIndex + w));
          return track(
            new OfficeMockObject({
              address: `${s.name}!${r},${c},${h},${w}`,
              values: part(s.values),
              formulas: part(s.formulas),
              numberFormat: part(s.numberFormat ?? s.values.map((row) => row.map(() => 'General'))),
              merge: () => calls.push(`merge ${s.name}!${r},${c},${h},${w}`),
            }),
          );
        },
        activate: () => calls.push(`activate ${s.name}`),
      }),
    );
  };
  const items = sheets.map(worksheet);
  const collection = {
    items,
    load: (props: string) => {
      calls.push(`load worksheets ${props}`);
      const wanted = props
        .split(',')
        .map((p) => p.replace(/^items\//, '').trim())
        .join(',');
      items.forEach((w) => w.load(wanted));
    },
    getItem: (name: string) => items[sheets.findIndex((s) => s.name === name)],
    add: (name: string) => {
      calls.push(`add ${name}`);
      return worksheet({ name, rowIndex: 0, columnIndex: 0, values: [] });
    },
  };
  let syncs = 0;
  const failAt = new Set<number>();
  const context = {
    workbook: { worksheets: collection },
    sync: async () => {
      syncs++;
      if (failAt.has(syncs))
        throw Object.assign(new Error('The response payload size has exceeded the limit.'), {
          code: 'ResponsePayloadSizeLimitExceeded',
        });
      for (const m of mocks) await m.sync();
    },
  };
  const run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) =>
    batch(context as unknown as Excel.RequestContext);
  return { run, calls, ranges, syncs: () => syncs, failAt };
}

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
    expect(x.syncs()).toBe(2);
    expect(x.calls).toContain('add 审核报告(2)');
  });
});
