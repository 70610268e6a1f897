/**
 * Published PDFs, step 1 (no Office, no pdf.js here): positioned text items → lines → cells of a
 * sheet in the workbook model, every cell keeping its page and box so findings can name them.
 *
 * This is a first cut: lines are grouped by baseline, cells split on horizontal gaps; ruling lines,
 * table titles and multi-page joins are not handled yet (see issue 14).
 */
import type { Cell, SheetModel } from '../workbook/model';

/** One text run as pdf.js reports it, in page units with y measured from the top. */
export interface TextItem {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A ruling line (an axis-aligned stroke or the edge of a filled bar), y from the top. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPageText {
  /** 1-based page number. */
  page: number;
  items: TextItem[];
  /** the ruling lines, read on pages that look like tables (absent elsewhere) */
  rules?: Segment[];
}

/** Where a cell came from on the page. */
export interface CellBox {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A sheet read from a PDF, with the page and box of each cell (key `r,c`). */
export interface PdfSheet extends SheetModel {
  boxes: Map<string, CellBox>;
}

/** Group items into lines: same baseline within half the text height. */
export function groupLines(items: TextItem[]): TextItem[][] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: TextItem[][] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    const tol = Math.max(2, it.h / 2);
    if (last && Math.abs(last[0].y - it.y) <= tol) last.push(it);
    else lines.push([it]);
  }
  for (const l of lines) l.sort((a, b) => a.x - b.x);
  return lines;
}

/** Split a line into cells where the gap between runs is wider than one character. */
export function splitCells(line: TextItem[]): TextItem[] {
  const cells: TextItem[] = [];
  for (const it of line) {
    const last = cells[cells.length - 1];
    const gap = last ? it.x - (last.x + last.w) : Infinity;
    if (last && gap < Math.max(1, it.h * 0.9)) {
      last.str += it.str;
      last.w = it.x + it.w - last.x;
      last.h = Math.max(last.h, it.h);
    } else cells.push({ ...it });
  }
  return cells;
}

const AMOUNT = /^-?[\d,]+(\.\d+)?$/;

/** A printed amount as a number (thousands separators dropped); other text stays text, exactly as printed. */
export function cellValue(s: string): string | number {
  const t = s.trim();
  if (AMOUNT.test(t) && /\d/.test(t)) {
    const n = Number(t.replace(/,/g, ''));
    if (Number.isFinite(n)) return n;
  }
  return t;
}

/** All pages as one sheet, one row per printed line, in reading order. */
export function pagesToSheet(name: string, pages: PdfPageText[]): PdfSheet {
  const rows: (Cell | undefined)[][] = [];
  const boxes = new Map<string, CellBox>();
  for (const p of pages) {
    for (const line of groupLines(p.items)) {
      const r = rows.length;
      const cells = splitCells(line);
      // A bare digit run opening a line is a 科目编码 (code), kept as text.
      rows.push(
        cells.map((c, ci) => ({ v: ci === 0 && /^\d+$/.test(c.str.trim()) ? c.str.trim() : cellValue(c.str) })),
      );
      cells.forEach((c, ci) => boxes.set(`${r},${ci}`, { page: p.page, x: c.x, y: c.y, w: c.w, h: c.h }));
    }
  }
  return { name, rows, merges: [], boxes };
}
