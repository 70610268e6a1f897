/**
 * G6 balances, where the labels say so:
 *
 * - rows: `本年收支结余 = 本年收入 − 本年支出` and `年末滚存结余 = 上年结余 + 本年收支结余` (in
 *   one panel, or across the 收入 | 支出 panels of a balance table, column by column); without a
 *   收支结余 row, `年末结余 = 上年结余 + 本年收入 − 本年支出` — but only when no other line moves
 *   a balance (结余分配, 使用…结余, 上级补助, 补助下级, 上解, 调入, 调出 …), which the labels
 *   alone cannot place in the identity;
 * - columns: `年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出` in every row, when the header
 *   names the four columns.
 *
 * Exact (the same interval rule as every sum); the confidence is G1's: a balance that fails in one
 * of several columns or rows is an error candidate, one that fails everywhere is dropped.
 */
import type { Identity, Instance } from './structure';
import { InferredColumn, InferredPanel, InferredRow, InferredTable } from './table';

const strip = (s: string) =>
  s
    .replace(/^[一二三四五六七八九十]+[、.．]/, '')
    .replace(/^[(（][一二三四五六七八九十\d]+[)）]/, '')
    .replace(/^\d{1,2}[.、．](?!\d)/, '')
    .replace(/^其中[:：]?/, '');

const OPENING = /^(上年|年初|期初)(滚存|累计)?(结余|余额|结转结余|结转和结余)(收入)?$/;
const INCOME = /^本年收入(合计)?$|^收入合计$/;
const INCOME_SUB = /^本年收入小计$/;
const EXPENSE = /^本年支出(合计)?$|^支出合计$/;
const EXPENSE_SUB = /^本年支出小计$/;
const SURPLUS = /^(本年|当年)(收支)?结余$/;
const CLOSING = /^(年末|期末)(滚存|累计)?(结余|余额|结转结余|结转和结余)$|^年终结余$/;
/** Lines that move a balance in a way the labels cannot place: the plain roll-forward is not inferred beside them. */
const MOVES = /结余分配|使用.*结余|上级补助|下级上解|补助下级|上解上级|调入|调出|转入|转出|弥补|提取/;

interface Found {
  row: InferredRow;
  panel: number;
}

function findRow(table: InferredTable, re: RegExp, fallback?: RegExp): Found | undefined {
  const pick = (r: RegExp) => {
    const hits: Found[] = [];
    table.panels.forEach((p, k) => {
      for (const row of p.rows) if (!row.code && r.test(strip(row.norm))) hits.push({ row, panel: k });
    });
    return hits.length === 1 ? hits[0] : undefined;
  };
  return pick(re) ?? (fallback ? pick(fallback) : undefined);
}

const rowLabel = (r: InferredRow) => r.norm || `第${r.r + 1}行`;
const colFull = (c: InferredColumn) => c.path.join('/');

/**
 * The columns the panels share position by position (a balance table's 收入 | 支出 panels print
 * the same measures), or undefined when they do not.
 */
function sharedColumns(table: InferredTable, panels: number[]): InferredColumn[][] | undefined {
  const ps = [...new Set(panels)].map((k) => table.panels[k]);
  const n = ps[0].columns.length;
  if (ps.some((p) => p.columns.length !== n) || n === 0) return undefined;
  const leaf = (c: InferredColumn) => c.path[c.path.length - 1] ?? '';
  for (let j = 0; j < n; j++) if (ps.some((p) => leaf(p.columns[j]) !== leaf(ps[0].columns[j]))) return undefined;
  return Array.from({ length: n }, (_, j) => ps.map((p) => p.columns[j]));
}

/** A row identity `target = Σ ±terms`, column by column across the panels it spans. */
function rowBalance(table: InferredTable, target: Found, terms: { f: Found; sign: 1 | -1 }[]): Identity | undefined {
  const all = [target, ...terms.map((t) => t.f)];
  const panels = all.map((x) => x.panel);
  const shared = sharedColumns(table, panels);
  if (!shared) return undefined;
  const order = [...new Set(panels)];
  const colOf = (j: number, panel: number) => shared[j][order.indexOf(panel)];
  const instances: Instance[] = shared.map((_, j) => ({
    target: { cell: target.row.cells.get(colOf(j, target.panel).c)!, label: rowLabel(target.row) },
    items: terms.map((t) => ({
      cell: t.f.row.cells.get(colOf(j, t.f.panel).c)!,
      label: rowLabel(t.f.row),
      ...(t.sign === -1 ? { negate: true } : {}),
    })),
    where: `${rowLabel(target.row)} ${colFull(colOf(j, target.panel))}`,
  }));
  if (instances.some((i) => !i.target.cell || i.items.some((x) => !x.cell))) return undefined;
  const text = `${rowLabel(target.row)} = ${terms
    .map((t, k) => `${k === 0 ? (t.sign === -1 ? '− ' : '') : t.sign === -1 ? '− ' : '+ '}${rowLabel(t.f.row)}`)
    .join(' ')}`;
  return { rule: 'G6', panel: target.panel, text, instances };
}

function rowBalances(table: InferredTable): Identity[] {
  const out: Identity[] = [];
  const income = findRow(table, INCOME, INCOME_SUB);
  const expense = findRow(table, EXPENSE, EXPENSE_SUB);
  const surplus = findRow(table, SURPLUS);
  const opening = findRow(table, OPENING);
  const closing = findRow(table, CLOSING);
  const push = (x: Identity | undefined) => x && out.push(x);
  if (surplus && income && expense)
    push(
      rowBalance(table, surplus, [
        { f: income, sign: 1 },
        { f: expense, sign: -1 },
      ]),
    );
  if (closing && opening && surplus)
    push(
      rowBalance(table, closing, [
        { f: opening, sign: 1 },
        { f: surplus, sign: 1 },
      ]),
    );
  else if (closing && opening && income && expense && !surplus) {
    const moves = table.panels.some((p) => p.rows.some((r) => MOVES.test(r.norm)));
    if (!moves)
      push(
        rowBalance(table, closing, [
          { f: opening, sign: 1 },
          { f: income, sign: 1 },
          { f: expense, sign: -1 },
        ]),
      );
  }
  return out;
}

/** The one column of a panel whose header path names a role (the group's 合计/小计 when it has several). */
function findColumn(panel: InferredPanel, re: RegExp): InferredColumn | undefined {
  const hits = panel.columns.filter((c) => c.path.some((p) => re.test(strip(p))));
  if (hits.length <= 1) return hits[0];
  const totals = hits.filter((c) => /^(合计|小计)$/.test(c.path[c.path.length - 1] ?? ''));
  return totals.length === 1 ? totals[0] : undefined;
}

function columnBalances(table: InferredTable): Identity[] {
  const out: Identity[] = [];
  table.panels.forEach((panel, k) => {
    const o = findColumn(panel, OPENING);
    const c = findColumn(panel, CLOSING);
    const i = findColumn(panel, INCOME);
    const e = findColumn(panel, EXPENSE);
    if (!o || !c || !i || !e || new Set([o, c, i, e]).size < 4) return;
    if (panel.columns.some((x) => x.path.some((p) => MOVES.test(p)))) return;
    const instances: Instance[] = panel.rows
      .filter((r) => [...r.cells.values()].some((x) => x.value !== null))
      .map((row) => ({
        target: { cell: row.cells.get(c.c)!, label: colFull(c) },
        items: [
          { cell: row.cells.get(o.c)!, label: colFull(o) },
          { cell: row.cells.get(i.c)!, label: colFull(i) },
          { cell: row.cells.get(e.c)!, label: colFull(e), negate: true },
        ],
        where: `${(row.code && !row.norm.startsWith(row.code) ? `${row.code} ` : '') + (row.norm || `第${row.r + 1}行`)} ${colFull(c)}`,
      }));
    if (instances.length === 0) return;
    out.push({
      rule: 'G6',
      panel: k,
      text: `${colFull(c)} = ${colFull(o)} + ${colFull(i)} − ${colFull(e)}`,
      instances,
      balanceColumns: { target: c.c, items: [o.c, i.c, e.c], signs: [1, 1, -1] },
    });
  });
  return out;
}

/** Every G6 balance of a table. */
export function balanceIdentities(table: InferredTable): Identity[] {
  return [...rowBalances(table), ...columnBalances(table)];
}
