/**
 * What the fill engine derives from audit formulas: for each statement marked 填充, its left side
 * from its right side (every-row identities, the code hierarchy, project and unit sums, row sums,
 * figures copied between tables). The same compiled formula the validator checks, and the same rows
 * (rowsPlanParents, rowsOf), so fill and audit cannot disagree.
 */
import type { Derivation, DerivationKind } from '../fill/derive';
import { cellOf, colName, identityDerivation, label, rowSumDerivations } from '../fill/derive-parts';
import { codedRows, firstByCode } from '../engine/access';
import { codeRowFor } from '../engine/cross';
import { tableName } from '../engine/compare';
import { RecognizedTable } from '../recognize/types';
import { ColumnSpec } from '../templates/types';
import { percentPrecision } from '../engine/percent';
import {
  conditionHolds,
  findRow,
  panelOf,
  rowsOf,
  rowsPlanParents,
  type CompiledFormula,
  type CRef,
  type Plan,
} from './compile';

type FillRef = CRef;
type FillPlan = Plan;

/**
 * The phases a table's derivations are registered in (the first registered for a cell wins, the
 * others are its alternatives): the every-row identities, then the hierarchy (a row summed from
 * the rows under it: `{每个编码} = Σ{下级}`, `{总计} = Σ{类}`, `{每个项} = Σ{所属项目}`, a unit's
 * projects, `{单位} = {总计}`), then the rest (fixed-row sums, figures from other tables).
 */
export type FillPhase = 'identity' | 'hierarchy' | 'other';

function phaseOf(p: FillPlan): FillPhase {
  if (p.kind === 'identity') return 'identity';
  if (p.kind === 'rows' && (p.target.kind === 'each' || p.target.kind === 'units' || p.target.kind === 'total'))
    return 'hierarchy';
  return 'other';
}

/** The derivations of the formulas' fill statements whose target is in `t`, of one phase. */
export function formulaDerivations(
  formulas: readonly CompiledFormula[],
  tables: readonly RecognizedTable[],
  t: RecognizedTable,
  phase: FillPhase,
): Derivation[] {
  const out: Derivation[] = [];
  const id = t.template.table;
  const first = (table: string) => tables.find((x) => x.template.table === table);
  for (const f of formulas) {
    for (const s of f.statements) {
      if (!s.fill) continue;
      const p = s.plan;
      if (p.kind === 'within') continue; // a split of one figure: checked, not derived
      if (phaseOf(p) !== phase) continue;
      const home = p.kind === 'identity' || p.kind === 'rows' ? p.forms.table : p.target.forms.table;
      if (home !== id) continue;
      if (p.op !== '=') continue;
      if (s.condition && !conditionHolds(first, s.condition)) continue;
      if (p.kind === 'identity' && p.ratio) ratio(out, t, p.target, p.items);
      else if (p.kind === 'identity') identity(out, t, p.target, p.items);
      else if (p.kind === 'rows') rowSums(out, t, p, phase === 'hierarchy' ? 'hierarchy' : 'fixed');
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

/**
 * A row as the sum of the rows the plan names, for each row the validator checks (rowsPlanParents)
 * and in the columns it compares; `{单位} = {总计}` is a copied figure.
 */
function rowSums(
  out: Derivation[],
  t: RecognizedTable,
  p: Extract<FillPlan, { kind: 'rows' }>,
  kind: DerivationKind,
): void {
  if (p.items.some((i) => i.sign === -1 || !i.row)) return;
  for (const parent of rowsPlanParents(t, p)) {
    const keys = panelOf(t, parent, p.cols);
    if (p.items.length === 1 && p.items[0].row!.kind === 'total') {
      const total = rowsOf(t, p.items[0].row!, parent, parent.panel)[0];
      for (const k of keys) {
        const target = cellOf(t, parent, k);
        const source = cellOf(t, total, k);
        if (target && source && total !== parent)
          out.push({
            target,
            items: [source],
            kind: 'copy',
            reason: { zh: `表${t.template.no} 单位行 = 总计`, en: `Table ${t.template.no} unit row = total` },
          });
      }
      continue;
    }
    const children = p.items.flatMap((i) => rowsOf(t, i.row!, parent, parent.panel));
    out.push(...rowSumDerivations(t, parent, children, keys, kind));
  }
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
