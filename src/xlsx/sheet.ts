/**
 * One worksheet's XML → the model's rows and merges, as the XML streams in. Only cells with a
 * value or a formula are kept; cells covered by a merged range (other than its first) are dropped,
 * as Excel shows only the first.
 */
import { a1, Cell, CellValue, Merge, parseRange } from '../workbook/model';
import { shiftFormula } from './formula';
import { unescapeOoxml } from './parts';
import { Attributes, XmlError, XmlHandler } from './xml';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface SheetContext {
  sharedStrings: readonly string[];
  formats: readonly (string | undefined)[];
  /** Whether each style's number format shows a date (date serials then read as `yyyy-mm-dd`). */
  isDate: readonly boolean[];
  date1904: boolean;
  /** Called for every cell kept; throws to stop the read (the cell limit). */
  countCell(): void;
}

/** What a worksheet part may not hold (a bad reference, a missing shared string …). */
export class SheetFormatError extends XmlError {}

const ROW_NUMBER = /^[1-9][0-9]{0,6}$/;
const CELL_REF = /^([A-Za-z]{1,3})([1-9][0-9]{0,6})$/;
/** A number as the file format writes one (xsd:double without INF/NaN): no hex, no spaces, no `1_000`. */
const NUMBER_TEXT = /^[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
/** Longest value or formula text kept for one cell (Excel allows 32,767 characters of text). */
const MAX_CELL_TEXT = 1024 * 1024;

/** `AB12` → [row 11, col 27]; undefined when not a cell reference (`E0x7`, `F7.0`, `G 7` are not). */
function cellRef(ref: string): [number, number] | undefined {
  const m = CELL_REF.exec(ref);
  if (!m) return undefined;
  let c = 0;
  for (let i = 0; i < m[1].length; i++) c = c * 26 + ((m[1].charCodeAt(i) & ~32) - 64);
  return [Number(m[2]) - 1, c - 1];
}

/** Excel's serial date → `yyyy-mm-dd` (the 1900 system counts the phantom 29 Feb 1900, as exceljs does). */
function serialDate(serial: number, date1904: boolean): string {
  const days = date1904 ? serial + 1462 : serial;
  const d = new Date(Math.round((days - 25569) * 86400000));
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

export class SheetReader implements XmlHandler {
  readonly rows: (Cell | undefined)[][] = [];
  readonly merges: Merge[] = [];
  private row = -1;
  private col = -1;
  // the cell being read
  private type = '';
  private style = 0;
  private value: string | null = null;
  private formula: string | null = null;
  /** The formula's `t` and `si` attributes (a shared formula). */
  private formulaType: string | undefined = undefined;
  private formulaShared: string | undefined = undefined;
  private inline: string | null = null;
  /** Where text goes: nowhere, the value, the formula or the inline string. */
  private capture: '' | 'value' | 'formula' | 'inline' = '';
  private phonetic = 0;
  private inCell = false;
  /** The value, when the byte scanner read it as a number (then `value` stays ''). */
  private number: number | undefined = undefined;
  private readonly sharedFormulas = new Map<string, { formula: string; r: number; c: number }>();

  constructor(private readonly ctx: SheetContext) {}

  wantText(): boolean {
    return this.capture !== '';
  }

  text(t: string): void {
    if (!this.capture) return;
    const now = (this[this.capture] as string) + t;
    if (now.length > MAX_CELL_TEXT)
      throw new SheetFormatError(
        `cell ${this.here()} holds more than ${MAX_CELL_TEXT} characters`,
        `单元格 ${this.here()} 的内容超过 ${MAX_CELL_TEXT} 个字符`,
      );
    this[this.capture] = now;
  }

  /** The cell being read, as an address. */
  private here(): string {
    return a1(Math.max(0, this.row), Math.max(0, this.col));
  }

  open(name: string, a: Attributes): void {
    switch (name) {
      case 'row':
        return this.openRow(a.r);
      case 'c':
        return this.openCell(a.r, a.t, a.s);
      case 'v':
        if (this.inCell) {
          this.value = '';
          this.number = undefined;
          this.capture = 'value';
        }
        return;
      case 'f':
        return this.openFormula(a.t, a.si);
      case 'is':
        if (this.inCell) this.inline = '';
        return;
      case 't':
        if (this.inline !== null && this.phonetic === 0) this.capture = 'inline';
        return;
      case 'rPh':
        this.phonetic++;
        return;
      case 'mergeCell':
        return this.openMerge(a.ref);
    }
  }

  // The elements whose attributes matter, one method each: the byte scanner (sheet-bytes.ts) calls
  // them with just those attributes, the text scanner through open().

  /** `<row r=…>`. */
  openRow(ref: string | undefined): void {
    if (ref !== undefined && !ROW_NUMBER.test(ref))
      throw new SheetFormatError(`has a bad row number: ${ref}`, `行号无效：${ref}`);
    const r = ref !== undefined ? Number(ref) - 1 : this.row + 1;
    if (r >= MAX_ROWS)
      throw new SheetFormatError(
        `has a row beyond Excel's last row: ${ref ?? r + 1}`,
        `行号超出 Excel 的最后一行：${ref ?? r + 1}`,
      );
    this.row = r;
    this.col = -1;
  }

  /** `<c r=… t=… s=…>`. */
  openCell(ref: string | undefined, type: string | undefined, style: string | undefined): void {
    let r = this.row;
    let c = this.col + 1;
    if (ref !== undefined) {
      const at = cellRef(ref);
      if (!at) throw new SheetFormatError(`has a bad cell reference: ${ref}`, `单元格地址无效：${ref}`);
      [r, c] = at;
    }
    this.openCellAt(r, c, type, style ? Number(style) : 0, ref);
  }

  /**
   * `<c>` with its reference already read (row and column 0-based, from `r` or following the
   * previous cell) and its style as a number.
   */
  openCellAt(r: number, c: number, type: string | undefined, style: number, ref?: string): void {
    if (r < 0 || r >= MAX_ROWS || c < 0 || c >= MAX_COLS)
      throw new SheetFormatError(
        `has a cell out of Excel's range: ${ref ?? a1(Math.max(r, 0), c)}`,
        `单元格超出 Excel 的范围：${ref ?? a1(Math.max(r, 0), c)}`,
      );
    this.row = r;
    this.col = c;
    this.type = type ?? 'n';
    this.style = style;
    this.value = this.formula = this.inline = null;
    this.number = undefined;
    this.formulaType = this.formulaShared = undefined;
    this.inCell = true;
  }

  /** Where the next `<c>` without a reference goes: [row, column], 0-based. */
  nextCell(): [number, number] {
    return [this.row, this.col + 1];
  }

  /**
   * Whether the text about to come is a cell's whole `<v>` whose digits the caller may give as
   * a number (numberValue): 1 for a numeric cell's value, 2 for a shared-string index, 0 when not.
   */
  wantsNumber(): 0 | 1 | 2 {
    if (this.capture !== 'value' || this.value !== '') return 0;
    return this.type === 'n' ? 1 : this.type === 's' ? 2 : 0;
  }

  /**
   * A `<v>`'s text read as a number by the caller, exactly as Number() would read that text (it
   * matches NUMBER_TEXT, is not blank, and for a shared string is a whole index).
   */
  numberValue(n: number): void {
    this.number = n;
  }

  /** `<f t=… si=…>`. */
  openFormula(type: string | undefined, si: string | undefined): void {
    if (!this.inCell) return;
    this.formula = '';
    this.capture = 'formula';
    this.formulaType = type;
    this.formulaShared = si;
  }

  /** `<mergeCell ref=…>`. */
  openMerge(ref: string | undefined): void {
    if (!ref) return;
    try {
      this.merges.push(parseRange(ref));
    } catch {
      // an unreadable merge reference is ignored; the cells still read
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 'f':
      case 't':
        this.capture = '';
        return;
      case 'rPh':
        this.phonetic--;
        return;
      case 'c':
        this.inCell = false;
        this.capture = '';
        this.finishCell();
        return;
    }
  }

  /**
   * After the last chunk: covered cells dropped, missing rows made empty. A sparse sheet (far
   * fewer cells than rows, e.g. one value at A1048576) keeps its missing rows as holes, so that
   * its cost follows the cells present, not the addresses.
   */
  finish(): { rows: (Cell | undefined)[][]; merges: Merge[] } {
    this.dropCoveredCells();
    const rows = this.rows;
    const dense = rows.length <= 4 * this.cells + 4096;
    // A row grown one cell at a time has room for 16 or more cells; a copy has room for its own
    // (a row of 7 cells: 72 bytes less, 14 MB on a 100k-row package). forEach visits only the rows present.
    rows.forEach((row, r) => {
      if (row && row.length) rows[r] = row.slice();
    });
    if (dense) for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
    return { rows, merges: this.merges };
  }

  /** Cells kept on this sheet. */
  private cells = 0;

  private finishCell(): void {
    const raw = this.value ?? undefined;
    let v: CellValue = null;
    const format = this.ctx.formats[this.style];
    switch (this.type) {
      case 's': {
        if (this.number === undefined && (raw === undefined || raw.trim() === '')) break;
        // An index that is no index, or past the end of the shared strings, means the sheet and
        // its string table do not belong together (a damaged or mixed-up file): no cell's text
        // can be trusted then, so the file is refused rather than the cell read as empty.
        if (this.number !== undefined && this.number < this.ctx.sharedStrings.length) {
          v = this.ctx.sharedStrings[this.number];
          break;
        }
        const index = this.number !== undefined ? String(this.number) : raw!.trim();
        const n = this.ctx.sharedStrings.length;
        if (!/^[0-9]+$/.test(index) || Number(index) >= n)
          throw new SheetFormatError(
            `cell ${this.here()} refers to shared string ${index}, which does not exist (the file has ${n})`,
            `单元格 ${this.here()} 引用的第 ${index} 号共享字符串不存在（文件中共 ${n} 个）`,
          );
        v = this.ctx.sharedStrings[Number(index)];
        break;
      }
      case 'str':
        v = raw !== undefined ? this.intern(unescapeOoxml(raw)) : null;
        break;
      case 'inlineStr':
        v = this.inline !== null ? this.intern(unescapeOoxml(this.inline)) : raw !== undefined ? raw : null;
        break;
      case 'b':
        v = raw === undefined || raw === '' ? null : raw === '1' || raw === 'true';
        break;
      case 'e':
        v = raw ? { error: raw.trim() } : null;
        break;
      case 'd':
        v = raw ? raw.slice(0, 10) : null;
        break;
      default: {
        if (this.number !== undefined) {
          const n = this.number;
          v = format && this.formula === null && this.ctx.isDate[this.style] ? serialDate(n, this.ctx.date1904) : n;
          break;
        }
        if (raw === undefined || raw.trim() === '') break;
        // Only what the format allows is a number: `0x427`, `Infinity`, `1 000` stay text (and an
        // amount cell holding them is a finding), never quietly become 1063 or ∞.
        const n = NUMBER_TEXT.test(raw.trim()) ? Number(raw) : NaN;
        if (!Number.isFinite(n)) v = raw;
        else if (format && this.formula === null && this.ctx.isDate[this.style]) v = serialDate(n, this.ctx.date1904);
        else v = n;
      }
    }
    const f = this.formulaText();
    if (v === null && !f) return;
    // Two shapes only: {v, z} for a cell without a formula (most: a field less on a million cells is
    // 11 MB on a 100k-row package), {v, f, z} with one; z always present, so not four.
    const cell: Cell = f ? { v, f, z: format || undefined } : { v, z: format || undefined };
    this.ctx.countCell();
    this.cells++;
    const row = (this.rows[this.row] ??= []);
    // The same cell written twice: which value Excel would show is not for us to guess.
    if (row[this.col]) throw new SheetFormatError(`has cell ${this.here()} twice`, `单元格 ${this.here()} 出现了两次`);
    row[this.col] = cell;
  }

  /** Short texts of this sheet's cells, each kept once (see intern). */
  private readonly shortTexts = new Map<string, string>();

  /**
   * A short text as the one string already kept for it: a file of inline strings (ours, among
   * others) repeats its code parts (`201`, `01`, `05`) on every row, and a 100k-row package's
   * 600,000 repeats cost 17 MB as strings of their own. Shared strings are shared already.
   */
  private intern(text: string): string {
    if (text.length > 12) return text;
    const kept = this.shortTexts.get(text);
    if (kept !== undefined) return kept;
    if (this.shortTexts.size < 65536) this.shortTexts.set(text, text);
    return text;
  }

  /** The formula with `=`, a shared formula moved to this cell. */
  private formulaText(): string | undefined {
    if (this.formula === null) return undefined;
    const text = this.formula.trim();
    const si = this.formulaShared;
    if (this.formulaType === 'shared' && si !== undefined) {
      const master = this.sharedFormulas.get(si);
      if (text) {
        if (!master) this.sharedFormulas.set(si, { formula: text, r: this.row, c: this.col });
        return `=${text}`;
      }
      if (!master) return undefined;
      return `=${shiftFormula(master.formula, this.row - master.r, this.col - master.c)}`;
    }
    return text ? `=${text}` : undefined;
  }

  /** Excel shows only a merged range's first cell; values stored under the rest are not shown. */
  private dropCoveredCells(): void {
    for (const m of this.merges) {
      const last = Math.min(m.r1, this.rows.length - 1);
      for (let r = m.r0; r <= last; r++) {
        const row = this.rows[r];
        if (!row) continue;
        const end = Math.min(m.c1, row.length - 1);
        for (let c = m.c0; c <= end; c++) if ((r !== m.r0 || c !== m.c0) && row[c]) row[c] = undefined;
        while (row.length && !row[row.length - 1]) row.length--;
      }
    }
  }
}
