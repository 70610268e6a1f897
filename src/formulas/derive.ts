/**
 * What the fill engine derives from audit formulas: for each statement marked 填充, its left side
 * from its right side (every-row identities, row sums, figures copied between tables). The same
 * compiled formula the validator checks, so fill and audit cannot disagree.
 */
import type { Derivation } from '../fill/derive';
import { amountCols, cellOf, colName, identityDerivation, label, rowSumDerivations } from '../fill/derive-parts';
import { codedRows, firstByCode } from '../engine/access';
import { codeRowFor } from '../engine/cross';
import { tableName } from '../engine/compare';
import { RecognizedTable, TableRow } from '../recognize/types';
import { ColumnSpec } from '../templates/types';
import { percentPrecision } from '../engine/percent';
import { conditionHolds, findRow, pickCode, type CompiledFormula, type CRef, type Plan } from './compile';
import type { RowSelector } from './resolve';

type FillRef = CRef;
type FillPlan = Plan;

/**
 * The derivations of the formulas' fill statements whose target is in `t`. `phase` 'identity'
 * gives the every-row identities (registered before the code hierarchy), 'other' the rest.
 */
export function formulaDerivations(
  formulas: readonly CompiledFormula[],
  tables: readonly RecognizedTable[],
  t: RecognizedTable,
  phase: 'identity' | 'other',
): Derivation[] {
  const out: Derivation[] = [];
  const id = t.template.table;
  const first = (table: string) => tables.find((x) => x.template.table === table);
  for (const f of formulas) {
    for (const s of f.statements) {
      if (!s.fill) continue;
      const p = s.plan;
      if (p.kind === 'within') continue; // a split of one figure: checked, not derived
      if ((p.kind === 'identity') !== (phase === 'identity')) continue;
      const home = p.kind === 'identity' || p.kind === 'rows' ? p.forms.table : p.target.forms.table;
      if (home !== id) continue;
      if (p.op !== '=') continue;
      if (s.condition && !conditionHolds(first, s.condition)) continue;
      if (p.kind === 'identity' && p.ratio) ratio(out, t, p.target, p.items);
      else if (p.kind === 'identity') identity(out, t, p.target, p.items);
      else if (p.kind === 'rows') rowSums(out, t, p.target, p.items, p.cols);
      else if (p.kind === 'code') byCode(out, t, p, first);
      else if (p.kind === 'figure') figure(out, t, p, first);
    }
  }
  return out;
}

function identity(out: Derivation[], t: RecognizedTable, target: ColumnSpec, items: FillRef[]): void {
  const cols = items.filter((i) => i.col).map((i) => ({ key: i.col!.key, negate: i.sign === -1 }));
  for (const row of t.rows) {
    if (target.panel && row.panel && row.panel !== target.panel) continue;
    const d = identityDerivation(t, row, target.key, cols);
    if (d) out.push(d);
  }
}

function ratio(out: Derivation[], t: RecognizedTable, target: ColumnSpec, items: FillRef[]): void {
  const [num, den] = items.map((i) => i.col!.key);
  const decimals = percentPrecision(t, target.key, 2);
  const numFmt = decimals === 0 ? '0%' : `0.${'0'.repeat(decimals)}%`;
  for (const row of t.rows) {
    const tc = cellOf(t, row, target.key);
    const a = cellOf(t, row, num);
    const b = cellOf(t, row, den);
    if (!tc || !a || !b || !row.amounts.has(target.key)) continue;
    out.push({
      target: tc,
      items: [a, b],
      kind: 'identity',
      op: 'ratio',
      percentDecimals: decimals,
      numFmt,
      reason: {
        zh: `表${t.template.no} ${label(row)} ${colName(t, target.key)} = ${colName(t, num)} ÷ ${colName(t, den)}`,
        en: `Table ${t.template.no} ${label(row)}: ${target.key} = ${num} ÷ ${den}`,
      },
    });
  }
}

function rowsOf(t: RecognizedTable, sel: RowSelector, panel?: 'income' | 'expense'): TableRow[] {
  if (sel.kind === 'level')
    return codedRows(t, panel).filter((r) => r.code!.length === sel.level && r.kind === 'code' && pickCode(sel, r));
  if (sel.kind === 'units') return t.rows.filter((r) => r.kind === 'unit');
  if (sel.kind === 'projects') return t.rows.filter((r) => r.kind === 'project');
  const r = findRow(t, sel, panel);
  return r ? [r] : [];
}

function rowSums(
  out: Derivation[],
  t: RecognizedTable,
  target: RowSelector,
  items: FillRef[],
  cols: ColumnSpec[] | 'each',
): void {
  // The code hierarchy ({每个编码} = Σ{下级}) is derived for every coded table by the fill engine itself.
  if (target.kind === 'each' || items.some((i) => i.sign === -1)) return;
  const parent = findRow(t, target, cols === 'each' ? undefined : cols[0].panel);
  if (!parent) return;
  const children = items.flatMap((i) => (i.row ? rowsOf(t, i.row, parent.panel) : []));
  if (children.length === 0) return;
  const keys = cols === 'each' ? amountCols(t, parent.panel) : cols.map((c) => c.key);
  out.push(...rowSumDerivations(t, parent, children, keys, 'fixed'));
}

function byCode(
  out: Derivation[],
  t: RecognizedTable,
  p: Extract<FillPlan, { kind: 'code' }>,
  first: (table: string) => RecognizedTable | undefined,
): void {
  if (p.items.length !== 1 || p.items[0].sign !== 1 || !p.items[0].col) return;
  const src = first(p.items[0].forms.table);
  if (!src) return;
  const col = p.target.col!;
  for (const [code, row] of firstByCode(codedRows(t, col.panel))) {
    if (!p.levels.includes(code.length) || row.kind !== 'code') continue;
    const from = codeRowFor(src, code);
    const target = cellOf(t, row, col.key);
    const source = from && cellOf(src, from, p.items[0].col.key);
    if (!target || !source) continue;
    out.push({
      target,
      items: [source],
      kind: 'copy',
      reason: {
        zh: `${tableName(t).zh} ${code} ${col.name.zh} 取自 ${tableName(src).zh} ${code} ${p.items[0].col.name.zh}`,
        en: `${tableName(t).en} ${code} ${col.name.en} from ${tableName(src).en}`,
      },
    });
  }
}

function figure(
  out: Derivation[],
  t: RecognizedTable,
  p: Extract<FillPlan, { kind: 'figure' }>,
  first: (table: string) => RecognizedTable | undefined,
): void {
  if (
    p.items.length !== 1 ||
    p.items[0].sign !== 1 ||
    p.target.cell ||
    p.items[0].cell ||
    !p.target.col ||
    !p.items[0].col
  )
    return;
  const i = p.items[0];
  const src = first(i.forms.table);
  if (!src) return;
  const ra = findRow(t, p.target.row, p.target.col.panel);
  const rb = findRow(src, i.row, i.col!.panel);
  const target = cellOf(t, ra, p.target.col.key);
  const source = cellOf(src, rb, i.col!.key);
  if (!target || !source || !ra || !rb) return;
  out.push({
    target,
    items: [source],
    kind: 'copy',
    reason: {
      zh: `${tableName(t).zh} ${ra.name || label(ra)} 取自 ${tableName(src).zh} ${label(rb)} ${colName(src, i.col!.key)}`,
      en: `${tableName(t).en} ${p.target.row?.kind === 'fixed' ? p.target.row.key : label(ra)} from ${tableName(src).en} ${label(rb)} ${i.col!.key}`,
    },
  });
}
