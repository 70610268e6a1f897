/**
 * A workbook held in memory behind the host interface: the browser page's grid, the CLI and the
 * tests use it. It keeps fills and the selection so a grid can show them, and tells listeners
 * about every change.
 */
import { Cell, parseA1, SheetModel, WorkbookModel } from '../workbook/model';
import { CellMark, CellWrite, SavedFill, uniqueSheetName, WorkbookHost } from './types';

export interface Selection {
  sheet: string;
  cell: string;
}

export type HostEvent = { type: 'load' | 'write' | 'select' | 'sheets' | 'marks' };

function clone(model: WorkbookModel): WorkbookModel {
  return {
    sheets: model.sheets.map((s) => ({
      ...s,
      rows: s.rows.map((row) => (row ? row.map((c) => (c ? { ...c } : undefined)) : [])),
      merges: s.merges.map((m) => ({ ...m })),
    })),
  };
}

export class MemoryHost implements WorkbookHost {
  readonly kind = 'memory' as const;
  private model: WorkbookModel;
  /** `sheet!A1` → colour. */
  readonly fills = new Map<string, string>();
  selection: Selection | undefined;
  activeSheet: string | undefined;
  private listeners = new Set<(e: HostEvent) => void>();
  /** Counts, for tests: how many reads and writes the pane asked for. */
  readonly calls = { read: 0, write: 0, select: 0, addSheet: 0, mark: 0, unmark: 0 };

  /** Settings remembered with the workbook (Excel keeps them in the file; here, in memory). */
  readonly settings = new Map<string, string>();

  async getSetting(key: string): Promise<string | undefined> {
    return this.settings.get(key);
  }

  async setSetting(key: string, value: string | undefined): Promise<void> {
    if (value === undefined) this.settings.delete(key);
    else this.settings.set(key, value);
  }

  constructor(model: WorkbookModel = { sheets: [] }) {
    this.model = clone(model);
    this.activeSheet = this.model.sheets[0]?.name;
  }

  /** Replaces the whole workbook (a file opened in the browser page). */
  load(model: WorkbookModel): void {
    this.model = clone(model);
    this.fills.clear();
    this.selection = undefined;
    this.activeSheet = this.model.sheets[0]?.name;
    this.emit({ type: 'load' });
  }

  /** The current workbook (live object: do not mutate). */
  get workbook(): WorkbookModel {
    return this.model;
  }

  subscribe(listener: (e: HostEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: HostEvent): void {
    for (const l of this.listeners) l(e);
  }

  private sheet(name: string): SheetModel {
    const s = this.model.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`没有工作表“${name}” / no sheet named “${name}”`);
    return s;
  }

  async read(onProgress?: (done: number, total: number, stage: 'list' | 'read') => void): Promise<WorkbookModel> {
    this.calls.read++;
    const n = this.model.sheets.length;
    onProgress?.(0, n, 'list');
    const copy = clone(this.model);
    onProgress?.(n, n, 'read');
    return copy;
  }

  async write(writes: readonly CellWrite[]): Promise<void> {
    this.calls.write++;
    for (const w of writes) {
      const s = this.sheet(w.sheet);
      const { r, c } = parseA1(w.cell);
      while (s.rows.length <= r) s.rows.push([]);
      const row = (s.rows[r] ??= []);
      const cell: Cell = w.formula ? { v: w.value ?? null, f: w.formula } : { v: w.value ?? null };
      const z = w.numFmt === 'General' ? undefined : (w.numFmt ?? row[c]?.z);
      if (z) cell.z = z;
      row[c] = cell.v === null && !cell.f && !cell.z ? undefined : cell;
    }
    this.emit({ type: 'write' });
  }

  /** A cell as the grid shows it. */
  cellAt(sheet: string, address: string): Cell | undefined {
    const { r, c } = parseA1(address);
    return this.sheet(sheet).rows[r]?.[c];
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.calls.select++;
    this.sheet(sheet);
    this.activeSheet = sheet;
    this.selection = { sheet, cell };
    this.emit({ type: 'select' });
  }

  activate(sheet: string): void {
    this.sheet(sheet);
    this.activeSheet = sheet;
    this.emit({ type: 'select' });
  }

  async addSheet(sheet: SheetModel, options: { activate?: boolean } = {}): Promise<string> {
    this.calls.addSheet++;
    const name = uniqueSheetName(
      sheet.name,
      this.model.sheets.map((s) => s.name),
    );
    this.model.sheets.push({ ...sheet, name, rows: sheet.rows.map((r) => [...(r ?? [])]), merges: [...sheet.merges] });
    if (options.activate) this.activeSheet = name;
    this.emit({ type: 'sheets' });
    return name;
  }

  async mark(marks: readonly CellMark[]): Promise<SavedFill[]> {
    this.calls.mark++;
    const saved: SavedFill[] = [];
    for (const m of marks) {
      const key = `${m.sheet}!${m.cell}`;
      saved.push({ sheet: m.sheet, cell: m.cell, color: this.fills.get(key) ?? null });
      this.fills.set(key, m.color);
    }
    this.emit({ type: 'marks' });
    return saved;
  }

  async unmark(saved: readonly SavedFill[]): Promise<void> {
    this.calls.unmark++;
    // Restore in reverse, so a cell marked twice gets its very first fill back.
    for (const s of [...saved].reverse()) {
      const key = `${s.sheet}!${s.cell}`;
      if (s.color === null) this.fills.delete(key);
      else this.fills.set(key, s.color);
    }
    this.emit({ type: 'marks' });
  }
}
