/**
 * Which cells of a recognized package are derived, and from what: row identities (合计 = 基本 +
 * 项目), the code hierarchy (类 = Σ款, 总计 = Σ类), fixed-row sums (表1, 表4, 表10) and figures
 * carried between tables (表1 classes from 表3, 表4 from 表5 and 表1). Each derivation says how to
 * write it as a formula and which cells it adds up.
 */
import { RecognizedTable, TableRow } from '../recognize/types';
import { childrenOf, codedRows, fixedRow, totalRow } from '../engine/access';
import { codeRowFor } from '../engine/cross';
import { siDerivations } from './derive-si';

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

function cellOf(t: RecognizedTable, row: TableRow | undefined, col: string): CellRef | undefined {
  if (!row) return undefined;
  const c = t.columns.get(col);
  if (c === undefined) return undefined;
  return { table: t, r: row.r, c };
}

function colName(t: RecognizedTable, col: string): string {
  return t.template.columns.find((c) => c.key === col)?.name.zh ?? col;
}

function label(row: TableRow): string {
  if (row.kind === 'total') return row.name || '总计';
  return `${row.code ? `${row.code} ` : ''}${row.project ?? row.name}`.trim();
}

function identity(
  col: Collector,
  t: RecognizedTable,
  rows: readonly TableRow[],
  target: string,
  items: string[],
): void {
  for (const row of rows) {
    const tc = cellOf(t, row, target);
    const ics = items.map((k) => cellOf(t, row, k)).filter((x): x is CellRef => x !== undefined);
    if (!tc || ics.length === 0) continue;
    col.add({
      target: tc,
      items: ics,
      kind: 'identity',
      reason: {
        zh: `表${t.template.no} ${label(row)} ${colName(t, target)} = ${items.map((k) => colName(t, k)).join(' + ')}`,
        en: `Table ${t.template.no} ${label(row)}: ${target} = ${items.join(' + ')}`,
      },
    });
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
  if (!parent || children.length === 0) return;
  for (const k of cols) {
    const tc = cellOf(t, parent, k);
    const ics = children.map((ch) => cellOf(t, ch, k)).filter((x): x is CellRef => x !== undefined);
    if (!tc || ics.length === 0) continue;
    col.add({
      target: tc,
      items: ics,
      kind,
      reason: {
        zh: `表${t.template.no} ${label(parent)} ${colName(t, k)} = ${children.length <= 4 ? children.map(label).join(' + ') : `${children.length} 行之和`}`,
        en: `Table ${t.template.no} ${label(parent)}: ${k} = the sum of ${children.length} rows`,
      },
    });
  }
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

function amountCols(t: RecognizedTable, panel?: 'income' | 'expense'): string[] {
  return t.template.columns
    .filter((c) => c.role === 'amount' && t.columns.has(c.key) && (!panel || c.panel === panel))
    .map((c) => c.key);
}

const ROW_IDENTITIES: Record<string, [string, string[]][]> = {
  'dept.t02': [
    ['total', ['fiscal', 'special', 'unit', 'fiscalCarry', 'nonFiscalCarry']],
    ['fiscal', ['gpb', 'gpbTransfer', 'gfb', 'gfbTransfer', 'socb', 'socbTransfer']],
  ],
  'dept.t03': [['total', ['basic', 'project']]],
  'dept.t05': [['total', ['basic', 'project']]],
  'dept.t06': [['total', ['personnel', 'public']]],
  'dept.t07': [['total', ['e301', 'e302', 'e303', 'e307', 'e309', 'e310', 'e311', 'e312', 'e313', 'e399']]],
  'dept.t08': [['total', ['personnel', 'public', 'project']]],
  'dept.t09': [['total', ['personnel', 'public', 'project']]],
  'dept.t10': [['total', ['gpb', 'gfb', 'socb']]],
  'dept.t11': [
    ['total', ['fiscal', 'nonFiscal']],
    ['fiscal', ['fiscalPersonnel', 'fiscalPublic', 'fiscalProject']],
    ['nonFiscal', ['nonFiscalPersonnel', 'nonFiscalPublic', 'nonFiscalProject']],
  ],
};

const T1_SUMS: [string, string[]][] = [
  ['incomeTotal', ['thisYear', 'carryover']],
  ['thisYear', ['gpb', 'gfb', 'socb', 'special', 'unit']],
  ['gpb', ['gpbOwn', 'gpbTransfer']],
  ['gfb', ['gfbOwn', 'gfbTransfer']],
  ['socb', ['socbOwn', 'socbTransfer']],
  ['unit', ['unitBusiness', 'unitSuperior', 'unitAffiliated', 'unitOperating', 'unitOther']],
  ['carryover', ['fiscalCarry', 'nonFiscalCarry']],
  ['fiscalCarry', ['fiscalCarryGpb', 'fiscalCarryGfb', 'fiscalCarrySocb']],
  ['nonFiscalCarry', ['nonFiscalCarrySpecial', 'nonFiscalCarryUnit']],
];

const T1_FROM_T2: [string, string][] = [
  ['gpbOwn', 'gpb'],
  ['gpbTransfer', 'gpbTransfer'],
  ['gfbOwn', 'gfb'],
  ['gfbTransfer', 'gfbTransfer'],
  ['socbOwn', 'socb'],
  ['socbTransfer', 'socbTransfer'],
  ['special', 'special'],
  ['unit', 'unit'],
  ['fiscalCarry', 'fiscalCarry'],
  ['nonFiscalCarry', 'nonFiscalCarry'],
];

/** Every derivation of a package's department tables. */
export function derivations(tables: readonly RecognizedTable[]): Derivation[] {
  const col = new Collector();
  const first = (id: string) => tables.find((t) => t.template.table === id);

  for (const t of tables) {
    const id = t.template.table;
    const ids = ROW_IDENTITIES[id];
    if (ids) for (const [target, items] of ids) identity(col, t, t.rows, target, items);

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

    if (id === 'dept.t01') {
      for (const [target, items] of T1_SUMS) {
        sumRows(
          col,
          t,
          fixedRow(t, target),
          items.map((k) => fixedRow(t, k)).filter((r): r is TableRow => !!r),
          ['inAmount'],
          'fixed',
        );
      }
      const classes = codedRows(t, 'expense').filter((r) => r.code!.length === 3);
      const t3 = first('dept.t03');
      if (t3) {
        for (const c of classes) {
          const src = codeRowFor(t3, c.code!);
          copy(col, cellOf(t, c, 'exAmount'), src && cellOf(t3, src, 'total'), {
            zh: `表1 ${c.code} 取自 表3 ${c.code} 合计`,
            en: `Table 1 ${c.code} from Table 3`,
          });
        }
      }
      sumRows(col, t, fixedRow(t, 'expenseTotal'), classes, ['exAmount'], 'fixed');
      // The income lines carried from 表2's 总计 row (X3), where 表1 has no 其中 rows to add up.
      const t2 = first('dept.t02');
      const t2total = t2 && totalRow(t2);
      if (t2 && t2total) {
        for (const [line, t2col] of T1_FROM_T2) {
          copy(col, cellOf(t, fixedRow(t, line), 'inAmount'), cellOf(t2, t2total, t2col), {
            zh: `表1 ${fixedRow(t, line)?.name ?? line} 取自 表2 总计 ${colName(t2, t2col)}`,
            en: `Table 1 ${line} from Table 2 total ${t2col}`,
          });
        }
      }
    }

    if (id === 'dept.t04') {
      const rows = (keys: string[]) => keys.map((k) => fixedRow(t, k)).filter((r): r is TableRow => !!r);
      sumRows(col, t, fixedRow(t, 'incomeTotal'), rows(['fiscal', 'carry']), ['inTotal'], 'fixed');
      sumRows(col, t, fixedRow(t, 'fiscal'), rows(['gpb', 'gfb', 'socb']), ['inTotal'], 'fixed');
      sumRows(col, t, fixedRow(t, 'carry'), rows(['carryGpb', 'carryGfb', 'carrySocb']), ['inTotal'], 'fixed');
      const classes = codedRows(t, 'expense').filter((r) => r.code!.length === 3);
      identity(col, t, [...classes, ...rows(['expenseTotal'])], 'exTotal', ['exGpb', 'exGfb', 'exSocb']);
      sumRows(col, t, fixedRow(t, 'expenseTotal'), classes, amountCols(t, 'expense'), 'fixed');
      const t5 = first('dept.t05');
      if (t5) {
        for (const c of classes) {
          const src = codeRowFor(t5, c.code!);
          copy(col, cellOf(t, c, 'exGpb'), src && cellOf(t5, src, 'total'), {
            zh: `表4 ${c.code} 一般公共预算 取自 表5`,
            en: `Table 4 ${c.code} from Table 5`,
          });
        }
      }
      const t1 = first('dept.t01');
      if (t1) {
        for (const k of ['gpb', 'gfb', 'socb']) {
          copy(col, cellOf(t, fixedRow(t, k), 'inTotal'), cellOf(t1, fixedRow(t1, k), 'inAmount'), {
            zh: `表4 收入 取自 表1`,
            en: 'Table 4 income from Table 1',
          });
        }
      }
    }

    if (id === 'dept.t10') {
      const rows = (keys: string[]) => keys.map((k) => fixedRow(t, k)).filter((r): r is TableRow => !!r);
      sumRows(col, t, fixedRow(t, 'total'), rows(['abroad', 'reception', 'vehicles']), amountCols(t), 'fixed');
      sumRows(col, t, fixedRow(t, 'vehicles'), rows(['vehiclePurchase', 'vehicleRunning']), amountCols(t), 'fixed');
    }

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
