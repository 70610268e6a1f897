/**
 * Reading the 社会保险基金 tables the way the SI rules need them: each table's rows resolved to
 * their meaning (the total, the seven funds, their 其中 rows; the 平衡表 lines) by code or by
 * normalised name, never by position; the tables grouped into packages by budget year and scope
 * (全市/全地区 vs 本级, from the titles); names of tables, rows and columns for messages.
 */
import { Decimal } from '../../amount/decimal';
import { formatAmount } from '../../amount/format';
import { UNIT_FACTOR } from '../../amount/parse';
import { tableName } from '../../engine/compare';
import { RuleContextApi } from '../../engine/types';
import { BilingualText, Hint, hintMessage } from '../../i18n/messages';
import { AmountCell, RecognizedTable, TableRow } from '../../recognize/types';
import { normalizeLabel, stripNumbering } from '../../templates/types';
import {
  BALANCE_SHEET_NAMES,
  FUNDS,
  fundOfCode,
  fundOfLabel,
  FundKey,
  FundTableKind,
  subRowKey,
  TOTAL_CODES,
} from '../../templates/si/funds';

export type SiScope = 'whole' | 'own';
export type SiRole = 'plan' | 'exec';

export interface FundLine {
  row: TableRow;
  /** Its 其中 rows by {@link subRowKey}. */
  subs: Map<string, TableRow>;
}

/** An itemized SI table (收入/支出/结余, plan or execution) resolved to funds. */
export interface FundTable {
  table: RecognizedTable;
  kind: FundTableKind;
  role: SiRole;
  total?: TableRow;
  totalSubs: Map<string, TableRow>;
  funds: Map<FundKey, FundLine>;
  /** Rows printed again (the 合计 repeated at the bottom of a page): [the repeat, the first]. */
  repeats: [TableRow, TableRow][];
}

export interface BalanceSheetPanel {
  /** 102 or 209. */
  total?: TableRow;
  funds: Map<FundKey, TableRow>;
  /** 11008, 11017, 11018 (income); 23009, 23018, 23019 (expense). */
  lines: Map<string, TableRow>;
  /** 收入总计 / 支出总计. */
  grand?: TableRow;
}

export interface BalanceSheet {
  table: RecognizedTable;
  income: BalanceSheetPanel;
  expense: BalanceSheetPanel;
}

/** The tables of one budget year and scope. */
export interface SiPackage {
  year?: number;
  scope: SiScope;
  plan: Partial<Record<FundTableKind, FundTable>>;
  exec: Partial<Record<FundTableKind, FundTable>>;
  balanceSheet?: BalanceSheet;
}

/** The periods a column holds: last year's estimate (P), this year's budget (C), last year's budget (B). */
export type Period = 'P' | 'C' | 'B';

export const PLAN_COLUMNS: Record<'P' | 'C', string> = { P: 'prev', C: 'cur' };
export const EXEC_COLUMNS: Record<'P' | 'B', string> = { P: 'actual', B: 'budget' };
export const SHEET_COLUMNS: Record<'P' | 'C', { income: string; expense: string }> = {
  P: { income: 'inPrev', expense: 'exPrev' },
  C: { income: 'inCur', expense: 'exCur' },
};

export function isSiTable(t: RecognizedTable): boolean {
  return t.template.family === 'si';
}

export function kindOf(t: RecognizedTable): FundTableKind | undefined {
  const m = /^si\.(?:exec\.)?(income|expense|balance)$/.exec(t.template.table);
  return m ? (m[1] as FundTableKind) : undefined;
}

export function roleOf(t: RecognizedTable): SiRole {
  return t.template.table.startsWith('si.exec.') ? 'exec' : 'plan';
}

export function scopeOf(t: RecognizedTable): SiScope {
  return /本级/.test(normalizeLabel(t.title.text)) ? 'own' : 'whole';
}

/** The budget year a table belongs to: from the title (an execution table's year is the year before), else the header. */
export function yearOf(t: RecognizedTable): number | undefined {
  const years = [...normalizeLabel(t.title.text).matchAll(/((?:19|20)\d{2})年/g)].map((m) => Number(m[1]));
  if (years.length) {
    const y = Math.max(...years);
    return roleOf(t) === 'exec' && years.length === 1 ? y + 1 : y;
  }
  for (const spec of t.template.columns) {
    if (spec.role !== 'amount' || !t.columns.has(spec.key)) continue;
    const h = normalizeLabel(columnHeader(t, spec.key));
    const m = /((?:19|20)\d{2})年/.exec(h);
    if (!m) continue;
    const thisYear = roleOf(t) === 'plan' && /预算数$/.test(h) && !/调整/.test(h);
    return Number(m[1]) + (thisYear ? 0 : 1);
  }
  return undefined;
}

/** The header label printed over a column (`2023年完成数`), spaces removed; the template's name otherwise. */
export function columnHeader(t: RecognizedTable, key: string): string {
  const c = t.columns.get(key);
  if (c !== undefined) {
    for (let r = t.headerRows[1]; r >= t.headerRows[0]; r--) {
      const v = t.sheet.rows[r]?.[c]?.v;
      if (typeof v === 'string' && v.trim()) return v.replace(/[\s\u3000]+/g, '');
    }
  }
  return t.template.columns.find((s) => s.key === key)?.name.zh ?? key;
}

export function columnLabel(t: RecognizedTable, key: string): BilingualText {
  const zh = columnHeader(t, key);
  const spec = t.template.columns.find((s) => s.key === key);
  const year = /((?:19|20)\d{2})年/.exec(zh)?.[1];
  return { zh, en: `${spec?.name.en ?? key}${year ? ` ${year}` : ''}` };
}

function clean(name: string): string {
  return name.replace(/[\s\u3000]+/g, '');
}

/** A row as messages name it: `10211 二、机关事业单位基本养老保险基金收入`; an uncoded 其中 row with its parent's name. */
export function siRowLabel(row: TableRow): BilingualText {
  const name = clean(row.name);
  if (row.code) return { zh: `${row.code} ${name}`, en: `${row.code} ${name}` };
  if (row.ofWhich && row.parent && !fundOfLabel(name)) {
    const p = siRowLabel(row.parent);
    return { zh: `${p.zh} ${name}`, en: `${p.en} ${name}` };
  }
  return { zh: name || '合计', en: name || 'total' };
}

export function siWhere(t: RecognizedTable, row: TableRow, key: string): BilingualText {
  const tn = tableName(t);
  const rl = siRowLabel(row);
  const cl = columnLabel(t, key);
  return { zh: `${tn.zh} ${rl.zh} ${cl.zh}`, en: `${tn.en} ${rl.en}, ${cl.en}` };
}

const TOTAL_LABEL =
  /(合计|总计)$|^(?:全\S{1,3}|本级)?社会保险基金(?:预算)?(?:收入|支出|年终结余|年末(?:累计|滚存)?结余|结余)$/;

function isTotalName(name: string): boolean {
  const n = stripNumbering(normalizeLabel(name));
  return !fundOfLabel(n) && (TOTAL_LABEL.test(n) || /^全\S*(?:地区|市|州|区|县)?社会保险基金/.test(n));
}

const fundTables = new WeakMap<RecognizedTable, FundTable>();

/** An itemized SI table resolved to its total, funds and 其中 rows (built once per table). */
export function fundTable(t: RecognizedTable): FundTable | undefined {
  const kind = kindOf(t);
  if (!kind || t.template.layout !== 'itemized') return undefined;
  const cached = fundTables.get(t);
  if (cached) return cached;
  const ft: FundTable = { table: t, kind, role: roleOf(t), totalSubs: new Map(), funds: new Map(), repeats: [] };
  const owner = new Map<TableRow, 'total' | FundLine>();
  for (const row of t.rows) {
    let sub = row.ofWhich === true;
    let fundKey: FundKey | undefined;
    let total = false;
    if (!sub && row.code) {
      if (row.code === TOTAL_CODES[kind]) total = true;
      else {
        const f = fundOfCode(row.code, kind);
        if (f && (kind === 'balance' || f.codes[kind] === row.code)) fundKey = f.key;
        else if (f) sub = true;
      }
    } else if (!sub) {
      if (row.parent && owner.has(row.parent) && !fundOfLabel(row.name)) sub = true;
      else if (isTotalName(row.name)) total = true;
      else fundKey = fundOfLabel(row.name)?.key;
    }
    if (sub) {
      let parent = row.parent;
      if (!parent && row.code) {
        const f = fundOfCode(row.code, kind);
        parent = f ? ft.funds.get(f.key)?.row : undefined;
      }
      const o = parent ? owner.get(parent) : undefined;
      if (!o) continue;
      const key = subRowKey(row.name, kind, row.code);
      const map = o === 'total' ? ft.totalSubs : o.subs;
      if (!map.has(key)) map.set(key, row);
      continue;
    }
    if (total && !ft.total) {
      ft.total = row;
      owner.set(row, 'total');
    } else if (total) {
      ft.repeats.push([row, ft.total!]);
    } else if (fundKey && !ft.funds.has(fundKey)) {
      const line = { row, subs: new Map<string, TableRow>() };
      ft.funds.set(fundKey, line);
      owner.set(row, line);
    } else if (fundKey) {
      ft.repeats.push([row, ft.funds.get(fundKey)!.row]);
    }
  }
  fundTables.set(t, ft);
  return ft;
}

const LINE_LABELS: [RegExp, string][] = [
  [/上年结余/, '11008'],
  [/上级补助/, '11017'],
  [/下级上解/, '11018'],
  [/补助下级/, '23018'],
  [/上解上级/, '23019'],
  [/年终结余|年末(?:累计|滚存)?结余/, '23009'],
];

const balanceSheets = new WeakMap<RecognizedTable, BalanceSheet>();

/** The 收支平衡表 resolved to its lines (by code, else by name). */
export function balanceSheet(t: RecognizedTable): BalanceSheet | undefined {
  if (t.template.table !== 'si.balanceSheet') return undefined;
  const cached = balanceSheets.get(t);
  if (cached) return cached;
  const panel = (): BalanceSheetPanel => ({ funds: new Map(), lines: new Map() });
  const bs: BalanceSheet = { table: t, income: panel(), expense: panel() };
  for (const row of t.rows) {
    if (!row.panel) continue;
    const p = bs[row.panel];
    const kind: FundTableKind = row.panel;
    const n = stripNumbering(normalizeLabel(row.name));
    let code = row.code;
    if (!code) {
      const fund = fundOfLabel(n);
      if (fund) code = fund.codes[kind];
      else if (/总计$/.test(n)) {
        if (!p.grand) p.grand = row;
        continue;
      } else if (/合计$/.test(n)) code = TOTAL_CODES[kind];
      else code = LINE_LABELS.find(([re]) => re.test(n))?.[1];
    }
    if (!code) continue;
    if (code === TOTAL_CODES[kind]) p.total ??= row;
    else if (code in BALANCE_SHEET_NAMES) {
      if (!p.lines.has(code)) p.lines.set(code, row);
    } else {
      const f = FUNDS.find((x) => x.codes[kind] === code);
      if (f && !p.funds.has(f.key)) p.funds.set(f.key, row);
    }
  }
  balanceSheets.set(t, bs);
  return bs;
}

/** Semantic keys of a fund table's rows: `total`, `total/premium`, `fund:civil`, `fund:civil/premium`. */
export function semanticRows(ft: FundTable): Map<string, TableRow> {
  const m = new Map<string, TableRow>();
  if (ft.total) m.set('total', ft.total);
  for (const [k, row] of ft.totalSubs) m.set(`total/${k}`, row);
  for (const [f, line] of ft.funds) {
    m.set(`fund:${f}`, line.row);
    for (const [k, row] of line.subs) m.set(`fund:${f}/${k}`, row);
  }
  return m;
}

/** Semantic keys of a 平衡表's rows: `income:102`, `income:fund:civil`, `expense:23009`, `income:grand`. */
export function semanticSheetRows(bs: BalanceSheet): Map<string, TableRow> {
  const m = new Map<string, TableRow>();
  for (const panel of ['income', 'expense'] as const) {
    const p = bs[panel];
    if (p.total) m.set(`${panel}:total`, p.total);
    for (const [f, row] of p.funds) m.set(`${panel}:fund:${f}`, row);
    for (const [code, row] of p.lines) m.set(`${panel}:${code}`, row);
    if (p.grand) m.set(`${panel}:grand`, p.grand);
  }
  return m;
}

const packageCache = new WeakMap<readonly RecognizedTable[], SiPackage[]>();

/**
 * The SI tables grouped into packages by budget year and scope. A table without a year joins the
 * one package of its scope when there is exactly one. The first table of a kind wins.
 */
export function siPackages(ctx: Pick<RuleContextApi, 'tables'>): SiPackage[] {
  const cached = packageCache.get(ctx.tables);
  if (cached) return cached;
  const byKey = new Map<string, SiPackage>();
  const tables = ctx.tables.filter(isSiTable);
  const keyed = tables.map((t) => ({ t, year: yearOf(t), scope: scopeOf(t) }));
  const years = new Map<SiScope, Set<number>>();
  for (const k of keyed)
    if (k.year !== undefined) (years.get(k.scope) ?? years.set(k.scope, new Set()).get(k.scope)!).add(k.year);
  for (const k of keyed) {
    const known = years.get(k.scope);
    const year = k.year ?? (known && known.size === 1 ? [...known][0] : undefined);
    const key = `${year ?? '?'}|${k.scope}`;
    let pkg = byKey.get(key);
    if (!pkg) byKey.set(key, (pkg = { year, scope: k.scope, plan: {}, exec: {} }));
    const bs = balanceSheet(k.t);
    if (bs) {
      pkg.balanceSheet ??= bs;
      continue;
    }
    const ft = fundTable(k.t);
    if (!ft) continue;
    const slot = ft.role === 'exec' ? pkg.exec : pkg.plan;
    slot[ft.kind] ??= ft;
  }
  const out = [...byKey.values()];
  packageCache.set(ctx.tables, out);
  return out;
}

/** Every itemized SI table (packaged or not), resolved. */
export function allFundTables(ctx: Pick<RuleContextApi, 'tables'>): FundTable[] {
  return ctx.tables.map((t) => (isSiTable(t) ? fundTable(t) : undefined)).filter((x): x is FundTable => !!x);
}

/** Amount column keys of a table without the percent column. */
export function moneyKeys(t: RecognizedTable): string[] {
  return t.template.columns
    .filter((c) => c.role === 'amount' && c.key !== 'pct' && t.columns.has(c.key))
    .map((c) => c.key);
}

export function cellOf(row: TableRow | undefined, key: string): AmountCell | undefined {
  return row?.amounts.get(key);
}

export function hasValue(cell: AmountCell | undefined): cell is AmountCell & { value: Decimal } {
  return !!cell && cell.value !== null && !cell.invalid && !cell.uncalculated;
}

/** Other lines whose amount may explain a difference: `{label, value}`. */
export interface Candidate {
  label: BilingualText;
  value: Decimal;
  /** Decimals it is shown with. */
  decimals: number;
}

/** The 平衡表's transfer lines of a period (上级补助, 下级上解, 补助下级, 上解上级) as candidates. */
/**
 * The 平衡表's transfer lines, with their sign in a roll-forward: 11017 上级补助收入 + 11018 下级上解收入
 * − 23018 补助下级支出 − 23019 上解上级支出 (SI-5, the fill's roll-forward, the hints).
 */
export const TRANSFER_LINES: readonly (readonly [panel: 'income' | 'expense', code: string, negate: boolean])[] = [
  ['income', '11017', false],
  ['income', '11018', false],
  ['expense', '23018', true],
  ['expense', '23019', true],
];

export function transferCandidates(pkg: SiPackage, period: 'P' | 'C'): Candidate[] {
  const bs = pkg.balanceSheet;
  if (!bs) return [];
  const out: Candidate[] = [];
  for (const [panel, code] of TRANSFER_LINES) {
    const cell = cellOf(bs[panel].lines.get(code), SHEET_COLUMNS[period][panel]);
    if (hasValue(cell) && !cell.value.isZero()) {
      const n = BALANCE_SHEET_NAMES[code];
      const tn = tableName(bs.table);
      out.push({
        label: { zh: `${tn.zh} ${code} ${n.zh}`, en: `${tn.en} ${code} ${n.en}` },
        value: cell.value,
        decimals: cell.decimals,
      });
    }
  }
  return out;
}

/** A hint function for checkSum: says so when the difference is exactly one candidate's amount. */
export function equalsLineHint(candidates: readonly Candidate[]): (difference: Decimal) => Hint | undefined {
  return (difference) => {
    if (difference.isZero()) return undefined;
    const hit = candidates.find((c) => !c.value.isZero() && c.value.abs().eq(difference.abs()));
    if (!hit) return undefined;
    const decimals = Math.min(hit.decimals, 6);
    const amount = formatAmount(hit.value.abs(), { decimals });
    const diff = formatAmount(difference.abs(), { decimals });
    return hintMessage('si.equalsLine', { difference: diff, line: hit.label, amount });
  };
}

/** A table's amount in 万元 (for comparisons across tables in different units). */
export function inWan(t: RecognizedTable, v: Decimal): Decimal {
  return t.unit === '万元' ? v : v.times(UNIT_FACTOR[t.unit]);
}

/** A fund's short name for messages. */
export function fundName(key: FundKey): BilingualText {
  return FUNDS.find((f) => f.key === key)!.name;
}
