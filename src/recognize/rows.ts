/** Reading a table's data rows: codes (split or combined), names, fixed rows (amounts: amounts.ts). */
import { FixedRowSpec, normalizeLabel, stripNumbering } from '../templates/types';
import { SheetView } from './sheet-view';
import { RecognizedTable, TableRow } from './types';

const TOTAL_LABELS = new Set(['总计', '合计']);

export function isTotalLabel(text: string): boolean {
  return TOTAL_LABELS.has(normalizeLabel(text));
}

function digits(text: string): string {
  // ASCII digits only (the usual code cell): nothing to normalise or strip, no new string.
  return allDigits(text) ? text : text.normalize('NFKC').replace(/\s+/g, '');
}

/** Matches row labels to fixed rows in order; duplicates (一般公共预算拨款 twice in 表1) resolve by position. */
export class FixedRowMatcher {
  private next = 0;
  private readonly specs: FixedRowSpec[];
  constructor(specs: readonly FixedRowSpec[], panel?: 'income' | 'expense') {
    this.specs = specs.filter((s) => !panel || s.panel === panel);
  }

  match(label: string): FixedRowSpec | undefined {
    const n = stripNumbering(label);
    if (!n) return undefined;
    for (let i = this.next; i < this.specs.length; i++) {
      if (this.specs[i].labels.some((l) => stripNumbering(l) === n)) {
        this.next = i + 1;
        return this.specs[i];
      }
    }
    // Out of order: accept the first spec with the label anywhere (but do not move the pointer back).
    return this.specs.find((s) => s.labels.some((l) => stripNumbering(l) === n));
  }
}

/** The text of a code column, as digits ('' when the table has no such column). */
function codeText(view: SheetView, c: number | undefined, r: number): string {
  return c === undefined ? '' : digits(view.text(r, c));
}

/** Whether a text is digits only (or empty). */
function allDigits(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch < 48 || ch > 57) return false;
  }
  return true;
}

/**
 * Reads the codes of a coded table's rows, from split 类/款/项 columns or a combined column,
 * carrying the last 类 and 款 seen between rows (for forms that print them once). One per table
 * read; `read` makes nothing per row but the code (tables can have 100k rows).
 */
export class CodeReader {
  private readonly lei: number | undefined;
  private readonly kuan: number | undefined;
  private readonly xiang: number | undefined;
  private readonly combined: number | undefined;
  private readonly split: boolean;
  private lastLei: string | undefined;
  private lastKuan: string | undefined;
  /** After `read`: where the row's code is (the 类 or combined code cell), when it has one. */
  col: number | undefined;
  /**
   * After `read`: the code as printed when it is not the digits read (a combined cell with spaces
   * in it); for split columns it is made only when asked (writtenCode).
   */
  written: string | undefined;

  constructor(
    private readonly view: SheetView,
    columns: Map<string, number>,
  ) {
    this.lei = columns.get('lei');
    this.kuan = columns.get('kuan');
    this.xiang = columns.get('xiang');
    this.combined = columns.get('code');
    this.split = this.lei !== undefined || this.kuan !== undefined || this.xiang !== undefined;
  }

  /** The code of row r, or undefined. */
  read(r: number): string | undefined {
    const view = this.view;
    this.col = undefined;
    this.written = undefined;
    if (this.split) {
      let lei = codeText(view, this.lei, r);
      let kuan = codeText(view, this.kuan, r);
      const xiang = codeText(view, this.xiang, r);
      if (!allDigits(lei) || !allDigits(kuan) || !allDigits(xiang)) return undefined;
      if (!lei && !kuan && !xiang) return undefined;
      if (kuan.length === 1) kuan = `0${kuan}`;
      const x = xiang.length === 1 ? `0${xiang}` : xiang;
      if (!lei && kuan) lei = this.lastLei ?? '';
      if (lei.length !== 3) return undefined;
      this.lastLei = lei;
      let code = lei;
      if (kuan) {
        code += kuan;
        this.lastKuan = kuan;
        if (x) code += x;
      } else if (x && this.lastKuan) {
        code += this.lastKuan + x;
      }
      this.col = this.lei ?? this.kuan;
      return code;
    }
    const c = this.combined;
    if (c === undefined) return undefined;
    const text = view.text(r, c);
    const t = digits(text);
    if (!/^\d{3}(\d{2}){0,2}$/.test(t)) return undefined;
    this.col = c;
    if (text !== t) this.written = text;
    return t;
  }
}

/**
 * The code of a coded row as the sheet prints it (`208 01 09`), as read before any repair: the
 * non-empty parts of its split 类/款/项 columns joined by spaces, or its code cell's text;
 * undefined for a code taken from the row's name. Made when asked (a finding quotes it), not
 * kept for every row.
 */
export function writtenCode(t: RecognizedTable, row: TableRow): string | undefined {
  if (row.codeAsWritten !== undefined) return row.codeAsWritten;
  const view = new SheetView(t.sheet);
  const parts = ['lei', 'kuan', 'xiang'].map((k) => t.columns.get(k));
  if (parts.some((c) => c !== undefined)) {
    const texts = parts.map((c) => codeText(view, c, row.r));
    if (!texts.every(allDigits)) return undefined;
    return texts.filter((p) => p).join(' ') || undefined;
  }
  const c = t.columns.get('code');
  return c !== undefined && row.codeCol === c ? view.text(row.r, c) : undefined;
}

/** `201 一般公共服务支出` → code and name; `支出总计` → name only. */
export function splitCodeLabel(text: string): { code?: string; name: string } {
  const m = /^(\d{3}(?:\d{2}){0,2})\s*(.*)$/.exec(text.normalize('NFKC').trim());
  if (m && m[2]) return { code: m[1], name: m[2].trim() };
  return { name: text.trim() };
}

const NUMBERED = /^\(?[一二三四五六七八九十]+(?:[、.]|\))|^\(?\d{1,2}(?:[.、]|\))(?!\d)/;
const OF_WHICH = /^其中:?/;
const ENDS_AS_TOTAL = /(合计|总计)$/;

/**
 * Itemized tables: attaches each `其中` sub-row to the row it breaks down. A row is a sub-row when
 * its label starts with 其中 (and so are the rows after it, until a numbered label `一、`, a
 * total, a label the template names as a main row, or a code outside the parent), when it is
 * indented deeper than the last main row, or when its code extends a code printed above inside
 * such a run. Rows whose code extends a shorter one get that row as parent too (10201 → 102), but
 * are main rows, not sub-rows.
 */
export function attachSubRows(rows: readonly TableRow[], mainRows: readonly RegExp[] = []): void {
  let lastMain: TableRow | undefined;
  let run: TableRow | undefined;
  const byCode = new Map<string, TableRow>();
  for (const row of rows) {
    const label = normalizeLabel(row.name);
    const plain = stripNumbering(label);
    const ofWhich = OF_WHICH.test(label);
    const boundary =
      !ofWhich &&
      (NUMBERED.test(label) ||
        row.kind === 'total' ||
        ENDS_AS_TOTAL.test(plain) ||
        mainRows.some((re) => re.test(plain)));
    let codeParent: TableRow | undefined;
    if (row.code) {
      for (let len = row.code.length - 2; len >= 3 && !codeParent; len -= 2) {
        codeParent = byCode.get(row.code.slice(0, len));
      }
      if (!byCode.has(row.code)) byCode.set(row.code, row);
    }
    if (ofWhich) {
      row.parent = codeParent ?? lastMain;
      row.ofWhich = true;
      run = row.parent;
      continue;
    }
    if (row.code && codeParent) {
      row.parent = codeParent;
      if (run === codeParent && !boundary) {
        row.ofWhich = true;
        continue;
      }
      run = undefined;
      lastMain = row;
      continue;
    }
    if (!row.code && run && !boundary) {
      row.parent = run;
      row.ofWhich = true;
      continue;
    }
    if (!boundary && lastMain && (row.indent ?? 0) > (lastMain.indent ?? 0)) {
      row.parent = lastMain;
      row.ofWhich = true;
      run = lastMain;
      continue;
    }
    run = undefined;
    lastMain = row;
  }
}
