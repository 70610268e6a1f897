/**
 * How a sheet we generate should look and print: what the published forms have besides their
 * cells (column widths, 宋体, a merged and centred title, borders on the table, header rows
 * repeated on every printed page, A4 fitted to the page width). The .xlsx writer and the Office.js
 * adapter apply it; readers never produce it. Rows and columns are 0-based.
 */
import { Merge } from './model';

export interface SheetFormat {
  /** Column widths in characters (a CJK character counts 2). */
  widths?: number[];
  /** Row heights in points, by row (rows not listed keep the default). */
  heights?: Record<number, number>;
  /** The font of every cell of the table (`宋体`), in points. */
  font?: { name: string; size: number };
  /** The title row: merged across the table, centred, bold, at this size. */
  title?: { row: number; size: number };
  /** Header rows (inclusive): centred, wrapped, bold, repeated at the top of every printed page. */
  header?: { r0: number; r1: number };
  /** The table (header and body): thin borders on every cell. */
  table?: Merge;
  /** Cells aligned to the right (the 单位：万元 line). */
  right?: { r: number; c: number }[];
  /** Columns holding codes: text (`@`) from this row down, so 款/项 codes keep their leading zero. */
  textColumns?: { columns: number[]; fromRow: number };
  /** Columns whose text wraps (the report's message and hint). */
  wrap?: number[];
  /** A filter over this range (its first row holds the headings). */
  autoFilter?: Merge;
  /** Rows (from the top) kept in view when scrolling. */
  freezeRows?: number;
  /** Print setup: A4, this orientation, scaled to the page width when fitToWidth. */
  print?: { orientation: 'portrait' | 'landscape'; fitToWidth: boolean };
}

/** Display width of a text in characters: CJK and full-width characters count 2, others 1. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    w +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000
        ? 2
        : 1;
  }
  return w;
}
