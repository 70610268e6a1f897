/**
 * Published PDFs, step 2b: tables printed without ruling lines — columns from the x-extents of the
 * body's runs, rows from the baselines, the header's groups and stacked labels from where their
 * runs sit over the columns.
 */
import { CODE, type Chunk, isNumeric, joinText, type Line } from './lines';

/** A column: its x-extent on the page. */
export interface Column {
  x0: number;
  x1: number;
}

export function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.min(a1, b1) - Math.max(a0, b0);
}

/** Columns from the x-extents of runs: runs that overlap horizontally share a column. */
export function clusterColumns(chunks: Chunk[]): Column[] {
  const sorted = [...chunks].sort((a, b) => a.x - b.x);
  const cols: Column[] = [];
  for (const c of sorted) {
    const last = cols[cols.length - 1];
    if (last && c.x < last.x1 - 0.5) last.x1 = Math.max(last.x1, c.x + c.w);
    else cols.push({ x0: c.x, x1: c.x + c.w });
  }
  return cols;
}

/** The columns a run overlaps (by a meaningful part of the run or of the column). */
export function columnsOf(cols: Column[], c: Chunk): number[] {
  const out: number[] = [];
  cols.forEach((col, i) => {
    const o = overlap(col.x0, col.x1, c.x, c.x + c.w);
    if (o > Math.min(3, 0.3 * (col.x1 - col.x0), 0.3 * c.w)) out.push(i);
  });
  return out;
}

/** The column a body run belongs to: the one it overlaps most, else the nearest. */
export function nearestColumn(cols: Column[], c: Chunk): number {
  let best = 0;
  let score = -Infinity;
  cols.forEach((col, i) => {
    const o = overlap(col.x0, col.x1, c.x, c.x + c.w);
    if (o > score) {
      score = o;
      best = i;
    }
  });
  return best;
}

/** A printed row: the text of each column, with the runs it came from. */
export interface Row {
  page: number;
  y: number;
  /** last baseline of each column (to tell a wrapped line from the next row) */
  bottom: Map<number, number>;
  cells: Map<number, Chunk[]>;
}

/**
 * Rows from body lines. A line joins the row above when it is close (within the text height) and
 * prints in columns the row leaves empty (a label centred below its code), or when it continues a
 * wrapped cell (the line spacing of a paragraph, tighter than the row pitch).
 */
export function buildRows(lines: Line[], cols: Column[], h: number): Row[] {
  const rows: Row[] = [];
  for (const l of lines) {
    const placed = l.chunks.map((c) => ({ c, col: nearestColumn(cols, c) }));
    const last = rows[rows.length - 1];
    let join = false;
    if (last && last.page === l.page) {
      const conflicts = placed.filter((p) => last.cells.has(p.col));
      const lastBottom = Math.max(...last.bottom.values());
      if (conflicts.length === 0) join = l.y - lastBottom < Math.max(h, l.h) * 0.95;
      else
        join =
          conflicts.every((p) => {
            const b = last.bottom.get(p.col)!;
            const prev = last.cells.get(p.col)!;
            const gap = l.y - (b + prev[prev.length - 1].h);
            // a wrapped cell: text (not an amount) on a line spaced as a paragraph's
            return gap < 0.45 * p.c.h && !isNumeric(p.c.str) && !isNumeric(prev[prev.length - 1].str);
          }) && placed.every((p) => !last.cells.has(p.col) || !CODE.test(p.c.str));
    }
    const row: Row = join ? last! : { page: l.page, y: l.y, bottom: new Map(), cells: new Map() };
    for (const { c, col } of placed) {
      const list = row.cells.get(col) ?? [];
      list.push(c);
      row.cells.set(col, list);
      row.bottom.set(col, Math.max(row.bottom.get(col) ?? -Infinity, c.y));
    }
    if (!join) rows.push(row);
  }
  return rows;
}

export interface Header {
  /** rows of the header, top to bottom: text per column and horizontal merges */
  rows: Map<number, { text: string; chunks: Chunk[]; span: number }>[];
}

/**
 * The header from its runs: a run over two or more columns is a group merged across them; runs in
 * one column stack into its label (joined when they wrap, a group over the panel when a gap parts
 * them, as 收入 above 项目 | 决算数).
 */
export function buildHeader(chunks: Chunk[], cols: Column[], h: number): Header {
  interface G {
    c0: number;
    c1: number;
    y: number;
    text: string;
    chunks: Chunk[];
  }
  const groups: G[] = [];
  const stacks = new Map<number, Chunk[]>();
  for (const ch of chunks) {
    const over = columnsOf(cols, ch);
    if (over.length >= 2) {
      const g = groups.find((x) => x.c0 === over[0] && x.c1 === over[over.length - 1]);
      if (g) {
        g.chunks.push(ch);
        g.y = Math.min(g.y, ch.y);
      } else groups.push({ c0: over[0], c1: over[over.length - 1], y: ch.y, text: '', chunks: [ch] });
    } else {
      const c = over.length ? over[0] : nearestColumn(cols, ch);
      stacks.set(c, [...(stacks.get(c) ?? []), ch]);
    }
  }
  // Stacked runs: split where the gap is wider than a wrapped line's; the upper parts are groups
  // extending right to the next column holding a run at the same height.
  const leaves = new Map<number, Chunk[]>();
  const uppers: { c: number; chunks: Chunk[] }[] = [];
  for (const [c, list] of stacks) {
    list.sort((a, b) => a.y - b.y || a.x - b.x);
    const parts: Chunk[][] = [];
    for (const ch of list) {
      const last = parts[parts.length - 1];
      const prev = last?.[last.length - 1];
      if (prev && (Math.abs(ch.y - prev.y) < 0.5 * h || ch.y - (prev.y + prev.h) < 0.4 * h)) last.push(ch);
      else parts.push([ch]);
    }
    leaves.set(c, parts[parts.length - 1]);
    for (const p of parts.slice(0, -1)) uppers.push({ c, chunks: p });
  }
  for (const u of uppers) {
    const y = u.chunks[0].y;
    const next = uppers
      .filter((o) => o.c > u.c && Math.abs(o.chunks[0].y - y) < 0.5 * h)
      .map((o) => o.c)
      .sort((a, b) => a - b)[0];
    groups.push({ c0: u.c, c1: (next ?? cols.length) - 1, y, text: '', chunks: u.chunks });
  }
  for (const g of groups) {
    g.chunks.sort((a, b) => a.y - b.y || a.x - b.x);
    g.text = joinText(g.chunks.map((c) => c.str));
  }
  // Group levels: a group inside another's span sits below it.
  groups.sort((a, b) => b.c1 - b.c0 - (a.c1 - a.c0) || a.y - b.y);
  const level = new Map<G, number>();
  for (const g of groups) {
    let lv = 0;
    for (const o of groups) {
      if (o === g || !level.has(o)) continue;
      if (o.c0 <= g.c0 && o.c1 >= g.c1) lv = Math.max(lv, level.get(o)! + 1);
    }
    level.set(g, lv);
  }
  const depth = groups.length ? Math.max(...groups.map((g) => level.get(g)!)) + 1 : 0;
  const rows: Header['rows'] = Array.from({ length: depth + 1 }, () => new Map());
  for (const g of groups) rows[level.get(g)!].set(g.c0, { text: g.text, chunks: g.chunks, span: g.c1 - g.c0 + 1 });
  for (const [c, list] of leaves) {
    list.sort((a, b) => a.y - b.y || a.x - b.x);
    // A leaf with no group above it starts at the top row (merged down by the caller).
    let r = depth;
    while (r > 0 && !groups.some((g) => level.get(g) === r - 1 && g.c0 <= c && g.c1 >= c)) r--;
    rows[r].set(c, { text: joinText(list.map((x) => x.str)), chunks: list, span: -1 });
  }
  return { rows };
}
