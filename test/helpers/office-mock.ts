/**
 * A mocked Excel request context built on office-addin-mock, shared by the adapter's tests and the
 * Office-sync benchmark. office-addin-mock has no collections, so the worksheet collection is a
 * small object around mocked worksheets; every range, fill and sheet is an OfficeMockObject,
 * which refuses to hand out a property that was not loaded — as Office.js does.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { parseRange } from '../../src/workbook/model';

export interface SheetData {
  name: string;
  visibility?: string;
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas?: unknown[][];
  numberFormat?: unknown[][];
  merged?: string;
  /** Spilled dynamic arrays: anchor cell (A1) → the spill's address. */
  spills?: Record<string, string>;
}

/** Limits of real Excel the mock can enforce, to test how the adapter copes. */
export interface ExcelLimits {
  /** getMergedAreas fails on sync for a range with more merged areas than this (Excel: 512). */
  mergedAreas?: number;
  /** A sync fails with ResponsePayloadSizeLimitExceeded when it loads more cells than this. */
  cells?: number;
  /** Blocks (sheet!row0, 0-based) whose values come back null once. */
  nullValues?: Set<string>;
}

export function excel(sheets: SheetData[], limits: ExcelLimits = {}) {
  const mocks: OfficeMockObject[] = [];
  const calls: string[] = [];
  /** `activate <sheet>` with the number of syncs made before it. */
  const events: string[] = [];
  /** Loads queued since the last sync that real Excel could refuse: merged areas and cells. */
  let pendingMerged: number[] = [];
  let pendingCells = 0;
  /** Cells count towards the payload when their values are loaded. */
  const countCells = (m: OfficeMockObject, n: number) => {
    const load = m.load.bind(m);
    m.load = (props: string | string[]) => {
      if (/values/.test(String(props))) pendingCells += n;
      return load(props as string);
    };
  };
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
          getSpillingToRangeOrNullObject: () => {
            const spill = sheets.find((x) => x.name === sheet)?.spills?.[address];
            const m = track(new OfficeMockObject({ address: spill ? `${sheet}!${spill}` : '' }));
            m.isNullObject = !spill;
            return m;
          },
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
    const mergedCount = (s.merged ?? '').split(',').filter(Boolean).length;
    const used = track(
      new OfficeMockObject({
        rowIndex: s.rowIndex,
        columnIndex: s.columnIndex,
        rowCount: rows,
        columnCount: cols,
        values: s.values,
        formulas: s.formulas ?? s.values,
        numberFormat: s.numberFormat ?? s.values.map((r) => r.map(() => 'General')),
        getMergedAreasOrNullObject: () => {
          pendingMerged.push(mergedCount);
          return merged;
        },
      }),
    );
    used.isNullObject = false;
    countCells(used, rows * cols);
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
          const nullKey = `${s.name}!${r}`;
          const nullOnce = limits.nullValues?.has(nullKey);
          if (nullOnce) limits.nullValues!.delete(nullKey);
          const block = track(
            new OfficeMockObject({
              address: `${s.name}!${r},${c},${h},${w}`,
              values: part(s.values),
              formulas: part(s.formulas),
              numberFormat: part(s.numberFormat ?? s.values.map((row) => row.map(() => 'General'))),
              merge: () => calls.push(`merge ${s.name}!${r},${c},${h},${w}`),
              getMergedAreasOrNullObject: () => {
                // The merged areas that intersect the block, as Excel lists them (whole areas).
                const areas = (s.merged ?? '')
                  .split(',')
                  .filter(Boolean)
                  .filter((a) => {
                    const m = parseRange(a.replace(/^.*!/, ''));
                    return m.r0 <= r + h - 1 && m.r1 >= r && m.c0 <= c + w - 1 && m.c1 >= c;
                  });
                pendingMerged.push(areas.length);
                const merged = track(new OfficeMockObject({ address: areas.join(',') }));
                merged.isNullObject = areas.length === 0;
                return merged;
              },
            }),
          );
          countCells(block, h * w);
          if (nullOnce) Object.defineProperty(block, 'values', { get: () => null });
          return block;
        },
        activate: () => {
          calls.push(`activate ${s.name}`);
          events.push(`activate ${s.name} after ${syncs} syncs`);
        },
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
      const merged = pendingMerged;
      const cells = pendingCells;
      pendingMerged = [];
      pendingCells = 0;
      if (failAt.has(syncs) || (limits.cells !== undefined && cells > limits.cells))
        throw Object.assign(new Error('The response payload size has exceeded the limit.'), {
          code: 'ResponsePayloadSizeLimitExceeded',
        });
      if (limits.mergedAreas !== undefined && merged.some((n) => n > limits.mergedAreas!))
        throw Object.assign(new Error('The request cannot be processed: too many merged areas.'), {
          code: 'GeneralException',
        });
      for (const m of mocks) await m.sync();
    },
  };
  const run = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) =>
    batch(context as unknown as Excel.RequestContext);
  return { run, calls, events, ranges, syncs: () => syncs, failAt };
}
