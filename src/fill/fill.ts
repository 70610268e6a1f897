/**
 * The fill engine: from a recognized package, the cell writes that would make it consistent.
 * Empty derived cells are filled; a non-empty cell is proposed for change only when it is wrong
 * beyond rounding, shown old → new. Each write carries its formula (so the cell stays live), the
 * value it computes, and the old content (for preview and undo). Filling a filled package
 * proposes nothing.
 */
import { Decimal, ZERO } from '../amount/decimal';
import { formatAmount } from '../amount/format';
import { AUTO_TOLERANCE, halfUnit, ToleranceMode } from '../amount/tolerance';
import { Unit, UNIT_FACTOR } from '../amount/parse';
import { CellWrite } from '../host/types';
import { RecognizeOptions, recognizeWorkbook } from '../recognize/recognize';
import { AmountCell } from '../recognize/types';
import { a1, CellValue, columnLetter, parseA1, SheetModel, WorkbookModel } from '../workbook/model';
import { bundledCatalog, Catalog } from '../catalog/catalog';
import { repairCodes } from '../engine/repair';
import { readPercent } from '../engine/percent';
import { CellRef, Derivation, derivations, refKey } from './derive';
import { allTemplates } from '../templates';
import { builtinFormulas } from '../formulas/builtin';
import type { CompiledPack } from '../formulas/pack';
import { message } from '../i18n/messages';
import { transpositions } from '../engine/compare';

export interface FillProposal {
  id: string;
  sheet: string;
  cell: string;
  formula: string;
  /** The value the formula computes, exact; '' for a blank result (a percent without a divisor). */
  value: string;
  /** What the cell holds now (null: empty). */
  old: { value: CellValue; formula?: string } | null;
  /** The cell's number format now (undefined: General), for undo. */
  oldNumFmt?: string;
  /** `empty`: a derived cell left blank; `wrong`: a value that does not add up. */
  kind: 'empty' | 'wrong';
  reason: { zh: string; en: string };
  numFmt?: string;
}

export interface FillOptions extends RecognizeOptions {
  tolerance?: ToleranceMode;
  catalog?: Catalog;
  /** Also wire derived cells whose inputs are all empty (for blank templates). */
  wireEmpty?: boolean;
  /** Propose the formula for every derived cell that does not hold it yet, right values too (for generated workbooks). */
  rewire?: boolean;
  /** Packs loaded at run time: their forms are recognised and their 填充 formulas derived. */
  packs?: readonly CompiledPack[];
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function addressOf(ref: CellRef): string {
  return a1(ref.r, ref.c);
}

/** The formula of a derivation, as short as it can be: `=F7+G7`, `=SUM(E8:E10)`, `='表3'!E7`. */
export function formulaOf(d: Derivation): string {
  const sheet = d.target.table.sheet.name;
  const local = (ref: CellRef) =>
    ref.table.sheet.name === sheet ? addressOf(ref) : `${quoteSheet(ref.table.sheet.name)}!${addressOf(ref)}`;
  const convert = (ref: CellRef) => {
    const from = ref.table.unit;
    const to = d.target.table.unit;
    if (from === to) return local(ref);
    const f = UNIT_FACTOR[from].div(UNIT_FACTOR[to]);
    return f.gte(1) ? `${local(ref)}*${f.toFixed()}` : `${local(ref)}/${new Decimal(1).div(f).toFixed()}`;
  };
  if (d.op === 'ratio') {
    const [num, den] = d.items.map(local);
    return `=IF(${den}=0,"",${num}/${den})`;
  }
  if (d.items.some((i) => i.negate)) {
    return `=${d.items.map((i, k) => `${i.negate ? '-' : k === 0 ? '' : '+'}${convert(i)}`).join('')}`;
  }
  if (d.items.length === 1) return `=${convert(d.items[0])}`;
  const sameSheet = d.items.every((i) => i.table.sheet.name === sheet && i.table.unit === d.target.table.unit);
  if (sameSheet) {
    const sameCol = d.items.every((i) => i.c === d.items[0].c);
    const rows = d.items.map((i) => i.r);
    const contiguous = d.items.length >= 3 && sameCol && rows.every((r, k) => k === 0 || r === rows[k - 1] + 1);
    if (contiguous) return `=SUM(${addressOf(d.items[0])}:${addressOf(d.items[d.items.length - 1])})`;
    const sameRow = d.items.every((i) => i.r === d.items[0].r);
    const cols = d.items.map((i) => i.c);
    if (d.items.length >= 3 && sameRow && cols.every((c, k) => k === 0 || c === cols[k - 1] + 1)) {
      return `=SUM(${addressOf(d.items[0])}:${addressOf(d.items[d.items.length - 1])})`;
    }
    if (d.items.length <= 6) return `=${d.items.map(addressOf).join('+')}`;
    return `=SUM(${d.items.map(addressOf).join(',')})`;
  }
  return `=${d.items.map(convert).join('+')}`;
}

function normalizeFormula(f: string | undefined): string {
  return (f ?? '').replace(/\$/g, '').replace(/\s+/g, '').toUpperCase();
}

/**
 * A derived cell that disagrees with its items while another check confirms it (its parent adds
 * up with it, or another table carries the same figure): the items are suspect, not the cell.
 * Nothing is proposed for it (changing it would carry a wrong item into every total above it);
 * the pane says why.
 */
export interface HeldCell {
  id: string;
  sheet: string;
  cell: string;
  /** What it holds and what its items add up to, exact. */
  stated: string;
  sum: string;
  /** Its own derivation (`表6 301 工资福利支出 人员经费 = 7 行之和`). */
  reason: { zh: string; en: string };
  /** The check that confirms it, and what to look at. */
  why: { zh: string; en: string };
}

/** A derived cell left as stated because it differs from its items only by rounding. */
export interface RoundingCell {
  id: string;
  stated: string;
  sum: string;
}

export interface FillResult {
  proposals: FillProposal[];
  /** How many derived cells were already right. */
  unchanged: number;
  /** Cells whose items disagree with them while another check confirms them: not changed. */
  held: HeldCell[];
  /** Cells that differ from their items within rounding (the audit's 警告): left as they are. */
  rounding: RoundingCell[];
}

export function proposeFills(model: WorkbookModel, options: FillOptions = {}): FillResult {
  const packs = options.packs ?? [];
  const templates =
    options.templates ?? (packs.length ? [...allTemplates(), ...packs.flatMap((p) => p.pack.forms)] : undefined);
  const recognition = recognizeWorkbook(model, { ...options, templates });
  repairCodes(recognition.tables, options.catalog ?? bundledCatalog());
  const all = derivations(recognition.tables, [...builtinFormulas(), ...packs.flatMap((p) => p.formulas)]);
  const byTarget = new Map(all.map((d) => [refKey(d.target), d]));
  const cells = new Map<string, AmountCell>();
  for (const t of recognition.tables) {
    for (const row of t.rows)
      for (const cell of row.amounts.values()) cells.set(refKey({ table: t, r: cell.r, c: cell.c }), cell);
  }
  const memo = new Map<string, { value: Decimal | null; decimals: number }>();
  const visiting = new Set<string>();
  const held = new Map<string, { sum: Decimal; d: Derivation; by: Derivation }>();
  const rounding = new Map<string, Decimal>();

  // Every relation a cell takes part in as an item (derivations and their alternatives).
  const asItem = new Map<string, Derivation[]>();
  for (const d of all) {
    for (const x of [d, ...(d.alternatives ?? [])]) {
      for (const i of x.items) {
        const k = refKey(i);
        const list = asItem.get(k);
        if (list) list.push(x);
        else asItem.set(k, [x]);
      }
    }
  }
  /** A cell's value as the sheet states it, in `unit`. */
  const stated = (ref: CellRef, unit: Unit): Decimal | null => {
    const cell = cells.get(refKey(ref));
    if (!cell || cell.invalid || cell.value === null) return null;
    const factor = UNIT_FACTOR[ref.table.unit].div(UNIT_FACTOR[unit]);
    return factor.eq(1) ? cell.value : cell.value.times(factor);
  };
  /** Whether a relation holds between the values as stated (within its rounding tolerance). */
  const holdsAsStated = (x: Derivation): boolean => {
    if (x.op === 'ratio') return false;
    const unit = x.target.table.unit;
    const target = stated(x.target, unit);
    const tcell = cells.get(refKey(x.target));
    if (target === null || !tcell) return false;
    let sum = ZERO;
    let any = false;
    for (const i of x.items) {
      const v = stated(i, unit);
      if (v === null) continue;
      any = true;
      sum = i.negate ? sum.minus(v) : sum.plus(v);
    }
    return any && target.minus(sum).abs().lte(toleranceFor(x, tcell));
  };
  /**
   * Another check that confirms a cell as stated: a relation it is an item of (its parent adds up
   * with it; another table carries it), or another way to derive it. Not a copy on its own sheet
   * (the unit row repeats the total) and not a cell that is a formula over it.
   */
  const confirmation = (k: string, own: Derivation): Derivation | undefined => {
    const found: Derivation[] = [];
    for (const x of asItem.get(k) ?? []) {
      if (x === own) continue;
      if (x.kind === 'copy' && x.target.table.sheet === own.target.table.sheet) continue;
      if (x.target.table.sheet.rows[x.target.r]?.[x.target.c]?.f) continue;
      if (holdsAsStated(x)) found.push(x);
    }
    const mine = byTarget.get(k);
    for (const x of mine ? [mine, ...(mine.alternatives ?? [])] : []) {
      if (x !== own && holdsAsStated(x)) found.push(x);
    }
    // The strongest first: another table, then a total above it, then the row's own identity.
    const rank = (x: Derivation) =>
      x.items.some((i) => i.table.sheet !== own.target.table.sheet) || x.target.table.sheet !== own.target.table.sheet
        ? 0
        : x.kind === 'identity'
          ? 2
          : 1;
    return found.sort((a, b) => rank(a) - rank(b))[0];
  };

  /** The value a cell should have: derived cells from their items, the others as they stand. */
  const valueOf = (ref: CellRef): { value: Decimal | null; decimals: number } => {
    const k = refKey(ref);
    const cached = memo.get(k);
    if (cached) return cached;
    const d = chosen(k);
    let out: { value: Decimal | null; decimals: number };
    if (!d || visiting.has(k)) {
      const cell = cells.get(k);
      out = { value: cell && !cell.invalid ? cell.value : null, decimals: cell?.decimals ?? 2 };
    } else if (d.op === 'ratio') {
      visiting.add(k);
      const num = valueOf(d.items[0]).value;
      const den = valueOf(d.items[1]).value;
      visiting.delete(k);
      const ratio = num !== null && den !== null && !den.isZero() ? num.div(den) : null;
      out = { value: ratio, decimals: (d.percentDecimals ?? 2) + 2 };
      // A stated percent that agrees at the table's precision (or within the amounts' rounding) stands.
      const cell = cells.get(k);
      const stated =
        cell && !cell.invalid ? readPercent(cell, d.target.table.sheet.rows[cell.r]?.[cell.c]?.z) : undefined;
      if (
        ratio &&
        stated &&
        cell &&
        percentAgrees(stated.value, Math.min(stated.decimals, d.percentDecimals ?? 2), num!, den!, d)
      ) {
        out = { value: cell.value, decimals: cell.decimals };
      }
    } else {
      visiting.add(k);
      let sum = ZERO;
      let any = false;
      let decimals = 0;
      for (const item of d.items) {
        const v = valueOf(item);
        if (v.value !== null) {
          const factor = UNIT_FACTOR[item.table.unit].div(UNIT_FACTOR[ref.table.unit]);
          const term = factor.eq(1) ? v.value : v.value.times(factor);
          sum = item.negate ? sum.minus(term) : sum.plus(term);
          any = true;
        }
        decimals = Math.max(decimals, v.decimals);
      }
      visiting.delete(k);
      out = { value: any ? sum : null, decimals };
      // A stated value that agrees within rounding stands: it is what the other tables copy.
      const cell = cells.get(k);
      if (any && cell?.value && !cell.invalid) {
        const off = cell.value.minus(sum);
        if (off.abs().lte(toleranceFor(d, cell))) {
          out = { value: cell.value, decimals: cell.decimals };
          if (!off.isZero()) rounding.set(k, sum);
        } else {
          // Items and cell disagree, but another check confirms the cell: the items are suspect.
          const by = confirmation(k, d);
          if (by) {
            out = { value: cell.value, decimals: cell.decimals };
            held.set(k, { sum, d, by });
          }
        }
      }
    }
    memo.set(k, out);
    return out;
  };

  /** The derivation in force for a cell: the first whose items hold anything. */
  const chosenMemo = new Map<string, Derivation | undefined>();
  function chosen(k: string): Derivation | undefined {
    if (chosenMemo.has(k)) return chosenMemo.get(k);
    const d = byTarget.get(k);
    let pick = d;
    if (d?.alternatives?.length) {
      visiting.add(k);
      const candidates = [d, ...d.alternatives];
      pick = candidates.find((c) => c.items.some((i) => valueOf(i).value !== null)) ?? d;
      visiting.delete(k);
    }
    chosenMemo.set(k, pick);
    return pick;
  }

  /** Does a stated percent (a fraction shown with `decimals` of percent) agree with num ÷ den? */
  function percentAgrees(stated: Decimal, decimals: number, num: Decimal, den: Decimal, d: Derivation): boolean {
    const places = decimals + 2;
    const shown = stated.toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
    if (shown.eq(num.div(den).toDecimalPlaces(places, Decimal.ROUND_HALF_UP))) return true;
    // The amounts are rounded too: the percent of any values they may stand for is acceptable (SI-9).
    const [n, m] = d.items.map((i) => cells.get(refKey(i))?.decimals ?? 2);
    const hn = halfUnit(n);
    const hd = halfUnit(m);
    const lo = num.minus(hn).div(den.abs().plus(hd)).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
    const hiDen = den.abs().minus(hd);
    if (hiDen.lte(0)) return false;
    const hi = num.plus(hn).div(hiDen).toDecimalPlaces(places, Decimal.ROUND_HALF_UP);
    return shown.gte(Decimal.min(lo, hi)) && shown.lte(Decimal.max(lo, hi));
  }

  const tolerance = options.tolerance ?? AUTO_TOLERANCE;
  function toleranceFor(d: Derivation, cell: AmountCell): Decimal {
    if (tolerance.kind === 'fixed') return tolerance.amount;
    if (d.kind === 'copy') return ZERO;
    return d.items.reduce((acc, i) => acc.plus(halfUnit(cells.get(refKey(i))?.decimals ?? 2)), halfUnit(cell.decimals));
  }
  const proposals: FillProposal[] = [];
  let unchanged = 0;
  for (const first of all) {
    const k = refKey(first.target);
    const d = chosen(k) ?? first;
    const cell = cells.get(k);
    if (cell?.invalid) continue;
    // A cell of a spilled dynamic array reads as its value (or empty): writing there breaks the spill (#SPILL!).
    if (inSpill(d.target.table.sheet, d.target.r, d.target.c)) continue;
    const computed = { ...valueOf(d.target) };
    if (held.has(k)) continue;
    /** The value the formula gives: a percent without a divisor is blank (""). */
    let shownValue: string | undefined;
    if (computed.value === null) {
      if (!options.wireEmpty) continue;
      if (d.op === 'ratio') {
        const den = valueOf(d.items[1]).value;
        shownValue = den === null || den.isZero() ? '' : '0';
      }
      computed.value = ZERO;
    }
    const formula = formulaOf(d);
    const sheetCell = d.target.table.sheet.rows[d.target.r]?.[d.target.c];
    const existing =
      sheetCell && (sheetCell.v !== null || sheetCell.f) ? { value: sheetCell.v, formula: sheetCell.f } : null;
    const ownFormat = sheetCell?.z && (d.op !== 'ratio' || /%/.test(sheetCell.z)) ? sheetCell.z : undefined;
    const numFmt = ownFormat ?? d.numFmt ?? '#,##0.00';
    const sheet = d.target.table.sheet.name;
    const address = a1(d.target.r, d.target.c);
    const propose = (kind: FillProposal['kind'], value: string) =>
      proposals.push({
        id: `${sheet}!${address}`,
        sheet,
        cell: address,
        formula,
        value,
        old: existing,
        kind,
        reason: d.reason,
        numFmt,
        oldNumFmt: sheetCell?.z,
      });
    if (!existing || cell?.value === null || cell?.value === undefined) {
      if (existing?.formula && normalizeFormula(existing.formula) === normalizeFormula(formula)) {
        unchanged++;
        continue;
      }
      propose('empty', shownValue ?? computed.value.toFixed());
      continue;
    }
    if (normalizeFormula(existing.formula) === normalizeFormula(formula)) {
      unchanged++;
      continue;
    }
    const diff = cell!.value!.minus(computed.value);
    if (diff.isZero()) {
      if (options.rewire) {
        propose('empty', computed.value.toFixed());
      } else unchanged++;
      continue;
    }
    propose('wrong', computed.value.toFixed());
  }
  const order = model.sheets.map((s) => s.name);
  const bySheetAndCell = (a: { sheet: string; cell: string }, b: { sheet: string; cell: string }) =>
    order.indexOf(a.sheet) - order.indexOf(b.sheet) || cellOrder(a.cell) - cellOrder(b.cell);
  proposals.sort(bySheetAndCell);
  const heldCells: HeldCell[] = [...held].map(([k, h]) => {
    const cell = cells.get(k)!;
    const sheet = h.d.target.table.sheet.name;
    const address = a1(h.d.target.r, h.d.target.c);
    const unit = h.d.target.table.unit;
    const swaps = transpositions(cell.value!.minus(h.sum), {
      items: h.d.items.map((i) => ({
        value: stated(i, unit) ?? ZERO,
        negate: i.negate,
        empty: stated(i, unit) === null,
      })),
    });
    const suspect = (lang: 'zh' | 'en') => {
      const list = (swaps?.found ?? []).map((f) => message('compare.transposedCell', f)[lang]);
      if (list.length === 0) return '';
      const text = list.join(message('compare.or')[lang]);
      return lang === 'zh' ? `（${text}）` : ` (${text})`;
    };
    const p = (lang: 'zh' | 'en') => ({
      id: `${sheet}!${address}`,
      stated: formatAmount(cell.value!),
      sum: formatAmount(h.sum),
      confirm: h.by.reason[lang],
      hint: suspect(lang),
    });
    return {
      id: `${sheet}!${address}`,
      sheet,
      cell: address,
      stated: cell.value!.toFixed(),
      sum: h.sum.toFixed(),
      reason: h.d.reason,
      why: { zh: message('fill.held', p('zh')).zh, en: message('fill.held', p('en')).en },
    };
  });
  heldCells.sort(bySheetAndCell);
  const roundingCells: RoundingCell[] = [...rounding].map(([k, sum]) => {
    const d = byTarget.get(k)!;
    return {
      id: `${d.target.table.sheet.name}!${a1(d.target.r, d.target.c)}`,
      stated: cells.get(k)!.value!.toFixed(),
      sum: sum.toFixed(),
    };
  });
  return { proposals, unchanged, held: heldCells, rounding: roundingCells };
}

function inSpill(sheet: SheetModel, r: number, c: number): boolean {
  return !!sheet.spills?.some((s) => r >= s.r0 && r <= s.r1 && c >= s.c0 && c <= s.c1);
}

function cellOrder(address: string): number {
  const { r, c } = parseA1(address); // always an address a1() made
  return r * 16384 + c;
}

/** The writes that apply the accepted proposals (formulas, with their computed values cached). */
export function fillWrites(proposals: readonly FillProposal[]): CellWrite[] {
  return proposals.map((p) => ({
    sheet: p.sheet,
    cell: p.cell,
    formula: p.formula,
    value: p.value === '' ? '' : Number(p.value),
    numFmt: p.numFmt,
  }));
}

/**
 * The writes that undo applied proposals: the old contents back, with the old number format
 * (General when the cell had none; not the fill's format). An old text such as `1,114.26` stays
 * text: the hosts write a text value as text.
 */
export function undoWrites(proposals: readonly FillProposal[]): CellWrite[] {
  return proposals.map((p) => ({
    sheet: p.sheet,
    cell: p.cell,
    value: p.old?.value ?? null,
    formula: p.old?.formula,
    numFmt: p.oldNumFmt ?? 'General',
  }));
}

/** `1,114.26` for display. */
export function displayValue(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatAmount(v);
  if (typeof v === 'object') return v.error;
  return String(v);
}

export { columnLetter };
