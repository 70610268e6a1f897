/**
 * Table finding on a sheet no declared form recognised: the title, the unit line, the header
 * rows, the panels (label and code columns, amount columns with their header paths), the data
 * rows and the notes under them. Nothing here knows a form: it reads the layout only.
 */
import { Unit } from '../amount/parse';
import { findUnit } from '../recognize/header';
import { readAmountCell, SheetView } from '../recognize/sheet-view';
import { AmountCell } from '../recognize/types';
import { SheetModel } from '../workbook/model';

export interface InferredColumn {
  c: number;
  /** The header texts above the column, outermost first, merged repeats and blanks dropped. */
  path: string[];
}

export interface InferredRow {
  r: number;
  /** The label as written (indentation kept). */
  label: string;
  /** The label without blanks, NFKC. */
  norm: string;
  /** 3, 5 or 7 digits, from the code columns or a code leading the label. */
  code?: string;
  /**
   * The code as printed when it lost its lower digits (a 类 code printed again on the 款 row above
   * its own 项 rows: 208 for 20801); `code` then holds the code the next row implies.
   */
  printedCode?: string;
  /** Leading spaces of the label. */
  indent: number;
  cells: Map<number, AmountCell>;
}

export interface InferredPanel {
  /** Code columns (类|款|项 or one combined), possibly none. */
  codeCols: number[];
  labelCol: number;
  columns: InferredColumn[];
  /**
   * Ratio columns (a header with %, 百分比, 增长率, 增减率…): not amounts, never summed by G1–G4 or G6;
   * G5 finds which two columns each one divides.
   * Kept apart so a later check (G5, a percent = one column over another) can use them.
   */
  ratioColumns: InferredColumn[];
  /** The columns a percent may divide, when not `columns` (a declared table's part: every amount column). */
  ratioCandidates?: InferredColumn[];
  rows: InferredRow[];
}

export interface InferredTable {
  sheet: SheetModel;
  title?: { r: number; c: number; text: string };
  unit: Unit;
  unitFound: boolean;
  /** First and last header row (0-based, inclusive). */
  headerRows: [number, number];
  dataRows: [number, number];
  panels: InferredPanel[];
  notes: { r: number; text: string }[];
}

const AMOUNT_TEXT = /^[\s(（-]*[\d,，]+(?:[.．]\d+)?[\s)）]*$/;
const NA_TEXT = /^[×xX\-—–－]+$/;
const NOTE = /^(注|说明|备注)\s*[:：\d１-９]/;
/** A header that names a ratio, not an amount: such a column is never summed. */
const RATIO_HEADER = /[%％‰]|百分比|比率|比例|比重|增长率|增减率|增幅|完成率|执行率|执行进度|完成进度|占比/;
/** A table number printed alone on its row. */
const PRINTED_NO = /^(附)?表[0-9一二三四五六七八九十]{1,3}$/;
const CODE = /^\d{3}(?:\d{2}){0,2}$/;
const CODE_PART = /^\d{1,3}$/;
const CODE_HEADER = /^(类|款|项|科目编码|功能分类科目编码|经济分类科目编码|编码|.*科目编码)$/;

/**
 * A code printed again (the same code on an earlier row) whose next coded row is two levels below
 * it lost its lower digits: 208 above 2080109 stands for 20801 (the declared forms' K1 repair).
 */
function repairLostCodes(rows: InferredRow[]): void {
  const seen = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const code = rows[i].code;
    if (!code) continue;
    if (seen.has(code)) {
      const next = rows.slice(i + 1).find((x) => x.code)?.code;
      if (next && next.length === code.length + 4 && next.startsWith(code)) {
        rows[i].printedCode = code;
        rows[i].code = next.slice(0, code.length + 2);
      }
    }
    seen.add(rows[i].code!);
  }
}

function norm(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '');
}

/** Whether a cell holds an amount: a number, a decimal text, or a not-applicable mark (× −). */
function amountKind(v: unknown): 'number' | 'na' | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? 'number' : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  if (!t) return undefined;
  if (NA_TEXT.test(t)) return 'na';
  if (AMOUNT_TEXT.test(t.normalize('NFKC'))) return 'number';
  return undefined;
}

/** A column-number row (栏次: 1 2 3 …) or a row of small integers under the header. */
function isNumberRow(view: SheetView, r: number): boolean {
  const texts = view.rowTexts(r);
  const nums = texts.filter((t) => /^\d{1,2}$/.test(t.text));
  return nums.length >= 2 && texts.every((t) => /^\d{1,2}$|^栏次$|^行次$|^[甲乙丙丁*＊]$/.test(t.text.trim()));
}

const found = new WeakMap<SheetModel, InferredTable[]>();

/** The first table on a sheet (undefined when there is none: no row with amounts, or no label beside them). */
export function findTable(sheet: SheetModel): InferredTable | undefined {
  return findTables(sheet)[0];
}

/**
 * The tables on a sheet, top to bottom, found once per sheet model: several when a second title
 * (a row of one text ending in 表, or a unit line) stands between two runs of amount rows.
 */
export function findTables(sheet: SheetModel): InferredTable[] {
  let ts = found.get(sheet);
  if (!ts) {
    const view = new SheetView(sheet);
    ts = blocks(view, sheet)
      .map(([from, to]) => findTableOnce(sheet, view, from, to))
      .filter((t): t is InferredTable => !!t);
    found.set(sheet, ts);
  }
  return ts;
}

/** A stacked table's title (one text ending in 表, `（续）` allowed) or its unit line. */
const STACK_TITLE = /表(?:\(续\))?$/;

function hasNumberCell(sheet: SheetModel, r: number): boolean {
  const row = sheet.rows[r];
  if (!row) return false;
  for (const cell of row) {
    if (amountKind(cell?.v) === 'number' && !(typeof cell?.v === 'string' && /^\s*\d{1,7}\s*$/.test(cell.v)))
      return true;
  }
  return false;
}

/** Row ranges [from, to) of the tables stacked on a sheet. */
function blocks(view: SheetView, sheet: SheetModel): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  let lastAmount = -1;
  for (let r = 0; r < view.rows; r++) {
    if (hasNumberCell(sheet, r)) {
      lastAmount = r;
      continue;
    }
    if (lastAmount < 0) continue;
    const texts = view.rowTexts(r);
    if (texts.length === 0 || texts.length > 2) continue;
    const t = norm(texts[0].text);
    const title = texts.length === 1 && t.length >= 6 && STACK_TITLE.test(t) && !NOTE.test(t);
    const unit = texts.some((x) => /单位[:：]/.test(x.text));
    if (!title && !unit) continue;
    // a second table: more amounts further down, after a header
    let next = r + 1;
    while (next < view.rows && !hasNumberCell(sheet, next)) next++;
    if (next >= view.rows) break;
    let start = r;
    if (unit && !title) {
      // the title may be on the row above the unit line
      const above = view.rowTexts(r - 1);
      if (r - 1 > lastAmount && above.length === 1 && norm(above[0].text).length >= 4) start = r - 1;
    }
    out.push([from, start]);
    from = start;
    lastAmount = -1;
    r = next - 1;
  }
  out.push([from, view.rows]);
  return out;
}

function findTableOnce(sheet: SheetModel, view: SheetView, from: number, to: number): InferredTable | undefined {
  // 1. The rows holding amounts, and the columns they are in.
  const amountRows: number[] = [];
  const amountCols = new Map<number, number>();
  for (let r = from; r < to; r++) {
    const row = sheet.rows[r];
    if (!row || isNumberRow(view, r)) continue;
    let any = false;
    row.forEach((cell, c) => {
      const k = amountKind(cell?.v);
      // a digit string without separators (`06`, `201`, `2013901`) is a code part, not an amount
      if (k === 'number' && !(typeof cell?.v === 'string' && /^\s*\d{1,7}\s*$/.test(cell.v))) {
        any = true;
        amountCols.set(c, (amountCols.get(c) ?? 0) + 1);
      }
    });
    if (any) amountRows.push(r);
  }
  if (amountRows.length === 0) return undefined;
  // Code columns hold 3–7 digit numbers as numbers sometimes: a column whose every "amount" is a
  // code-shaped integer and whose header says 编码/类/款/项 is a code column, not amounts.
  const first = amountRows[0];
  // 2. Header rows: the rows above the first data row up to the unit line or the title.
  const unit = findUnit(view, from, first);
  let top = unit.found && unit.r !== undefined ? unit.r + 1 : from;
  let title: InferredTable['title'];
  for (let r = from; r < first; r++) {
    const texts = view.rowTexts(r);
    if (texts.length === 0) continue;
    const t = texts[0];
    // a table number alone above the title (`表 1`, `附表3`)
    if (texts.length === 1 && PRINTED_NO.test(norm(t.text))) continue;
    if (texts.length <= 2 && !/单位[:：]/.test(t.text) && norm(t.text).length >= 4) {
      title = { r, c: t.c, text: t.text };
      if (!unit.found) top = r + 1;
    }
    break;
  }
  while (top < first && view.isBlankRow(top)) top++;
  // Skip a 编制单位 line right under the title when no unit line was found.
  while (top < first && view.rowTexts(top).some((t) => /编制(部门|单位)|单位[:：]/.test(t.text))) top++;
  let headerEnd = first - 1;
  while (headerEnd >= top && isNumberRow(view, headerEnd)) headerEnd--;
  // 3. Columns: amount columns; the text columns left of each run of amount columns form a panel.
  const pathOf = (c: number): string[] => {
    const out: string[] = [];
    for (let r = top; r <= headerEnd; r++) {
      const t = norm(view.shownText(r, c));
      if (t && out[out.length - 1] !== t) out.push(t);
    }
    return out;
  };
  const codeHeaded = (c: number) => {
    const p = pathOf(c);
    return p.length > 0 && CODE_HEADER.test(p[p.length - 1]);
  };
  const hasAmount = (c: number) => (amountCols.get(c) ?? 0) > 0 && !codeHeaded(c);
  let width = 0;
  for (let r = top; r <= amountRows[amountRows.length - 1]; r++) width = Math.max(width, sheet.rows[r]?.length ?? 0);
  for (const m of sheet.merges) if (m.r0 >= top && m.r0 <= headerEnd) width = Math.max(width, m.c1 + 1);
  // Last data row: the last row with an amount or a label, before a note.
  const notes: InferredTable['notes'] = [];
  let last = amountRows[amountRows.length - 1];
  for (let r = last + 1; r < to; r++) {
    const texts = view.rowTexts(r);
    if (texts.length === 0) continue;
    const t = texts[0].text;
    if (NOTE.test(norm(t)) || norm(t).length > 30) notes.push({ r, text: t });
    else if (notes.length === 0 && texts.some((x) => hasAmount(x.c) || amountKind(x.text))) last = r;
  }
  // A column holding labels or codes in the data rows is a text column; one holding amounts, or
  // nothing but with a header right of the first amount column, is an amount column.
  let firstAmountCol = Infinity;
  for (let c = 0; c < width; c++) if (hasAmount(c)) firstAmountCol = Math.min(firstAmountCol, c);
  const textIn = new Set<number>();
  for (let r = first; r <= last; r++) {
    for (const { c } of view.rowTexts(r)) {
      const v = sheet.rows[r]?.[c]?.v;
      if (typeof v === 'string' && (!amountKind(v) || /^\s*\d{1,7}\s*$/.test(v))) textIn.add(c);
    }
  }
  const amountCol = new Map<number, boolean>();
  const isAmountCol = (c: number) => {
    let v = amountCol.get(c);
    if (v === undefined) {
      v = !codeHeaded(c) && !textIn.has(c) && (hasAmount(c) || (c > firstAmountCol && pathOf(c).length > 0));
      amountCol.set(c, v);
    }
    return v;
  };
  const panels: InferredPanel[] = [];
  let c = 0;
  while (c < width) {
    // text columns, then amount columns
    const textCols: number[] = [];
    while (c < width && !isAmountCol(c)) textCols.push(c++);
    const cols: number[] = [];
    while (c < width && isAmountCol(c)) cols.push(c++);
    if (cols.length === 0) break;
    // the label column: the text column with most non-code texts in the data rows; code columns:
    // those whose data texts are code parts, or whose header says 类/款/项/编码.
    let labelCol = -1;
    let best = -1;
    const codeCols: number[] = [];
    for (const tc of textCols) {
      let labels = 0;
      let codes = 0;
      for (let r = first; r <= last; r++) {
        const t = norm(view.text(r, tc));
        if (!t) continue;
        if (CODE.test(t) || CODE_PART.test(t)) codes++;
        else labels++;
      }
      const head = pathOf(tc);
      if (
        (codes > 0 && labels === 0) ||
        (head.length > 0 && CODE_HEADER.test(head[head.length - 1]) && labels <= codes)
      ) {
        codeCols.push(tc);
      } else if (labels > best) {
        best = labels;
        labelCol = tc;
      }
    }
    if (labelCol < 0) labelCol = codeCols.length ? codeCols[codeCols.length - 1] : cols[0] - 1;
    const allColumns = cols.map((ac) => ({ c: ac, path: pathOf(ac) }));
    const isRatio = (col: InferredColumn) => col.path.some((p) => RATIO_HEADER.test(p));
    const columns = allColumns.filter((col) => !isRatio(col));
    const ratioColumns = allColumns.filter(isRatio);
    const rows: InferredRow[] = [];
    const state: { lei?: string; kuan?: string } = {};
    for (let r = first; r <= last; r++) {
      const label = labelCol >= 0 ? view.text(r, labelCol) : '';
      const raw = labelCol >= 0 ? String(sheet.rows[r]?.[labelCol]?.v ?? '') : '';
      const cells = new Map<number, AmountCell>();
      let filled = false;
      for (const ac of cols) {
        const cell = readAmountCell(view, r, ac);
        cells.set(ac, cell);
        if (cell.value !== null || cell.invalid || cell.uncalculated) filled = true;
      }
      const code = readCodeCols(view, codeCols, r, state) ?? codeOfLabel(label);
      if (!label && !filled && !code) continue;
      rows.push({ r, label: raw || label, norm: norm(label), code, indent: view.indent(r, labelCol), cells });
    }
    repairLostCodes(rows);
    panels.push({ codeCols, labelCol, columns, ratioColumns, rows });
  }
  if (panels.length === 0) return undefined;
  return {
    sheet,
    title,
    unit: unit.unit,
    unitFound: unit.found,
    headerRows: [top, headerEnd],
    dataRows: [first, last],
    panels,
    notes,
  };
}

function readCodeCols(
  view: SheetView,
  cols: number[],
  r: number,
  state: { lei?: string; kuan?: string },
): string | undefined {
  if (cols.length === 0) return undefined;
  const parts = cols.map((c) => norm(view.text(r, c)));
  if (parts.every((p) => !p)) return undefined;
  if (!parts.every((p) => /^\d*$/.test(p))) return undefined;
  if (cols.length === 1) return CODE.test(parts[0]) ? parts[0] : undefined;
  let [lei, kuan = '', xiang = ''] = parts;
  if (kuan.length === 1) kuan = `0${kuan}`;
  if (xiang.length === 1) xiang = `0${xiang}`;
  if (!lei && kuan) lei = state.lei ?? '';
  if (lei.length !== 3) {
    // a combined code written in the first column
    return CODE.test(lei + kuan + xiang) ? lei + kuan + xiang : undefined;
  }
  state.lei = lei;
  if (!kuan && xiang && state.kuan) kuan = state.kuan;
  if (kuan) state.kuan = kuan;
  const code = lei + kuan + (kuan ? xiang : '');
  return CODE.test(code) ? code : undefined;
}

function codeOfLabel(label: string): string | undefined {
  const m = /^(\d{3}(?:\d{2}){0,2})(?!\d)/.exec(label.normalize('NFKC').trim());
  return m ? m[1] : undefined;
}
