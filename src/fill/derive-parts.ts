/**
 * The pieces every derivation is made of, shared by the fill engine's own derivations
 * (src/fill/derive.ts) and those of the audit formulas (src/formulas/derive.ts): a cell of a row
 * and column, the names a reason shows, a row identity and a row sum.
 */
import type { RecognizedTable, TableRow } from '../recognize/types';
import type { CellRef, Derivation, DerivationItem, DerivationKind } from './derive';

export function cellOf(t: RecognizedTable, row: TableRow | undefined, col: string): CellRef | undefined {
  if (!row) return undefined;
  const c = t.columns.get(col);
  if (c === undefined) return undefined;
  return { table: t, r: row.r, c };
}

export function colName(t: RecognizedTable, col: string): string {
  return t.template.columns.find((c) => c.key === col)?.name.zh ?? col;
}

export function label(row: TableRow): string {
  if (row.kind === 'total') return row.name || '总计';
  return `${row.code ? `${row.code} ` : ''}${row.project ?? row.name}`.trim();
}

/** Amount column keys the table has (of one panel). */
export function amountCols(t: RecognizedTable, panel?: 'income' | 'expense'): string[] {
  return t.template.columns
    .filter((c) => c.role === 'amount' && t.columns.has(c.key) && (!panel || c.panel === panel))
    .map((c) => c.key);
}

/** `target = Σ items` within one row (an item with `negate` is subtracted); undefined when a side is missing. */
export function identityDerivation(
  t: RecognizedTable,
  row: TableRow,
  target: string,
  items: readonly { key: string; negate?: boolean }[],
): Derivation | undefined {
  const tc = cellOf(t, row, target);
  const ics: DerivationItem[] = [];
  for (const i of items) {
    const c = cellOf(t, row, i.key);
    if (c) ics.push(i.negate ? { ...c, negate: true } : c);
  }
  if (!tc || ics.length === 0) return undefined;
  const terms = (name: (key: string) => string) =>
    items.map((i, k) => `${k === 0 ? (i.negate ? '− ' : '') : i.negate ? ' − ' : ' + '}${name(i.key)}`).join('');
  return {
    target: tc,
    items: ics,
    kind: 'identity',
    reason: {
      zh: `表${t.template.no} ${label(row)} ${colName(t, target)} = ${terms((k) => colName(t, k))}`,
      en: `Table ${t.template.no} ${label(row)}: ${target} = ${terms((k) => k)}`,
    },
  };
}

/** A row as the sum of other rows, column by column. */
export function rowSumDerivations(
  t: RecognizedTable,
  parent: TableRow | undefined,
  children: readonly TableRow[],
  cols: readonly string[],
  kind: DerivationKind,
): Derivation[] {
  const out: Derivation[] = [];
  if (!parent || children.length === 0) return out;
  for (const k of cols) {
    const tc = cellOf(t, parent, k);
    const ics = children.map((ch) => cellOf(t, ch, k)).filter((x): x is CellRef => x !== undefined);
    if (!tc || ics.length === 0) continue;
    out.push({
      target: tc,
      items: ics,
      kind,
      reason: {
        zh: `表${t.template.no} ${label(parent)} ${colName(t, k)} = ${children.length <= 4 ? children.map(label).join(' + ') : `${children.length} 行之和`}`,
        en: `Table ${t.template.no} ${label(parent)}: ${k} = the sum of ${children.length} rows`,
      },
    });
  }
  return out;
}
