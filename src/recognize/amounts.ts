/**
 * A table's amount cells as read: one store per table and panel (kinds, exact cents and decimals
 * in typed arrays, column after column), rows reading it as a Map of AmountCells made when asked,
 * and the exact values the rules' sums read without making any cell.
 */
import { TableTemplate } from '../templates/types';
import { blankAmountCell, exactAmountCell, plainCents, plainDecimals, readAmountCell, SheetView } from './sheet-view';
import { AmountCell } from './types';

/** The amount columns a row is read in (keys in the template's order, with their sheet columns). */
interface AmountColumns {
  keys: string[];
  cols: number[];
}

/** Worked out once per table and panel, not per row (tables can have 100k rows). */
function amountColumns(
  template: TableTemplate,
  columns: Map<string, number>,
  panel: 'income' | 'expense' | undefined,
): AmountColumns {
  const found: AmountColumns = { keys: [], cols: [] };
  for (const spec of template.columns) {
    if (spec.role !== 'amount' || (panel && spec.panel !== panel)) continue;
    const c = columns.get(spec.key);
    if (c === undefined) continue;
    found.keys.push(spec.key);
    found.cols.push(c);
  }
  return found;
}

type CellMap = Map<string, AmountCell>;

const UNKNOWN = -1;
const ANY_AMOUNT = 1;
const UNREADABLE = 2;

/** A cell's kind: no value, exact integer cents, unreadable (invalid, or a formula without its result), a value not exact to the cent. */
const CELL_BLANK = 0;
const CELL_CENTS = 2;
const CELL_UNREADABLE = 3;
const CELL_INEXACT = 4;

/**
 * A cell's kind. A cell with exact cents is not asked for `value`, which would make the Decimal
 * the reader defers (readAmountCell).
 */
function cellKind(a: AmountCell): number {
  if (a.invalid !== undefined || a.uncalculated) return CELL_UNREADABLE;
  if (a.cents !== undefined) return CELL_CENTS;
  return a.value !== null ? CELL_INEXACT : CELL_BLANK;
}

/**
 * What the exact sums need of a cell, as one number: its cents; 0 for a blank; NaN for a value not
 * exact to the cent; Infinity for a cell that cannot be read (invalid, or a formula without its
 * result). A sum with NaN or Infinity in it is never a sum of cents (|sum| < 9e15 fails).
 */
export function exactOf(a: AmountCell): number {
  const kind = cellKind(a);
  return kind === CELL_CENTS ? a.cents! : kind === CELL_BLANK ? 0 : kind === CELL_UNREADABLE ? Infinity : NaN;
}

/** RowAmounts' flags of a cell of each kind. */
const KIND_FLAGS = [0, 0, ANY_AMOUNT, ANY_AMOUNT | UNREADABLE, ANY_AMOUNT];

/** The flags of a row's cells once changed by a writer (any AmountCell), cell by cell as the reader notes them. */
function cellFlags(cells: readonly AmountCell[]): number {
  let flags = 0;
  for (let i = 0; i < cells.length; i++) flags |= KIND_FLAGS[cellKind(cells[i])];
  return flags;
}

/**
 * The amount cells of one table (and panel) as read, in typed arrays column after column: each
 * cell's kind, its exact value for the sums (exactOf: cents, 0 for a blank, NaN or Infinity for
 * cells the sums cannot take) and its decimals shown. A 100k-row table has over a million amount
 * cells, most of them blank or a number exact to the cent: those are kept as these few bytes and
 * made into AmountCell objects only when a rule asks for one (RowAmounts.get); the rules' sums read
 * the exact values (RowAmounts.exactAt). Other cells (formulas, text, errors) are read in full
 * with their row and kept in `rare` (by k × rows + slot). A cell is found by its column k (of
 * `keys`) and slot (its sheet row − `from`).
 */
export class AmountStore {
  readonly width: number;
  /** Per column, made at its first cell that is not blank and grown as needed: a column left blank costs nothing. */
  private readonly kinds: (Uint8Array | undefined)[];
  private readonly cents: (Float64Array | undefined)[];
  private readonly decimals: (Uint8Array | undefined)[];
  private readonly rare = new Map<number, AmountCell>();

  /** Room for the sheet rows `from` … `from + rows − 1`. */
  constructor(
    readonly keys: readonly string[],
    readonly cols: readonly number[],
    readonly from: number,
    readonly rows: number,
  ) {
    this.width = keys.length;
    this.kinds = new Array<Uint8Array | undefined>(this.width).fill(undefined);
    this.cents = new Array<Float64Array | undefined>(this.width).fill(undefined);
    this.decimals = new Array<Uint8Array | undefined>(this.width).fill(undefined);
  }

  /**
   * Column k's cents, with room for `slot` (typed arrays start as zeros: CELL_BLANK, 0 cents): made
   * at the column's first cell that is not blank and grown as later rows need (doubling), so that
   * a sparse sheet's row span (a stray value at row 1,048,576) costs only the columns that reach it.
   */
  private column(k: number, slot: number): Float64Array {
    let cents = this.cents[k];
    if (cents === undefined || slot >= cents.length) {
      const old = cents?.length ?? 0;
      const n = Math.min(Math.max(this.rows, 0), Math.max(slot + 1, 2 * old, 1024));
      const kinds = new Uint8Array(n);
      const decimals = new Uint8Array(n);
      const grown = new Float64Array(n);
      if (cents !== undefined) {
        kinds.set(this.kinds[k]!);
        decimals.set(this.decimals[k]!);
        grown.set(cents);
      }
      this.kinds[k] = kinds;
      this.decimals[k] = decimals;
      this.cents[k] = cents = grown;
    }
    return cents;
  }

  /** Reads sheet row `r`'s amount cells into the store (each row once). */
  read(view: SheetView, r: number): RowAmounts {
    const { keys, cols, width } = this;
    const slot = r - this.from;
    if (slot < 0 || slot >= this.rows) {
      const cells = cols.map((c) => readAmountCell(view, r, c));
      return new RowAmounts(keys, cells, cellFlags(cells));
    }
    const row = view.sheet.rows[r];
    let flags = 0;
    for (let k = 0; k < width; k++) {
      // A model may hold null for a missing row or cell (as cellAt reads it: nothing there).
      const cell = row == null ? undefined : row[cols[k]];
      if (cell == null) continue;
      if (cell.f === undefined && (cell.v === null || cell.v === undefined)) continue;
      const n = plainCents(cell);
      if (n === n) {
        this.column(k, slot)[slot] = n;
        this.kinds[k]![slot] = CELL_CENTS;
        this.decimals[k]![slot] = plainDecimals(cell, n);
        flags |= ANY_AMOUNT;
        continue;
      }
      const full = readAmountCell(view, r, cols[k]);
      const kind = cellKind(full);
      this.column(k, slot)[slot] = exactOf(full);
      this.kinds[k]![slot] = kind;
      flags |= KIND_FLAGS[kind];
      this.rare.set(k * this.rows + slot, full);
    }
    return new RowAmounts(keys, undefined, flags, this, slot);
  }

  /** exactOf the cell of column k, row slot (past the column's arrays: a blank). */
  exact(k: number, slot: number): number {
    const cents = this.cents[k];
    return cents === undefined || slot >= cents.length ? 0 : cents[slot];
  }

  /** The AmountCell of column k, row slot (as readAmountCell gives it), made anew: callers keep it. */
  cell(k: number, slot: number): AmountCell {
    const rare = this.rare.get(k * this.rows + slot);
    if (rare !== undefined) return rare;
    const r = this.from + slot;
    const c = this.cols[k];
    return this.kinds[k]?.[slot] === CELL_CENTS
      ? exactAmountCell(r, c, this.cents[k]![slot], this.decimals[k]![slot])
      : blankAmountCell(r, c);
  }
}

/**
 * A row's amount cells by column key, read as a Map: held as the table's one key list (shared
 * by its rows) and either the row's place in its table's AmountStore (as read: its cells are
 * made one by one as they are asked for, and kept) or its own cells (once changed by a writer,
 * or made by hand). No hash table per row (a 100k-row table has over a million amount cells).
 */
export class RowAmounts implements CellMap {
  /**
   * `flags`, noted by the reader while the cells are fresh (no second pass over a million cells):
   * ANY_AMOUNT when a cell holds a value or is unreadable, UNREADABLE when one is invalid or
   * uncalculated; UNKNOWN once the map is changed (then the cells are looked at again).
   * `store` and `at`: the row's store and its row there (`cells` then holds the cells made so far).
   */
  constructor(
    private keyList: readonly string[],
    private cells: (AmountCell | undefined)[] | undefined,
    private flags: number = UNKNOWN,
    private store: AmountStore | undefined = undefined,
    private readonly at: number = 0,
  ) {}

  /**
   * The key list (one array shared by the rows of a table and panel until a row is changed): for
   * readers summing many rows, who find each key's position once. Callers must not change it.
   */
  get sharedKeys(): readonly string[] {
    return this.keyList;
  }

  /** The cell at position `p` of the key list. */
  cellAt(p: number): AmountCell {
    const s = this.store;
    if (s === undefined) return this.cells![p]!;
    let cells = this.cells;
    if (cells === undefined) this.cells = cells = new Array<AmountCell | undefined>(this.keyList.length);
    let cell = cells[p];
    if (cell === undefined) cells[p] = cell = s.cell(p, this.at);
    return cell;
  }

  /** exactOf the cell at position `p`, without making it. */
  exactAt(p: number): number {
    const s = this.store;
    return s === undefined ? exactOf(this.cells![p]!) : s.exact(p, this.at);
  }

  /** Every cell, in the key list's order (made if need be). Callers must not change the list. */
  get cellList(): readonly AmountCell[] {
    for (let p = 0; p < this.keyList.length; p++) this.cellAt(p);
    return (this.cells ?? []) as AmountCell[];
  }

  /** Whether a cell holds a value or cannot be read (hasAnyAmount). */
  anyAmount(): boolean {
    if (this.flags === UNKNOWN) this.flags = cellFlags(this.cellList);
    return (this.flags & ANY_AMOUNT) !== 0;
  }

  /** Whether a cell is invalid or uncalculated (rule C1's cells). */
  anyUnreadable(): boolean {
    if (this.flags === UNKNOWN) this.flags = cellFlags(this.cellList);
    return (this.flags & UNREADABLE) !== 0;
  }

  get size(): number {
    return this.keyList.length;
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }

  get(key: string): AmountCell | undefined {
    const keys = this.keyList;
    for (let i = 0; i < keys.length; i++) if (keys[i] === key) return this.cellAt(i);
    return undefined;
  }

  has(key: string): boolean {
    return this.keyList.indexOf(key) >= 0;
  }

  /** The row's own cells, to change: made from the store first if need be. */
  private own(): AmountCell[] {
    const cells = this.cellList.slice();
    this.store = undefined;
    this.flags = UNKNOWN;
    return (this.cells = cells);
  }

  set(key: string, cell: AmountCell): this {
    const cells = this.own();
    const i = this.keyList.indexOf(key);
    if (i >= 0) cells[i] = cell;
    else {
      this.keyList = [...this.keyList, key];
      cells.push(cell);
    }
    return this;
  }

  delete(key: string): boolean {
    const i = this.keyList.indexOf(key);
    if (i < 0) return false;
    const cells = this.own();
    this.keyList = this.keyList.filter((_k, j) => j !== i);
    this.cells = cells.filter((_c, j) => j !== i);
    return true;
  }

  clear(): void {
    this.own();
    this.keyList = [];
    this.cells = [];
  }

  forEach(fn: (cell: AmountCell, key: string, map: CellMap) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.keyList.length; i++) fn.call(thisArg, this.cellAt(i), this.keyList[i], this);
  }

  keys(): ReturnType<CellMap['keys']> {
    return this.keyList.values() as unknown as ReturnType<CellMap['keys']>;
  }

  values(): ReturnType<CellMap['values']> {
    return this.cellList.values() as unknown as ReturnType<CellMap['values']>;
  }

  entries(): ReturnType<CellMap['entries']> {
    const pairs = this.keyList.map((k, i): [string, AmountCell] => [k, this.cellAt(i)]);
    return pairs.values() as unknown as ReturnType<CellMap['entries']>;
  }

  [Symbol.iterator](): ReturnType<CellMap['entries']> {
    return this.entries();
  }
}

/**
 * The amount cells of a table's rows, read into one store per panel (the table's amount columns,
 * or a panel's): made once per table read, from its first data row to the sheet's end.
 */
export class AmountReader {
  private readonly stores: (AmountStore | undefined)[] = [];

  constructor(
    private readonly view: SheetView,
    private readonly template: TableTemplate,
    private readonly columns: Map<string, number>,
    private readonly from: number,
  ) {}

  /** Reads the amount columns of a row (for a panel, only that panel's columns). */
  read(r: number, panel?: 'income' | 'expense'): Map<string, AmountCell> {
    const slot = panel === 'income' ? 1 : panel === 'expense' ? 2 : 0;
    let store = this.stores[slot];
    if (store === undefined) {
      const { keys, cols } = amountColumns(this.template, this.columns, panel);
      this.stores[slot] = store = new AmountStore(keys, cols, this.from, this.view.rows - this.from);
    }
    return store.read(this.view, r);
  }
}

export function hasAnyAmount(amounts: Map<string, AmountCell>): boolean {
  if (amounts instanceof RowAmounts) return amounts.anyAmount();
  for (const a of amounts.values()) if (cellKind(a) !== CELL_BLANK) return true;
  return false;
}
