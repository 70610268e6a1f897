/**
 * Which cells of a recognized package are derived, and from what: row identities (合计 = 基本 +
 * 项目), the code hierarchy (类 = Σ款, 总计 = Σ类), fixed-row sums (表1, 表4, 表10) and figures
 * carried between tables (表1 classes from 表3, 表4 from 表5 and 表1). Each derivation says how to
 * write it as a formula and which cells it adds up.
 */
import { RecognizedTable, TableRow } from '../recognize/types';
import { childrenOf, codedRows, totalRow } from '../engine/access';
import { siDerivations } from './derive-si';
import { amountCols, cellOf, rowSumDerivations } from './derive-parts';
import { builtinFormulas } from '../formulas/builtin';
import type { CompiledFormula } from '../formulas/compile';
import { formulaDerivations } from '../formulas/derive';

export interface CellRef {
  table: RecognizedTable;
  r: number;
  c: number;
}

export type DerivationKind = 'identity' | 'hierarchy' | 'fixed' | 'copy';

/** An item of a derivation: a cell added, or subtracted when `negate` (a roll-forward's 支出). */
export interface DerivationItem extends CellRef {
  negate?: boolean;
}

export interface Derivation {
  target: CellRef;
  items: DerivationItem[];
  /**
   * `ratio`: items[0] ÷ items[1] (a percent column), written `=IF(den=0,"",num/den)`; no value
   * when the divisor is empty or zero. Absent: the (signed) sum of the items.
   */
  op?: 'ratio';
  /** ratio: the percent's decimals as the table shows them (0 for 98%, 2 for 100.20%). */
  percentDecimals?: number;
  /** The number format to write when the cell has none of the right kind (`0%`, `0.00%`). */
  numFmt?: string;
  kind: DerivationKind;
  /** Why, for the pane: `表3 208 合计 = 基本支出 + 项目支出`. */
  reason: { zh: string; en: string };
  /** Other ways to derive the same cell, used when this one's items are all empty (表1 单位资金: its 其中 rows, or 表2). */
  alternatives?: Derivation[];
}

const key = (ref: CellRef) => `${ref.table.sheet.name}\u0000${ref.r}\u0000${ref.c}`;
export const refKey = key;

/** Collects derivations; the first one registered for a cell wins. */
class Collector {
  readonly byTarget = new Map<string, Derivation>();
  add(d: Derivation | undefined): void {
    if (!d || d.items.length === 0) return;
    const k = key(d.target);
    const first = this.byTarget.get(k);
    if (!first) this.byTarget.set(k, d);
    else (first.alternatives ??= []).push(d);
  }
}

function sumRows(
  col: Collector,
  t: RecognizedTable,
  parent: TableRow | undefined,
  children: readonly TableRow[],
  cols: readonly string[],
  kind: DerivationKind,
): void {
  for (const d of rowSumDerivations(t, parent, children, cols, kind)) col.add(d);
}

function copy(
  col: Collector,
  target: CellRef | undefined,
  source: CellRef | undefined,
  what: { zh: string; en: string },
): void {
  if (!target || !source) return;
  col.add({ target, items: [source], kind: 'copy', reason: what });
}

/** Every derivation of a package's department tables. */
export function derivations(
  tables: readonly RecognizedTable[],
  formulas: readonly CompiledFormula[] = builtinFormulas(),
): Derivation[] {
  const col = new Collector();

  for (const t of tables) {
    const id = t.template.table;
    for (const d of formulaDerivations(formulas, tables, t, 'identity')) col.add(d);

    // Row identities come from the formulas' 填充 statements (above). The code hierarchy below is
    // still derived structurally for every coded table, though H1/H2 (F10, SH2) and T7 declare the
    // same sums; moving it onto the formulas is left to do (see the 决算/上海 families and pack tables).
    if (t.template.layout === 'coded') {
      const rows = codedRows(t);
      const cols = amountCols(t);
      const parents = new Map<string, TableRow>();
      for (const r of rows) if (r.kind === 'code' && r.code && !parents.has(r.code)) parents.set(r.code, r);
      // Deepest parents first does not matter: values are computed through the derivations.
      for (const [code, parent] of parents) {
        if (code.length >= 7) {
          const projects = rows.filter((r) => r.kind === 'project' && r.code === code);
          sumRows(col, t, parent, projects, cols, 'hierarchy');
          continue;
        }
        sumRows(col, t, parent, childrenOf(t, code), cols, 'hierarchy');
      }
      const classes = rows.filter((r) => r.code!.length === 3 && r.kind === 'code');
      const total = totalRow(t);
      sumRows(col, t, total, classes, cols, 'hierarchy');
      const unit = t.rows.find((r) => r.kind === 'unit');
      if (unit && total)
        for (const k of cols)
          copy(col, cellOf(t, unit, k), cellOf(t, total, k), {
            zh: `表${t.template.no} 单位行 = 总计`,
            en: `Table ${t.template.no} unit row = total`,
          });
    }

    for (const d of formulaDerivations(formulas, tables, t, 'other')) col.add(d);

    // T11's statements 4 and 5 declare these sums too (not 填充: the fill reads units' projects as
    // the consecutive rows only).
    if (id === 'dept.t11') {
      const units = t.rows.filter((r) => r.kind === 'unit');
      const projects = t.rows.filter((r) => r.kind === 'project');
      sumRows(col, t, totalRow(t), units.length ? units : projects, amountCols(t), 'hierarchy');
      for (const u of units) {
        const i = t.rows.indexOf(u);
        const mine: TableRow[] = [];
        for (let k = i + 1; k < t.rows.length && t.rows[k].kind === 'project'; k++) mine.push(t.rows[k]);
        sumRows(col, t, u, mine, amountCols(t), 'hierarchy');
      }
    }
  }
  for (const d of siDerivations(tables)) col.add(d);
  return [...col.byTarget.values()];
}
