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
import type { CellBox, PdfPageText, Segment } from './layout';
import { buildHeader, buildRows, clusterColumns, type Column, columnsOf } from './columns';
import { type DraftLines, liftHeaderWords, placeOnGrid } from './grid';
import {
  bodyValue,
  boxOf,
  type Chunk,
  HAS_CJK,
  isCodeColumn,
  isDataLine,
  isNumeric,
  joinText,
  type Line,
  linesOf,
  median,
} from './lines';

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

/** A table being read: its first page's lines, then the pages it continues on. */
interface Draft extends DraftLines {
  title: string;
  titleLine?: Line;
  unitLine?: Line;
  notes: Line[];
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
