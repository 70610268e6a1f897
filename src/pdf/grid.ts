/**
 * Published PDFs, step 2c: tables printed on ruling lines — the grid of each page from pdf.js's
 * line segments, every run placed in the (merged) cell that encloses it, continuation pages' columns
 * matched to the first page's, and header words printed inside the first body row lifted above it.
 */
import type { Segment } from './layout';
import { buildRows, overlap } from './columns';
import { type Chunk, HAS_CJK, type Line, median } from './lines';

/** The lines of a table being read (its header and body, and the pages it is printed on). */
export interface DraftLines {
  headerLines: Line[];
  bodyLines: Line[];
  pages: number[];
}

/** Positions of ruling lines, clustered (within 1.5 pt). */
function clusterPositions(vs: number[]): number[] {
  const s = [...vs].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of s) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1] < 1.5) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** The grid of one page of a table: column and row boundaries and the segments that draw them. */
interface Grid {
  xs: number[];
  ys: number[];
  vertical: Segment[];
  horizontal: Segment[];
}

function gridOf(rules: Segment[] | undefined, lines: Line[]): Grid | undefined {
  if (!rules || lines.length === 0) return undefined;
  const top = Math.min(...lines.map((l) => l.y - l.h)) - 4;
  const bottom = Math.max(...lines.map((l) => l.y)) + 4;
  const inside = rules.filter((s) => s.y1 >= top - 30 && s.y0 <= bottom + 30);
  const vertical = inside.filter((s) => s.x1 - s.x0 < 1 && s.y0 < bottom && s.y1 > top);
  const horizontal = inside.filter((s) => s.y1 - s.y0 < 1 && s.y0 >= top - 30 && s.y0 <= bottom + 30);
  const xs = clusterPositions(vertical.map((s) => (s.x0 + s.x1) / 2));
  const ys = clusterPositions(horizontal.map((s) => (s.y0 + s.y1) / 2)).filter(
    (y) => y >= top - 30 && y <= bottom + 30,
  );
  if (xs.length < 3 || ys.length < 3) return undefined;
  // The text must sit inside the grid.
  const chunks = lines.flatMap((l) => l.chunks);
  const inGrid = chunks.filter((c) => c.x + c.w / 2 > xs[0] && c.x + c.w / 2 < xs[xs.length - 1]).length;
  if (inGrid < 0.9 * chunks.length) return undefined;
  return { xs, ys, vertical, horizontal };
}

function band(bounds: number[], v: number): number {
  let k = 0;
  while (k + 2 < bounds.length && v >= bounds[k + 1]) k++;
  return k;
}

/** The cell (band range, merged areas included) a run sits in. */
function cellOf(g: Grid, c: Chunk): { i0: number; i1: number; j0: number; j1: number } {
  const cx = c.x + c.w / 2;
  const cy = c.y - 0.4 * c.h;
  const vAt = (k: number) => g.vertical.some((s) => Math.abs(s.x0 - g.xs[k]) < 1.5 && s.y0 - 1 <= cy && s.y1 + 1 >= cy);
  const hAt = (k: number) =>
    g.horizontal.some((s) => Math.abs(s.y0 - g.ys[k]) < 1.5 && s.x0 - 1 <= cx && s.x1 + 1 >= cx);
  const j = band(g.xs, cx);
  const i = band(g.ys, cy);
  let j0 = j;
  while (j0 > 0 && !vAt(j0)) j0--;
  let j1 = j;
  while (j1 + 2 < g.xs.length && !vAt(j1 + 1)) j1++;
  let i0 = i;
  while (i0 > 0 && !hAt(i0)) i0--;
  let i1 = i;
  while (i1 + 2 < g.ys.length && !hAt(i1 + 1)) i1++;
  return { i0, i1, j0, j1 };
}

export interface Placed {
  /** sheet row and column, spans */
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  chunks: Chunk[];
  body: boolean;
}

/**
 * A table laid out on its ruling lines: every run in the cell that encloses it (merged areas kept
 * as merges), the continuation pages' columns matched to the first page's by overlap.
 */
export function placeOnGrid(
  d: DraftLines,
  rulesOf: (page: number) => Segment[] | undefined,
): { placed: Placed[]; width: number } | undefined {
  const byPage = new Map<number, { lines: Line[]; body: Set<Line> }>();
  for (const l of [...d.headerLines, ...d.bodyLines]) {
    const e = byPage.get(l.page) ?? { lines: [], body: new Set<Line>() };
    e.lines.push(l);
    byPage.set(l.page, e);
  }
  for (const l of d.bodyLines) byPage.get(l.page)!.body.add(l);
  const first = byPage.get(d.pages[0]);
  const g0 = first && gridOf(rulesOf(d.pages[0]), first.lines);
  if (!g0) return undefined;
  const width = g0.xs.length - 1;
  const placed: Placed[] = [];
  let rowBase = 0;
  for (const [page, { lines, body }] of byPage) {
    const g = page === d.pages[0] ? g0 : gridOf(rulesOf(page), lines);
    if (!g) {
      // A continuation page without ruling lines: rows from the baselines, columns the first page's.
      const cols = g0.xs.slice(0, -1).map((x, k) => ({ x0: x, x1: g0.xs[k + 1] }));
      const rows = buildRows(lines, cols, median(lines.map((l) => l.h)));
      rows.forEach((row, k) => {
        for (const [c, chunks] of row.cells)
          placed.push({
            r0: rowBase + k,
            r1: rowBase + k,
            c0: c,
            c1: c,
            chunks,
            body: chunks.some((x) => lines.some((l) => body.has(l) && l.chunks.includes(x))),
          });
      });
      rowBase += rows.length;
      continue;
    }
    // This page's column bands → the first page's, by overlap.
    const mapCol = (k: number) => {
      if (g === g0) return k;
      let best = 0;
      let score = -Infinity;
      for (let q = 0; q < width; q++) {
        const o = overlap(g.xs[k], g.xs[k + 1], g0.xs[q], g0.xs[q + 1]);
        if (o > score) {
          score = o;
          best = q;
        }
      }
      return best;
    };
    const cells = new Map<string, Placed>();
    for (const l of lines)
      for (const c of l.items) {
        const { i0, i1, j0, j1 } = cellOf(g, c);
        const key = `${i0},${j0}`;
        const e = cells.get(key) ?? {
          r0: i0,
          r1: i1,
          c0: mapCol(j0),
          c1: mapCol(j1),
          chunks: [],
          body: body.has(l),
        };
        e.chunks.push(c);
        cells.set(key, e);
      }
    // A grid row is body when any of its text is (header words printed beside the 合计 label).
    const bodyRows = new Set([...cells.values()].filter((e) => e.body).map((e) => e.r0));
    for (const e of cells.values()) if (bodyRows.has(e.r0)) e.body = true;
    // Rows with text only, in order.
    const used = [...new Set([...cells.values()].map((e) => e.r0))].sort((a, b) => a - b);
    const rowOf = (i: number) => {
      let k = 0;
      while (k + 1 < used.length && used[k + 1] <= i) k++;
      return rowBase + k;
    };
    for (const e of cells.values()) placed.push({ ...e, r0: rowOf(e.r0), r1: Math.max(rowOf(e.r0), rowOf(e.r1)) });
    rowBase += used.length;
  }
  return { placed, width };
}

/**
 * Header words printed inside the first body row (类 | 款 | 项 beside the 合计 label; 合计 | 基本支出 |
 * 项目支出 on an empty fund table's 合计 row): a CJK word in a column that holds no other text in the
 * body, on a row whose label stands in a column of labels, is lifted into a header row of its own
 * just above.
 */
export function liftHeaderWords(placed: Placed[]): Placed[] {
  const body = placed.filter((p) => p.body);
  const cjk = body.filter((p) => p.chunks.some((c) => HAS_CJK.test(c.str)));
  const cjkRows = new Map<number, Set<number>>();
  const cjkByRow = new Map<number, Placed[]>();
  for (const p of cjk) {
    const rows = cjkRows.get(p.c0) ?? new Set<number>();
    rows.add(p.r0);
    cjkRows.set(p.c0, rows);
    const list = cjkByRow.get(p.r0) ?? [];
    list.push(p);
    cjkByRow.set(p.r0, list);
  }
  const bodyRows = new Set(body.map((p) => p.r0));
  const liftRows = new Set<number>();
  const lifted = new Set<Placed>();
  for (const p of cjk) {
    if ((cjkRows.get(p.c0)?.size ?? 0) > 1) continue;
    const rowCells = (cjkByRow.get(p.r0) ?? []).filter((q) => q !== p);
    const labelled = rowCells.some((q) => (cjkRows.get(q.c0)?.size ?? 0) > 1);
    const single = bodyRows.size === 1 && rowCells.some((q) => q.c0 < p.c0);
    if (labelled || single) {
      lifted.add(p);
      liftRows.add(p.r0);
    }
  }
  if (lifted.size === 0) return placed;
  const lifts = [...liftRows];
  const shift = (r: number) => r + lifts.filter((x) => x <= r).length;
  return placed.map((p) =>
    lifted.has(p)
      ? { ...p, r0: shift(p.r0) - 1, r1: shift(p.r0) - 1, body: false }
      : { ...p, r0: shift(p.r0), r1: shift(p.r1) },
  );
}
