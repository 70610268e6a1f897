/**
 * A mocked Excel request context built on office-addin-mock, shared by the adapter's tests and the
 * Office-sync benchmark. office-addin-mock has no collections, so the worksheet collection is a
 * small object around mocked worksheets; every range, fill and sheet is an OfficeMockObject,
 * which refuses to hand out a property that was not loaded — as Office.js does.
 */
import { OfficeMockObject } from 'office-addin-mock';

export interface SheetData {
  name: string;
  visibility?: string;
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas?: unknown[][];
  numberFormat?: unknown[][];
  merged?: string;
}

export function excel(sheets: SheetData[]) {
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
