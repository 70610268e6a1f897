/**
 * Published PDFs, step 2: the positioned text of every page → the tables, each rebuilt as a sheet
 * of the workbook model the recogniser reads (title row, 编制单位/单位 line, header rows with their
 * groups merged across the columns they span, one row per printed row, printed notes below), and
 * the text outside the tables, in reading order, as the 情况说明.
 *
 * Text only (no ruling lines): columns come from the x-extents of the body's runs, rows from the
 * baselines (a row whose cells are printed at different heights — code at the top, label centred —
 * is one row; a label wrapped over two lines is joined). A table continued on the next page without
 * a title takes the columns of its first page. Every cell keeps its page and box.
 *
 * Never a silent pass: a table whose body could not be read (no columns, no rows) is reported in
 * `problems`, which the caller turns into findings.
 */
import type { MessageParams } from '../i18n/messages';
import type { Cell, Merge, SheetModel, WorkbookModel } from '../workbook/model';
import { CellBox, groupLines, PdfPageText, Segment, TextItem } from './layout';

/** One rebuilt table. */
export interface PdfTable {
  title: string;
  /** pages it is printed on */
  pages: number[];
  sheet: SheetModel;
  /** `r,c` → where the cell was printed */
  boxes: Map<string, CellBox>;
  /** a header printed across the whole table above the column labels, kept off the sheet */
  headerGroups?: string[];
}

/** A line of the text outside the tables, with its page. */
export interface NarrativeLine {
  page: number;
  text: string;
}

/** A table that could not be (fully) rebuilt: reported as a finding, never passed silently. */
export interface PdfProblem {
  page: number;
  /** a `pdf.*` key of src/i18n/messages.ts */
  key: string;
  params: MessageParams;
  severity: 'error' | 'warning';
}

export interface PdfDocument {
  pages: number;
  tables: PdfTable[];
  /** the text outside the tables, one printed line each, in reading order */
  narrative: NarrativeLine[];
  problems: PdfProblem[];
}

const UNIT_LINE = /单位\s*[:：]\s*(亿元|万元|千元|元)/;
const NOTE_LINE = /^\s*(注|备注|说明|填表说明)\s*\d*\s*[:：]/;
const AMOUNT = /^[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$|^[-−]?\.\d+$/;
const CODE = /^\d{2,7}$/;
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** Text of runs joined; spaces between CJK characters (letter-spaced labels) dropped. */
export function joinText(parts: string[]): string {
  const s = parts.join('').replace(/\s+/g, ' ').trim();
  return s.replace(
    /(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])/g,
    '',
  );
}

interface Chunk extends TextItem {
  page: number;
}

interface Line {
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

function linesOf(p: PdfPageText): Line[] {
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

function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function isNumeric(s: string): boolean {
  return AMOUNT.test(s.replace(/\s/g, ''));
}
/** A line that opens the body: it prints an amount or a code. */
const isDataLine = (l: Line) => l.chunks.some((c) => isNumeric(c.str) || CODE.test(c.str));

/** A column: its x-extent on the page. */
interface Column {
  x0: number;
  x1: number;
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.min(a1, b1) - Math.max(a0, b0);
}

/** Columns from the x-extents of runs: runs that overlap horizontally share a column. */
function clusterColumns(chunks: Chunk[]): Column[] {
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
function columnsOf(cols: Column[], c: Chunk): number[] {
  const out: number[] = [];
  cols.forEach((col, i) => {
    const o = overlap(col.x0, col.x1, c.x, c.x + c.w);
    if (o > Math.min(3, 0.3 * (col.x1 - col.x0), 0.3 * c.w)) out.push(i);
  });
  return out;
}

/** The column a body run belongs to: the one it overlaps most, else the nearest. */
function nearestColumn(cols: Column[], c: Chunk): number {
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
interface Row {
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
function buildRows(lines: Line[], cols: Column[], h: number): Row[] {
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

function boxOf(chunks: Chunk[]): CellBox {
  const x0 = Math.min(...chunks.map((c) => c.x));
  const y0 = Math.min(...chunks.map((c) => c.y));
  const x1 = Math.max(...chunks.map((c) => c.x + c.w));
  const y1 = Math.max(...chunks.map((c) => c.y + c.h));
  return { page: chunks[0].page, x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

/** A column of 科目编码: its figures are digit runs (`201`, `06`), none an amount; labels such as 合计 may share it. */
function isCodeColumn(texts: string[]): boolean {
  const figures = texts.filter((t) => /\d/.test(t) && !HAS_CJK.test(t));
  return figures.length > 0 && figures.every((t) => /^\d{2,7}$/.test(t));
}

/** A body cell's value: amounts as numbers, codes and everything else as printed text. */
function bodyValue(text: string, codeColumn: boolean): string | number {
  const t = text.replace(/\s/g, '');
  if (codeColumn && /^\d+$/.test(t)) return t;
  if (AMOUNT.test(t)) {
    const n = Number(t.replace(/,/g, '').replace('−', '-'));
    if (Number.isFinite(n)) return n;
  }
  return text;
}

interface Header {
  /** rows of the header, top to bottom: text per column and horizontal merges */
  rows: Map<number, { text: string; chunks: Chunk[]; span: number }>[];
}

/**
 * The header from its runs: a run over two or more columns is a group merged across them; runs in
 * one column stack into its label (joined when they wrap, a group over the panel when a gap parts
 * them, as 收入 above 项目 | 决算数).
 */
function buildHeader(chunks: Chunk[], cols: Column[], h: number): Header {
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

interface Placed {
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
function placeOnGrid(
  d: Draft,
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

const HAS_CJK = /[\u4e00-\u9fff]/;

/**
 * Header words printed inside the first body row (类 | 款 | 项 beside the 合计 label; 合计 | 基本支出 |
 * 项目支出 on an empty fund table's 合计 row): a CJK word in a column that holds no other text in the
 * body, on a row whose label stands in a column of labels, is lifted into a header row of its own
 * just above.
 */
function liftHeaderWords(placed: Placed[]): Placed[] {
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

/** A table being read: its first page's lines, then the pages it continues on. */
interface Draft {
  title: string;
  titleLine?: Line;
  unitLine?: Line;
  headerLines: Line[];
  bodyLines: Line[];
  notes: Line[];
  pages: number[];
}

function isTitleLine(l: Line, bodyH: number): boolean {
  return l.h >= bodyH * 1.15 && /表/.test(l.text) && l.text.length <= 60 && !/[。；]/.test(l.text);
}

function sheetName(title: string, used: Set<string>): string {
  const base = (title.replace(/[\\/?*[\]:]/g, '').trim() || '表').slice(0, 28);
  let name = base.slice(0, 31);
  for (let k = 2; used.has(name); k++) name = `${base}${k}`;
  used.add(name);
  return name;
}

const sameLine = (a: Chunk, b: Chunk) => Math.abs(a.y - b.y) < 0.5 * Math.min(a.h, b.h);

/** Title row and the unit line (编制单位 at the left, 单位 at the right). */
function layHead(
  d: Draft,
  width: number,
  put: (r: number, c: number, v: string, chunks: Chunk[]) => void,
  merges: Merge[],
): void {
  put(0, 0, d.title, d.titleLine?.chunks ?? []);
  if (width > 1) merges.push({ r0: 0, c0: 0, r1: 0, c1: width - 1 });
  if (d.unitLine) {
    const parts = d.unitLine.chunks;
    const unit = parts.filter((p) => UNIT_LINE.test(p.str));
    const other = parts.filter((p) => !UNIT_LINE.test(p.str));
    if (other.length) put(1, 0, joinText(other.map((p) => p.str)), other);
    if (unit.length) put(1, width - 1, joinText(unit.map((p) => p.str)), unit);
  }
}

/** Lays a draft out as a sheet. */
function layOut(
  d: Draft,
  h: number,
  name: string,
  problems: PdfProblem[],
  rulesOf: (page: number) => Segment[] | undefined,
): PdfTable | undefined {
  const rows: (Cell | undefined)[][] = [];
  const merges: Merge[] = [];
  const boxes = new Map<string, CellBox>();
  const put = (r: number, c: number, v: string | number, chunks: Chunk[]) => {
    (rows[r] ??= [])[c] = typeof v === 'number' ? { v, z: '#,##0.00' } : { v };
    if (chunks.length) boxes.set(`${r},${c}`, boxOf(chunks));
  };
  const grid = placeOnGrid(d, rulesOf);
  if (grid) {
    const { width } = grid;
    const placed = liftHeaderWords(grid.placed);
    layHead(d, width, put, merges);
    const top = 2;
    const codeCol = Array.from({ length: width }, (_, c) => {
      const texts = placed
        .filter((p) => p.body && p.c0 === c)
        .map((p) => joinText(p.chunks.map((x) => x.str)).replace(/\s/g, ''));
      return isCodeColumn(texts);
    });
    function codeColAt(c: number): boolean {
      return codeCol[c];
    }
    // A label merged across the code columns and the name column (合计) is written in the name
    // column, as the printed layout of the transcribed workbooks has it.
    const cjkBody = new Map<number, number>();
    for (const p of placed)
      if (p.body && p.c0 === p.c1 && HAS_CJK.test(joinText(p.chunks.map((x) => x.str))))
        cjkBody.set(p.c0, (cjkBody.get(p.c0) ?? 0) + 1);
    for (const p of placed) {
      if (!p.body || p.c1 === p.c0 || p.r1 !== p.r0 || !HAS_CJK.test(joinText(p.chunks.map((x) => x.str)))) continue;
      let best = -1;
      for (let c = p.c0; c <= p.c1; c++)
        if ((cjkBody.get(c) ?? 0) > (best < 0 ? 1 : (cjkBody.get(best) ?? 0))) best = c;
      const codesBefore = best > p.c0 && codeColAt(p.c0);
      if (best >= 0 && codesBefore) {
        p.c0 = best;
        p.c1 = best;
      }
    }
    // A header row of one cell across the whole table (财政拨款“三公”经费) groups every column: the
    // recogniser reads the header from the first row of column labels, so it is kept aside.
    const headRows = [...new Set(placed.filter((p) => !p.body).map((p) => p.r0))];
    const wide = headRows.filter((r) => {
      const inRow = placed.filter((p) => p.r0 === r);
      return (
        inRow.length === 1 &&
        inRow[0].c0 === 0 &&
        inRow[0].c1 === width - 1 &&
        inRow[0].r1 === r &&
        r === Math.min(...headRows)
      );
    });
    const groupsAbove: string[] = [];
    for (const r of wide) {
      const p = placed.find((x) => x.r0 === r)!;
      groupsAbove.push(joinText(p.chunks.map((x) => x.str)));
      placed.splice(placed.indexOf(p), 1);
      for (const q of placed) {
        if (q.r0 > r) q.r0--;
        if (q.r1 > r) q.r1--;
      }
    }
    let last = top - 1;
    for (const p of placed) {
      p.chunks.sort((a, b) => (sameLine(a, b) ? a.x - b.x : a.y - b.y));
      const text = joinText(p.chunks.map((x, k) => (k > 0 && !sameLine(p.chunks[k - 1], x) ? x.str : ` ${x.str}`)));
      put(top + p.r0, p.c0, p.body ? bodyValue(text, codeCol[p.c0]) : text, p.chunks);
      if (p.r1 > p.r0 || p.c1 > p.c0) merges.push({ r0: top + p.r0, c0: p.c0, r1: top + p.r1, c1: p.c1 });
      last = Math.max(last, top + p.r1);
    }
    if (!placed.some((p) => p.body))
      problems.push({
        page: d.pages[0],
        key: 'pdf.tableNoRows',
        params: { page: d.pages[0], title: d.title },
        severity: 'warning',
      });
    let r = last + 1;
    for (const n of d.notes) {
      put(r, 0, n.text, n.chunks);
      if (width > 1) merges.push({ r0: r, c0: 0, r1: r, c1: width - 1 });
      r++;
    }
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return {
      title: d.title,
      pages: d.pages,
      sheet: { name, rows, merges },
      boxes,
      ...(groupsAbove.length ? { headerGroups: groupsAbove } : {}),
    };
  }
  const headerChunks = d.headerLines.flatMap((l) => l.chunks);
  const bodyChunks = d.bodyLines.flatMap((l) => l.chunks);
  // Columns: the body's, plus header labels over columns the body never fills.
  let cols = clusterColumns(bodyChunks);
  for (const ch of headerChunks) {
    if (columnsOf(cols, ch).length === 0) {
      cols.push({ x0: ch.x, x1: ch.x + ch.w });
      cols = clusterColumns(cols.map((c) => ({ str: '', x: c.x0, w: c.x1 - c.x0, y: 0, h: 0, page: 0 })));
    }
  }
  if (cols.length === 0) {
    problems.push({
      page: d.pages[0],
      key: 'pdf.tableNoColumns',
      params: { page: d.pages[0], title: d.title },
      severity: 'error',
    });
    return undefined;
  }
  const width = cols.length;
  layHead(d, width, put, merges);
  let r = 2;
  const header = buildHeader(headerChunks, cols, h);
  const hTop = r;
  const hRows = header.rows.filter((x) => x.size > 0);
  hRows.forEach((hr, i) => {
    for (const [c, cell] of hr) {
      put(r + i, c, cell.text, cell.chunks);
      if (cell.span > 1) merges.push({ r0: r + i, c0: c, r1: r + i, c1: c + cell.span - 1 });
      else if (cell.span < 0 && i < hRows.length - 1)
        merges.push({ r0: r + i, c0: c, r1: hTop + hRows.length - 1, c1: c });
    }
  });
  r += hRows.length;
  const body = buildRows(d.bodyLines, cols, h);
  // Code columns: digits only on every row (kept as text, `01` stays `01`).
  const codeCol = cols.map((_, c) => {
    const texts = body.flatMap((row) => (row.cells.get(c) ?? []).map((x) => x.str.replace(/\s/g, '')));
    return isCodeColumn(texts);
  });
  if (body.length === 0 && d.bodyLines.length === 0)
    problems.push({
      page: d.pages[0],
      key: 'pdf.tableNoRows',
      params: { page: d.pages[0], title: d.title },
      severity: 'warning',
    });
  for (const row of body) {
    for (const [c, list] of row.cells) {
      list.sort((a, b) => a.y - b.y || a.x - b.x);
      put(r, c, bodyValue(joinText(list.map((x) => x.str)), codeCol[c]), list);
    }
    rows[r] ??= [];
    r++;
  }
  for (const n of d.notes) {
    put(r, 0, n.text, n.chunks);
    if (width > 1) merges.push({ r0: r, c0: 0, r1: r, c1: width - 1 });
    r++;
  }
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { title: d.title, pages: d.pages, sheet: { name, rows, merges }, boxes };
}

/** The tables and the text of a PDF read by readPdfText. */
export function reconstructPdf(pages: PdfPageText[]): PdfDocument {
  const all = pages.map(linesOf);
  const bodyH = median(all.flat().map((l) => l.h)) || 10;
  const drafts: Draft[] = [];
  const text: Line[] = [];
  let open: Draft | undefined;
  let columnsOfOpen: Column[] | undefined;
  for (const lines of all) {
    // A page continuing the open table: its first line is table-like (prints in the table's columns,
    // no title, no unit line before it).
    let i = 0;
    const pageText: Line[] = [];
    if (open && lines.length && !UNIT_LINE.test(lines[0].text) && !isTitleLine(lines[0], bodyH)) {
      const cols = columnsOfOpen ?? clusterColumns(open.bodyLines.flatMap((l) => l.chunks));
      const tableH = median(open.bodyLines.map((l) => l.h)) || bodyH;
      // The header repeated at the top of the page: skipped (its runs are the first page's).
      const headerTexts = new Set(open.headerLines.flatMap((l) => l.chunks.map((c) => c.str)));
      let k = 0;
      while (k < lines.length && !isDataLine(lines[k]) && lines[k].chunks.every((c) => headerTexts.has(c.str))) k++;
      if (k > 0 && k < lines.length && isDataLine(lines[k])) i = k;
      const fits = (l: Line) =>
        l.chunks.length > 0 &&
        l.h <= tableH * 1.1 &&
        l.chunks.every((c) => columnsOf(cols, c).length === 1) &&
        !NOTE_LINE.test(l.text) &&
        !isTitleLine(l, bodyH);
      if (fits(lines[i])) {
        columnsOfOpen = cols;
        open.pages.push(lines[i].page);
        while (i < lines.length && fits(lines[i]) && !UNIT_LINE.test(lines[i].text)) open.bodyLines.push(lines[i++]);
      } else {
        open = undefined;
        i = 0;
      }
    }
    for (; i < lines.length; i++) {
      const l = lines[i];
      if (UNIT_LINE.test(l.text) && l.chunks.length <= 4) {
        // A new table: its title is the nearest title-like line above (taken back from the text).
        let t = pageText.length - 1;
        const titled = (x: Line) =>
          isTitleLine(x, bodyH) || (/表$/.test(x.text) && x.text.length <= 40 && x.h >= l.h * 0.95);
        while (t >= 0 && !titled(pageText[t]) && pageText.length - t <= 3) t--;
        let titleLine: Line | undefined;
        if (t >= 0 && titled(pageText[t])) {
          titleLine = pageText[t];
          pageText.splice(t);
        }
        const d: Draft = {
          title: titleLine?.text ?? '',
          titleLine,
          unitLine: l,
          headerLines: [],
          bodyLines: [],
          notes: [],
          pages: [l.page],
        };
        if (!titleLine)
          d.title = pageText.length && pageText[pageText.length - 1].text.length <= 40 ? pageText.pop()!.text : '';
        drafts.push(d);
        open = d;
        columnsOfOpen = undefined;
        // Header lines up to the first line printing an amount or a code.
        i++;
        while (i < lines.length && !isDataLine(lines[i]) && !NOTE_LINE.test(lines[i].text))
          d.headerLines.push(lines[i++]);
        // A table with no amount at all (an empty fund table): its last header line is its 合计 row.
        if (i >= lines.length || NOTE_LINE.test(lines[i]?.text ?? '')) {
          const lastH = d.headerLines[d.headerLines.length - 1];
          if (lastH && /^(合计|总计)$/.test(lastH.chunks[0]?.str.replace(/\s/g, '') ?? ''))
            d.bodyLines.push(d.headerLines.pop()!);
        }
        const cols = () => clusterColumns([...d.bodyLines, ...d.headerLines].flatMap((x) => x.chunks));
        let bodyCols: Column[] | undefined;
        for (; i < lines.length; i++) {
          const b = lines[i];
          if (NOTE_LINE.test(b.text) || isTitleLine(b, bodyH) || UNIT_LINE.test(b.text)) break;
          bodyCols ??= cols();
          // Running text across the columns ends the table.
          if (d.bodyLines.length > 2 && b.chunks.some((c) => columnsOf(bodyCols!, c).length >= 3)) break;
          d.bodyLines.push(b);
        }
        // Notes under the table (注：…, 说明：…) and their continuation lines.
        if (i < lines.length && NOTE_LINE.test(lines[i].text)) {
          while (
            i < lines.length &&
            (NOTE_LINE.test(lines[i].text) ||
              (d.notes.length &&
                !isTitleLine(lines[i], bodyH) &&
                !UNIT_LINE.test(lines[i].text) &&
                lines[i].y - d.notes[d.notes.length - 1].y < 2.2 * lines[i].h))
          ) {
            d.notes.push(lines[i++]);
          }
          open = undefined;
        }
        if (i < lines.length) open = undefined;
        i--;
        continue;
      }
      pageText.push(l);
    }
    text.push(...pageText);
    if (pageText.length && pageText[pageText.length - 1] === lines[lines.length - 1]) open = undefined;
  }
  const problems: PdfProblem[] = [];
  // A ruled page printing amounts that no table covers (no 单位 line found): said, not skipped.
  const covered = new Set(drafts.flatMap((d) => d.pages));
  for (const p of pages) {
    if (covered.has(p.page) || (p.rules?.length ?? 0) < 8) continue;
    const amounts = p.items.filter((it) => /\d\.\d{2}$/.test(it.str.trim()) && isNumeric(it.str)).length;
    if (amounts >= 6)
      problems.push({ page: p.page, key: 'pdf.tableNoUnit', params: { page: p.page, amounts }, severity: 'warning' });
  }
  const used = new Set<string>();
  const tables: PdfTable[] = [];
  for (const d of drafts) {
    if (!d.title)
      problems.push({ page: d.pages[0], key: 'pdf.tableNoTitle', params: { page: d.pages[0] }, severity: 'warning' });
    const t = layOut(d, bodyH, sheetName(d.title || `第${d.pages[0]}页表`, used), problems, (n) => pages[n - 1]?.rules);
    if (t) tables.push(t);
  }
  return { pages: pages.length, tables, narrative: text.map((l) => ({ page: l.page, text: l.text })), problems };
}

/** The tables as a workbook (one sheet each, in print order) and the boxes by sheet. */
export function pdfWorkbook(doc: PdfDocument): { workbook: WorkbookModel; boxes: Map<string, Map<string, CellBox>> } {
  return {
    workbook: { sheets: doc.tables.map((t) => t.sheet) },
    boxes: new Map(doc.tables.map((t) => [t.sheet.name, t.boxes])),
  };
}

/** The text outside the tables as one string, a printed line a line (what `--text` reads; line n is narrative[n − 1]). */
export function narrativeText(doc: PdfDocument): string {
  return doc.narrative.map((l) => l.text).join('\n');
}
