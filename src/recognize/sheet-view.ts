/** Reading a sheet as text: cell texts, merged areas, number-format decimals. */
import { Decimal, decimalFromNumber } from '../amount/decimal';
import { parseAmount } from '../amount/parse';
import { cents } from '../metrics/fast';
import { Cell, CellValue, cellAt, isCellError, MergeIndex, SheetModel, sheetShape } from '../workbook/model';
import { AmountCell } from './types';

export function textOfValue(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return trimmed(v);
  if (isCellError(v)) return v.error;
  return String(v);
}

/**
 * Whether code unit `c` is white space to String.prototype.trim (ECMAScript WhiteSpace and
 * LineTerminator: ≤ U+0020 counts as space here only for the ASCII ones trim removes).
 */
export function isTrimSpace(c: number): boolean {
  if (c < 0xa0) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `v.trim()`, without the call when neither end is white space (most cells: a name, a code). */
function trimmed(v: string): string {
  const n = v.length;
  if (n === 0 || isTrimSpace(v.charCodeAt(0)) || isTrimSpace(v.charCodeAt(n - 1))) return v.trim();
  return v;
}

/** The texts of an empty row: one shared, frozen array (scans over a sparse sheet allocate nothing). */
export const NO_TEXTS: readonly { c: number; text: string }[] = Object.freeze([]);

export class SheetView {
  readonly rows: number;
  readonly cols: number;
  private readonly merges: MergeIndex;

  /**
   * Which rows hold any cell, found once (forEach visits only the rows present): the row scans of
   * the recognizer then skip a sparse sheet's missing rows without looking each one up, so a
   * sheet with one value at A1048576 costs about what its one cell costs.
   */
  private readonly present: Uint8Array;

  constructor(readonly sheet: SheetModel) {
    const shape = sheetShape(sheet);
    this.rows = shape.rows;
    this.cols = shape.cols;
    this.merges = new MergeIndex(sheet.merges);
    this.present = shape.present;
  }

  cell(r: number, c: number): Cell | undefined {
    return cellAt(this.sheet, r, c);
  }

  text(r: number, c: number): string {
    return textOfValue(this.cell(r, c)?.v);
  }

  /** The text shown at (r, c): the merged area's top-left text when (r, c) lies in a merge. */
  shownText(r: number, c: number): string {
    const own = this.text(r, c);
    if (own) return own;
    const m = this.merges.at(r, c);
    return m ? this.text(m.r0, m.c0) : '';
  }

  /** Leading spaces of the text at (r, c) as written (a full-width space counts 2, a tab 4). */
  indent(r: number, c: number): number {
    const v = this.cell(r, c)?.v;
    if (typeof v !== 'string') return 0;
    let n = 0;
    for (const ch of v) {
      if (ch === ' ' || ch === '\u00a0') n += 1;
      else if (ch === '\u3000') n += 2;
      else if (ch === '\t') n += 4;
      else break;
    }
    return n;
  }

  /** The merge covering (r, c), if any. */
  mergeAt(r: number, c: number) {
    return this.merges.at(r, c);
  }

  /** Non-empty texts of a row with their columns (read-only: an empty row shares one frozen array). */
  rowTexts(r: number): readonly { c: number; text: string }[] {
    if (this.present[r] !== 1) return NO_TEXTS;
    const row = this.sheet.rows[r];
    if (!row) return NO_TEXTS;
    const out: { c: number; text: string }[] = [];
    for (let c = 0; c < row.length; c++) {
      const t = textOfValue(row[c]?.v);
      if (t) out.push({ c, text: t });
    }
    return out;
  }

  isBlankRow(r: number): boolean {
    if (this.present[r] !== 1) return true;
    const row = this.sheet.rows[r];
    if (!row) return true;
    for (const cell of row) if (cell && textOfValue(cell.v) !== '') return false;
    return true;
  }
}

/** Decimals by number format; −1 for a format that shows none (General-like). */
const formatCache = new Map<string, number>();

/** Decimals a number format shows (`#,##0.00` → 2, `0%` → 2 for the fraction), or undefined for General. */
export function formatDecimals(format: string | undefined): number | undefined {
  if (!format || format === 'General' || format === '@') return undefined;
  const known = formatCache.get(format);
  if (known !== undefined) return known < 0 ? undefined : known;
  const first = format
    .split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  let d: number | undefined;
  if (/[0#?]/.test(first)) {
    const dot = /\.([0#?]+)/.exec(first);
    d = dot ? dot[1].length : 0;
    if (first.includes('%')) d += 2;
  }
  if (formatCache.size < 1000) formatCache.set(format, d ?? -1);
  return d;
}

/**
 * What few cells have (a formula, an unreadable reason, a missing result, a value other than a
 * number exact to the cent), kept out of the cell itself; while a cell has these, its value is
 * kept here too, so that the cell needs one field for both.
 */
class RareCellFacts {
  /** As LazyAmountCell's `state` when that holds no RareCellFacts. */
  made: Decimal | null | undefined = null;
  invalid: AmountCell['invalid'] = undefined;
  uncalculated: boolean | undefined = undefined;
  constructor(
    readonly raw: CellValue,
    readonly formula: string | undefined,
  ) {}
}

/** Excel's columns: positions pack as r × COLUMNS + c. */
const COLUMNS = 16384;

/**
 * An amount cell whose Decimal value is made only when asked for: the engine's comparisons run on
 * exact integer cents, so for a typical package most cells never need one (and a 100k-row package
 * saves a million Decimals). Every AmountCell is one of these, so hot loops see one object shape.
 * It is kept small, as a 100k-row package has about 1.5 million amount cells (900,000 of them
 * blank) and each field costs 12 MB: row and column are one number; a number exact to the cent
 * (most cells) is its cents, `raw` being cents / 100; the value, the raw value of any other cell
 * and the rare facts share one field.
 */
class LazyAmountCell implements AmountCell {
  decimals = 0;
  cents: number | undefined = undefined;
  /**
   * The value once made (a Decimal, or null when there is none), undefined while it is still to
   * be made from `raw`; or, for a cell with rare facts, those facts, which then hold the value.
   */
  private state: Decimal | null | undefined | RareCellFacts;
  /** Row and column as one number, r × 16384 + c (a small integer up to row 131072). */
  private readonly pos: number;

  /**
   * `state`: null for a blank, undefined for a number exact to the cent whose cents are set next
   * (and equal it × 100), or the cell's rare facts with its raw value.
   */
  constructor(r: number, c: number, state: null | undefined | RareCellFacts) {
    this.pos = r * COLUMNS + c;
    this.state = state;
  }

  get r(): number {
    return Math.floor(this.pos / COLUMNS);
  }

  get c(): number {
    return this.pos % COLUMNS;
  }

  get raw(): CellValue {
    const s = this.state;
    if (s instanceof RareCellFacts) return s.raw;
    return this.cents === undefined ? null : this.cents / 100;
  }

  get value(): Decimal | null {
    const s = this.state;
    if (s === null) return null;
    if (s === undefined) return (this.state = decimalFromNumber(this.raw as number));
    if (s instanceof RareCellFacts) {
      if (s.made === undefined) s.made = decimalFromNumber(s.raw as number);
      return s.made;
    }
    return s;
  }

  set value(v: Decimal | null) {
    const s = this.state;
    if (s instanceof RareCellFacts) s.made = v;
    else this.state = v;
  }

  /** The rare facts (a blank's, made when the first is set). */
  private rare(): RareCellFacts {
    const s = this.state;
    if (s instanceof RareCellFacts) return s;
    const rare = new RareCellFacts(this.raw, undefined);
    rare.made = s;
    return (this.state = rare);
  }

  get formula(): string | undefined {
    const s = this.state;
    return s instanceof RareCellFacts ? s.formula : undefined;
  }

  get invalid(): AmountCell['invalid'] {
    const s = this.state;
    return s instanceof RareCellFacts ? s.invalid : undefined;
  }

  set invalid(reason: AmountCell['invalid']) {
    this.rare().invalid = reason;
  }

  get uncalculated(): boolean | undefined {
    const s = this.state;
    return s instanceof RareCellFacts ? s.uncalculated : undefined;
  }

  set uncalculated(yes: boolean | undefined) {
    this.rare().uncalculated = yes;
  }

  /** A number whose cents are exact: its Decimal waits until someone asks. */
  deferValue(): void {
    const s = this.state;
    if (s instanceof RareCellFacts) s.made = undefined;
    else this.state = undefined;
  }
}

/**
 * A blank amount cell (no value, no formula; 900,000 of the 100k-row package's 1.5 million): its
 * position only, every other fact a constant of the class, 24 bytes less than a LazyAmountCell.
 * The cells are then of two shapes; nothing writes to a cell once read.
 */
class BlankAmountCell implements AmountCell {
  private readonly pos: number;

  constructor(r: number, c: number) {
    this.pos = r * COLUMNS + c;
  }

  get r(): number {
    return Math.floor(this.pos / COLUMNS);
  }

  get c(): number {
    return this.pos % COLUMNS;
  }

  get raw(): CellValue {
    return null;
  }

  get value(): Decimal | null {
    return null;
  }

  get decimals(): number {
    return 0;
  }

  get cents(): number | undefined {
    return undefined;
  }

  get formula(): string | undefined {
    return undefined;
  }

  get invalid(): AmountCell['invalid'] {
    return undefined;
  }

  get uncalculated(): boolean | undefined {
    return undefined;
  }
}

/** A blank amount cell at (r, c): what readAmountCell gives for a cell with no value and no formula. */
export function blankAmountCell(r: number, c: number): AmountCell {
  return new BlankAmountCell(r, c);
}

/**
 * What readAmountCell gives for a number without a formula that is exactly `cents` / 100, shown
 * with `decimals` decimals (the common cell, kept by the table's column store as its cents alone).
 */
export function exactAmountCell(r: number, c: number, cents: number, decimals: number): AmountCell {
  const out = new LazyAmountCell(r, c, undefined);
  out.cents = cents;
  out.decimals = decimals;
  return out;
}

/**
 * The cents of the common amount cell — a number without a formula that is exactly its cents / 100
 * — or NaN for any other cell (readAmountCell reads those in full). The amount store keeps such a
 * cell as its cents alone (amounts.ts).
 */
export function plainCents(cell: Cell): number {
  const raw = cell.v;
  if (cell.f !== undefined || typeof raw !== 'number') return NaN;
  const k = cents(raw);
  return k / 100 === raw ? k : NaN;
}

/** Decimals a number exact to the cent (`k` cents) shows: its number format's, else 0, 1 or 2 by its cents. */
export function plainDecimals(cell: Cell, k: number): number {
  return formatDecimals(cell.z) ?? (k % 100 === 0 ? 0 : k % 10 === 0 ? 1 : 2);
}

/** Reads one amount cell. */
export function readAmountCell(view: SheetView, r: number, c: number): AmountCell {
  const cell = view.cell(r, c);
  const raw = cell?.v ?? null;
  const formula = cell?.f;
  if (raw === null && formula === undefined) return new BlankAmountCell(r, c);
  // The common cell: a number that is exactly its cents / 100, kept as the cents alone.
  const k = plainCents(cell!);
  if (k === k) return exactAmountCell(r, c, k, plainDecimals(cell!, k));
  const out = new LazyAmountCell(r, c, raw === null && formula === undefined ? null : new RareCellFacts(raw, formula));
  // A formula that can return "" (`=IF(B5=0,"",C5/B5)`) and shows nothing returned "" (exceljs reads
  // that result back as no result at all): a blank, not a missing result.
  if (formula && (raw === null || raw === '') && !formula.includes('""')) {
    out.uncalculated = true;
    return out;
  }
  if (raw === null) return out;
  if (typeof raw === 'number') {
    const k = cents(raw);
    if (k === k) {
      // Exact to the cent within a double's noise (1104.5400000000002), or a formula's result: the
      // decimals shown follow from the cents, the Decimal can wait.
      out.cents = k;
      out.decimals = plainDecimals(cell!, k);
      out.deferValue();
      return out;
    }
  }
  const p = parseAmount(raw);
  if (p.kind === 'empty') return out;
  if (p.kind === 'invalid') {
    out.invalid = p.reason;
    return out;
  }
  out.value = p.value;
  if (typeof raw === 'number') {
    // A number not exact to the cent (its cents were tried above): decimals, no cents.
    out.decimals = formatDecimals(cell?.z) ?? p.decimals;
    return out;
  }
  out.decimals = p.decimals;
  if (p.decimals <= 2 && p.value.abs().lt(1e12)) out.cents = p.value.times(100).toNumber();
  return out;
}
