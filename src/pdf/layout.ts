/**
 * Published PDFs, step 1 (no Office, no pdf.js here): what read.ts gets from pdf.js — positioned
 * text runs, ruling-line segments, cell boxes — and runs grouped into printed lines by baseline.
 * The tables are rebuilt from these in lines.ts, columns.ts, grid.ts and tables.ts.
 */

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
