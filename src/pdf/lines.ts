/**
 * Published PDFs, step 2a: a page's positioned text → printed lines and their runs (cells of a
 * line), and the value a printed cell stands for. Shared by the text-only layout (columns.ts), the
 * ruled layout (grid.ts) and the table assembly (tables.ts).
 */
import type { CellBox, PdfPageText, TextItem } from './layout';
import { groupLines } from './layout';

export const AMOUNT = /^[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[-−]?\.\d+$/;
export const CODE = /^\d{2,7}$/;
export const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
export const HAS_CJK = /[\u4e00-\u9fff]/;

/** Text of runs joined; spaces between CJK characters (letter-spaced labels) dropped. */
export function joinText(parts: string[]): string {
  const s = parts.join('').replace(/\s+/g, ' ').trim();
  return s.replace(
    /(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])/g,
    '',
  );
}

export interface Chunk extends TextItem {
  page: number;
}

export interface Line {
  page: number;
  y: number;
  h: number;
  chunks: Chunk[];
  /** the runs before joining into cells (what the grid places: a run never crosses a ruling line) */
  items: Chunk[];
  text: string;
}

/** Cells of a line: runs closer than a character joined, an amount never joined to text. */
function chunksOf(line: TextItem[]): TextItem[] {
  const cells: TextItem[] = [];
  for (const it of line) {
    const last = cells[cells.length - 1];
    const gap = last ? it.x - (last.x + last.w) : Infinity;
    if (last && gap < Math.max(1, it.h * 0.9) && !isNumeric(last.str) && !isNumeric(it.str)) {
      last.str += gap > 0.25 * it.h ? ` ${it.str}` : it.str;
      last.w = it.x + it.w - last.x;
      last.h = Math.max(last.h, it.h);
    } else cells.push({ ...it });
  }
  return cells;
}

const charWeight = (ch: string) => (CJK.test(ch) ? 1 : 0.55);

/**
 * Runs printed as one item across two cells (`371,514,655.00 一、一般公共服务支出`): split at a blank
 * between an amount and text, the x of each part estimated from its characters.
 */
export function splitItem(it: TextItem): TextItem[] {
  const parts = it.str.split(/(\s+)/);
  if (parts.length < 3) return [it];
  const tokens: { s: string; start: number }[] = [];
  let pos = 0;
  for (const p of parts) {
    if (p.trim()) tokens.push({ s: p, start: pos });
    pos += p.length;
  }
  const cuts: number[] = [];
  // Every blank: the pieces of one cell come together again (by the grid, or as close runs).
  for (let k = 1; k < tokens.length; k++) cuts.push(k);
  if (cuts.length === 0) return [it];
  const total = [...it.str].reduce((a, ch) => a + charWeight(ch), 0) || 1;
  const xAt = (idx: number) =>
    it.x + (it.w * [...it.str.slice(0, idx)].reduce((a, ch) => a + charWeight(ch), 0)) / total;
  const out: TextItem[] = [];
  const bounds = [0, ...cuts, tokens.length];
  for (let b = 0; b + 1 < bounds.length; b++) {
    const first = tokens[bounds[b]];
    const last = tokens[bounds[b + 1] - 1];
    const end = last.start + last.s.length;
    const x0 = xAt(first.start);
    out.push({ str: it.str.slice(first.start, end), x: x0, y: it.y, w: xAt(end) - x0, h: it.h });
  }
  return out;
}

export function linesOf(p: PdfPageText): Line[] {
  return groupLines(p.items.flatMap(splitItem)).map((l) => {
    const items = l.map((c) => ({ ...c, str: joinText([c.str]), page: p.page }));
    const chunks = chunksOf(l).map((c) => ({ ...c, str: joinText([c.str]), page: p.page }));
    return {
      page: p.page,
      y: Math.min(...l.map((i) => i.y)),
      h: Math.max(...l.map((i) => i.h)),
      chunks,
      items,
      text: joinText(l.map((i) => i.str)),
    };
  });
}

export function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function isNumeric(s: string): boolean {
  return AMOUNT.test(s.replace(/\s/g, ''));
}
/** A line that opens the body: it prints an amount or a code. */
export const isDataLine = (l: Line) => l.chunks.some((c) => isNumeric(c.str) || CODE.test(c.str));

export function boxOf(chunks: Chunk[]): CellBox {
  const x0 = Math.min(...chunks.map((c) => c.x));
  const y0 = Math.min(...chunks.map((c) => c.y));
  const x1 = Math.max(...chunks.map((c) => c.x + c.w));
  const y1 = Math.max(...chunks.map((c) => c.y + c.h));
  return { page: chunks[0].page, x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** A column of 科目编码: its figures are digit runs (`201`, `06`), none an amount; labels such as 合计 may share it. */
export function isCodeColumn(texts: string[]): boolean {
  const figures = texts.filter((t) => /\d/.test(t) && !HAS_CJK.test(t));
  return figures.length > 0 && figures.every((t) => /^\d{2,7}$/.test(t));
}

/** A body cell's value: amounts as numbers, codes and everything else as printed text. */
export function bodyValue(text: string, codeColumn: boolean): string | number {
  const t = text.replace(/\s/g, '');
  if (codeColumn && /^\d+$/.test(t)) return t;
  if (AMOUNT.test(t)) {
    const n = Number(t.replace(/,/g, '').replace('−', '-'));
    if (Number.isFinite(n)) return n;
  }
  return text;
}
