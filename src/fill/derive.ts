/**
 * Which cells of a recognized package are derived, and from what: row identities (合计 = 基本 +
 * 项目), the code hierarchy (类 = Σ款, 总计 = Σ类), project and unit sums, fixed-row sums (表1, 表4,
 * 表10) and figures carried between tables (表1 classes from 表3, 表4 from 表5 and 表1) — all from the
 * audit formulas' 填充 statements (src/formulas/derive.ts), the declarations the validator checks.
 * Each derivation says how to write it as a formula and which cells it adds up.
 */
import { RecognizedTable } from '../recognize/types';
import { siDerivations } from './derive-si';
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

/** Every derivation of a package's department tables. */
export function derivations(
  tables: readonly RecognizedTable[],
  formulas: readonly CompiledFormula[] = builtinFormulas(),
): Derivation[] {
  const col = new Collector();

  for (const t of tables) {
    // The identities first, then the hierarchy, then the rest: a cell's first derivation is the one
    // proposed, the others are its alternatives (表3 208 合计 = 基本 + 项目, else Σ its 款).
    for (const phase of ['identity', 'hierarchy', 'other'] as const)
      for (const d of formulaDerivations(formulas, tables, t, phase)) col.add(d);
  }
  for (const d of siDerivations(tables)) col.add(d);
  return [...col.byTarget.values()];
}
