/**
 * The one small interface between the task pane and a workbook. The Office.js adapter
 * (taskpane/office-host.ts) and the in-memory host (src/host/memory-host.ts, used by the browser
 * page, the CLI and the tests) implement it. The pane and the core never touch Office directly.
 */
import { CellValue, SheetModel, WorkbookModel } from '../workbook/model';

/** One cell to write: a value or a formula (with its number format). */
export interface CellWrite {
  sheet: string;
  /** A1 address. */
  cell: string;
  /** A text is written as text: Excel must not turn `1,114.26` or `01` into a number. */
  value?: CellValue;
  /** A formula with its leading `=`; takes precedence over value. */
  formula?: string;
  /** The number format to set; `General` clears it; undefined leaves it as it is. */
  numFmt?: string;
}

/** A background colour on a cell (`#RRGGBB`). */
export interface CellMark {
  sheet: string;
  cell: string;
  color: string;
}

/** What a cell's fill was before we marked it, so 清除标记 can put it back exactly. */
export interface SavedFill {
  sheet: string;
  cell: string;
  /** null: no fill. */
  color: string | null;
}

export interface ReadProgress {
  (done: number, total: number, stage: 'list' | 'read'): void;
}

export interface WorkbookHost {
  readonly kind: 'office' | 'memory';
  /** Reads every sheet (values, formulas, number formats, merged areas). */
  read(onProgress?: ReadProgress): Promise<WorkbookModel>;
  /** Writes cells, all in one batch. */
  write(writes: readonly CellWrite[]): Promise<void>;
  /** Activates a sheet and selects a cell. */
  select(sheet: string, cell: string): Promise<void>;
  /** Adds a sheet (a unique name is chosen if taken); returns its name. */
  addSheet(sheet: SheetModel, options?: { activate?: boolean; columnWidths?: number[] }): Promise<string>;
  /** Colours cells; returns what they had before. */
  mark(marks: readonly CellMark[]): Promise<SavedFill[]>;
  /** Puts saved fills back. */
  unmark(saved: readonly SavedFill[]): Promise<void>;
  /** A setting remembered with the workbook (the packs loaded, rule settings); undefined when none. */
  getSetting?(key: string): Promise<string | undefined>;
  /** Remembers a setting with the workbook (undefined removes it). */
  setSetting?(key: string, value: string | undefined): Promise<void>;
}

/** A name not yet taken: `审核报告`, `审核报告(2)`, … (Excel limits names to 31 characters). */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const base = wanted.slice(0, 31);
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    const name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.includes(name)) return name;
  }
}
