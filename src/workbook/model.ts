/**
 * The core's plain model of a workbook: what the engine reads and what every adapter (the .xlsx
 * reader, the Office.js adapter, the browser page) produces. No Office, no exceljs here.
 *
 * Positions are 0-based (row r, column c) from A1; `a1()` turns them into addresses.
 */
import type { SheetFormat } from './format';

/** An Excel error value such as `#REF!`. */
export interface CellError {
  error: string;
}

export type CellValue = string | number | boolean | null | CellError;

export interface Cell {
  /** The value; for a formula, its cached result (null when the file has none). */
  v: CellValue;
  /** The formula with its leading `=`, when the cell holds one. */
  f?: string;
  /** The number format (`#,##0.00`, `0%`, `@` …), when not General. */
  z?: string;
}

/** A merged range, inclusive, 0-based. */
export interface Merge {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface SheetModel {
  name: string;
  hidden?: boolean;
  /**
   * Rows of cells; missing rows and cells are empty. A sparse sheet (a few cells far apart, such
   * as one value at A1048576) may leave missing rows as holes rather than empty arrays, so that
   * its cost follows the cells present and not the addresses: read with `rows[r]?.[c]` or
   * {@link cellAt}, iterate with `if (!row) continue`.
   */
  rows: (Cell | undefined)[][];
  merges: Merge[];
  /** Ranges filled by a dynamic array formula (the anchor cell included), where the reader knows them. */
  spills?: Merge[];
  /** How a sheet we generate looks and prints (widths, fonts, borders, print setup); writers only. */
  format?: SheetFormat;
}

export interface WorkbookModel {
  sheets: SheetModel[];
}

export function isCellError(v: unknown): v is CellError {
  return typeof v === 'object' && v !== null && typeof (v as CellError).error === 'string';
}

export function cellAt(sheet: SheetModel, r: number, c: number): Cell | undefined {
  const row = sheet.rows[r];
  return row ? row[c] : undefined;
}

export function valueAt(sheet: SheetModel, r: number, c: number): CellValue {
  return cellAt(sheet, r, c)?.v ?? null;
}

/** Number of rows and of columns the sheet uses. */
export function sheetSize(sheet: SheetModel): { rows: number; cols: number } {
  const { rows, cols } = sheetShape(sheet);
  return { rows, cols };
}

/** sheetSize, and which rows hold any cell (`present[r]` is 1), found in one pass. */
export function sheetShape(sheet: SheetModel): { rows: number; cols: number; present: Uint8Array } {
  const present = new Uint8Array(sheet.rows.length);
  let cols = 0;
  // forEach skips missing rows without looking each one up (a sparse sheet's rows are a hole-y array).
  sheet.rows.forEach((row, r) => {
    if (row && row.length) {
      present[r] = 1;
      if (row.length > cols) cols = row.length;
    }
  });
  for (const m of sheet.merges) cols = Math.max(cols, m.c1 + 1);
  return { rows: sheet.rows.length, cols, present };
}

export function columnLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** (0, 0) → `A1`. */
export function a1(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`;
}

/** `A1` → {r: 0, c: 0}; also accepts `$A$1`. */
export function parseA1(address: string): { r: number; c: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  let c = 0;
  for (const ch of m[1].toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { r: Number(m[2]) - 1, c: c - 1 };
}

/** `A1:C3` → a Merge. */
export function parseRange(range: string): Merge {
  const [from, to = from] = range.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
}

/** A sheet name quoted for a reference when it needs to be: `表3` stays, `My sheet` → `'My sheet'`. */
export function quoteSheet(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** `表3!E7`. */
export function sheetRef(sheet: string, r: number, c: number): string {
  return `${quoteSheet(sheet)}!${a1(r, c)}`;
}

/** Index of merged areas by their top-left cell and by every covered cell. */
export class MergeIndex {
  private readonly byCell = new Map<number, Merge>();
  constructor(
    merges: readonly Merge[],
    private readonly width = 16384,
  ) {
    for (const m of merges) {
      // Very large merges (whole rows) would flood the index; record their corners only.
      const area = (m.r1 - m.r0 + 1) * (m.c1 - m.c0 + 1);
      if (area > 5000) {
        this.byCell.set(m.r0 * this.width + m.c0, m);
        continue;
      }
      for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) this.byCell.set(r * this.width + c, m);
    }
  }

  /** The merge covering (r, c), if any. */
  at(r: number, c: number): Merge | undefined {
    return this.byCell.get(r * this.width + c);
  }
}

/** Builds a sheet from plain rows of values (for tests, the CLI and the browser page). */
export function sheetFromValues(name: string, values: CellValue[][], merges: string[] = []): SheetModel {
  return {
    name,
    rows: values.map((row) => row.map((v) => (v === null || v === undefined ? undefined : { v }))),
    merges: merges.map(parseRange),
  };
}
