/**
 * Structure inference on a found table: from labels, numbering, 其中 markers, codes and header
 * paths, the identities a reviewer would check by eye. Each identity lists its instances (one per
 * column for a row identity, one per row for a column identity); nothing is evaluated here.
 *
 * - G1 row totals: a 合计/总计/小计 row = the rows it closes (the top-level rows since the
 *   previous total, plus that total; in a coded panel, the shortest codes); a row followed by
 *   numbered rows one level deeper (一、 over 1. 2. 3.; a heading over 一、二、三、) = those rows.
 * - G2 column totals: a 合计/小计 column = its siblings under the same group header (a sibling
 *   group with its own 小计 column counts by that column).
 * - G3 其中 limits: each 其中 row (and the rows continuing it) ≤ the row it breaks down.
 * - G4 code hierarchy: a 3- or 5-digit code = Σ the codes two digits longer under it.
 * - G6 balances (balance.ts), from labels; G5 percent columns are found on the data (ratio.ts).
 */
import { AmountCell } from '../recognize/types';
import { InferredColumn, InferredPanel, InferredRow, InferredTable } from './table';
import { balanceIdentities } from './balance';

export type InferredRule = 'G1' | 'G2' | 'G3' | 'G4' | 'G5' | 'G6';

export interface InstanceOperand {
  cell: AmountCell;
  /** Subtracted (G6: − 本年支出). */
  negate?: boolean;
  /** `本年收入合计`, `201 一般公共服务支出`, `基本支出` — for messages. */
  label: string;
}

export interface Instance {
  target: InstanceOperand;
  items: InstanceOperand[];
  /** Where, for messages: `合计 本年收入合计`. */
  where: string;
}

export interface Identity {
  rule: InferredRule;
  panel: number;
  /** A short statement of the identity: `合计 = 一、… 八、（8 行）`. */
  text: string;
  instances: Instance[];
  /** Other item sets worth trying when the data contradict this one everywhere (G1). */
  alternatives?: Instance[][];
  /** G5: which columns a percent divides, and how (see ratio.ts). */
  ratio?: import('./ratio').RatioIdentity;
  /** G6 by columns: the balance column = ± the others, in every row (for a pack's 每行 formula). */
  balanceColumns?: { target: number; items: number[]; signs: (1 | -1)[] };
}

const L1 = /^[一二三四五六七八九十]+[、.．]/;
const L2 = /^[(（][一二三四五六七八九十]+[)）]/;
const L3 = /^\d{1,2}(?:[.、．](?!\d)|\s)/;
const L4 = /^[(（]\d{1,2}[)）]/;
const OF_WHICH = /^其中[:：]?/;
const TOTAL = /(合计|总计)$/;
const SUBTOTAL = /小计$/;
/** Item sets tried without one item only for totals of at most this many items. */
const MAX_ALTERNATIVES = 12;
const TOTAL_COL = /^(合计|小计|总计)$|合计$/;

/** Numbering level of a label: 1 for 一、, 2 for (一), 3 for 1., 4 for (1); 0 when none. */
export function numberingLevel(norm: string): number {
  if (L1.test(norm)) return 1;
  if (L2.test(norm)) return 2;
  if (L4.test(norm)) return 4;
  if (L3.test(norm)) return 3;
  return 0;
}

function stripNumber(norm: string): string {
  return norm
    .replace(L1, '')
    .replace(L2, '')
    .replace(L4, '')
    .replace(/^\d{1,2}[.、．](?!\d)/, '');
}

export function isTotalRow(row: InferredRow): 'total' | 'subtotal' | undefined {
  if (row.code) return undefined;
  const s = stripNumber(row.norm);
  if (SUBTOTAL.test(s)) return 'subtotal';
  if (TOTAL.test(s)) return 'total';
  return undefined;
}

const shortLabel = (row: InferredRow) =>
  (row.code && !row.norm.startsWith(row.code) ? `${row.code} ${row.norm}` : row.norm) || `第${row.r + 1}行`;
const colLabel = (col: InferredColumn) => col.path[col.path.length - 1] ?? '';
const colFull = (col: InferredColumn) => col.path.join('/');

function listText(labels: string[]): string {
  if (labels.length <= 4) return labels.join(' + ');
  return `${labels[0]} + … + ${labels[labels.length - 1]}（${labels.length} 项）`;
}

/** A row identity applied to every amount column of the panel. */
function rowIdentity(
  rule: InferredRule,
  k: number,
  panel: InferredPanel,
  target: InferredRow,
  items: InferredRow[],
): Identity {
  const inst = (its: InferredRow[]) =>
    panel.columns.map((col) => ({
      target: { cell: target.cells.get(col.c)!, label: shortLabel(target) },
      items: its.map((row) => ({ cell: row.cells.get(col.c)!, label: shortLabel(row) })),
      where: `${shortLabel(target)} ${colFull(col)}`,
    }));
  return {
    rule,
    panel: k,
    text: `${shortLabel(target)} = ${listText(items.map(shortLabel))}`,
    instances: inst(items),
    alternatives:
      rule === 'G1' && items.length >= 3 && items.length <= MAX_ALTERNATIVES
        ? items.map((_, i) => inst(items.filter((_x, j) => j !== i)))
        : undefined,
  };
}

/** Marks the rows of 其中 runs; returns row → the row it breaks down. */
function ofWhichParents(rows: InferredRow[]): Map<InferredRow, InferredRow> {
  const out = new Map<InferredRow, InferredRow>();
  let parent: InferredRow | undefined;
  let run: { parent: InferredRow; indent: number } | undefined;
  for (const row of rows) {
    const n = row.norm;
    if (OF_WHICH.test(n) && parent) {
      run = { parent, indent: row.indent };
      out.set(row, parent);
      continue;
    }
    if (
      run &&
      n &&
      numberingLevel(n) === 0 &&
      !isTotalRow(row) &&
      !row.code &&
      (row.indent >= run.indent || row.indent === 0)
    ) {
      out.set(row, run.parent);
      continue;
    }
    run = undefined;
    parent = row;
  }
  return out;
}

/** A row that is only a not-applicable filler (`×` in the label and every cell). */
function isFiller(row: InferredRow): boolean {
  return (!row.norm || /^[×xX\-—]+$/.test(row.norm)) && [...row.cells.values()].every((c) => c.value === null);
}

function rowIdentities(k: number, panel: InferredPanel): Identity[] {
  const out: Identity[] = [];
  const subOf = ofWhichParents(panel.rows);
  const rows = panel.rows.filter((r) => !isFiller(r));
  // G3: 其中 rows ≤ their parent, every column.
  for (const [child, parent] of subOf) {
    out.push({
      rule: 'G3',
      panel: k,
      text: `${shortLabel(child)} ≤ ${shortLabel(parent)}`,
      instances: panel.columns.map((col) => ({
        target: { cell: parent.cells.get(col.c)!, label: shortLabel(parent) },
        items: [{ cell: child.cells.get(col.c)!, label: shortLabel(child) }],
        where: `${shortLabel(child)} ${colFull(col)}`,
      })),
    });
  }
  const main = rows.filter((r) => !subOf.has(r));
  const coded = main.filter((r) => r.code);
  // G4: code hierarchy, one identity per parent code (they share a confidence: see rules.ts).
  const childrenOf = new Map<string, InferredRow[]>();
  for (const row of coded) {
    const code = row.code!;
    if (code.length <= 3) continue;
    const parent = code.slice(0, -2);
    const list = childrenOf.get(parent) ?? [];
    list.push(row);
    childrenOf.set(parent, list);
  }
  const seen = new Set<string>();
  for (const row of coded) {
    const code = row.code!;
    // a code printed twice (a repeated class line) is checked once
    if (code.length >= 7 || seen.has(code)) continue;
    seen.add(code);
    const children = childrenOf.get(code);
    if (!children) continue;
    out.push(rowIdentity('G4', k, panel, row, children));
  }
  if (coded.length > 0) {
    const shortest = Math.min(...coded.map((r) => r.code!.length));
    const top = coded.filter((r) => r.code!.length === shortest);
    for (const row of main) {
      if (!row.code && isTotalRow(row) && top.length > 0) out.push(rowIdentity('G1', k, panel, row, top));
    }
    return out;
  }
  // Uncoded: numbering tree. Depth: a total row closes, a heading (unnumbered) is depth 0,
  // numbered rows their level.
  const depth = (r: InferredRow) => (isTotalRow(r) ? -1 : numberingLevel(r.norm));
  // A row followed by deeper-numbered rows = those rows (the nearest level below it).
  for (let i = 0; i < main.length; i++) {
    const row = main[i];
    const d = depth(row);
    if (d < 0) continue;
    const kids: InferredRow[] = [];
    let kidDepth = 0;
    for (let j = i + 1; j < main.length; j++) {
      const dj = depth(main[j]);
      if (dj < 0 || dj <= d || (d === 0 && dj === 0)) break;
      if (kidDepth === 0) kidDepth = dj;
      if (dj === kidDepth) kids.push(main[j]);
    }
    if (kids.length >= 2) out.push(rowIdentity('G1', k, panel, row, kids));
  }
  // Totals: the top-level rows since the previous total, plus that total.
  let prev: InferredRow | undefined;
  let since: InferredRow[] = [];
  const subtotals: InferredRow[] = [];
  for (let i = 0; i < main.length; i++) {
    const row = main[i];
    const kind = isTotalRow(row);
    if (!kind) {
      since.push(row);
      continue;
    }
    let items: InferredRow[];
    if (since.length === 0 && subtotals.length >= 2 && kind === 'total') items = [...subtotals];
    else if (since.length === 0 && !prev) {
      // a total first: the rows below it, up to the next total
      const below: InferredRow[] = [];
      for (let j = i + 1; j < main.length && !isTotalRow(main[j]); j++) below.push(main[j]);
      items = topLevel(below, depth);
    } else items = [...(prev ? [prev] : []), ...topLevel(since, depth)];
    if (items.length >= 1 && !(items.length === 1 && items[0] === prev))
      out.push(rowIdentity('G1', k, panel, row, items));
    if (kind === 'subtotal') subtotals.push(row);
    else subtotals.length = 0;
    prev = row;
    since = [];
  }
  return out;
}

/** The rows of a run with no ancestor in the run (the shallowest numbering, and headings). */
function topLevel(run: InferredRow[], depth: (r: InferredRow) => number): InferredRow[] {
  const out: InferredRow[] = [];
  let parentDepth: number | undefined;
  for (const row of run) {
    const d = depth(row);
    if (parentDepth === undefined || d <= parentDepth || (d === 0 && parentDepth === 0)) {
      out.push(row);
      parentDepth = d;
    }
  }
  // Keep only the shallowest kind seen first: a deeper row after a shallower one is its child.
  return out;
}

function columnIdentities(k: number, panel: InferredPanel): Identity[] {
  const out: Identity[] = [];
  const cols = panel.columns;
  for (const x of cols) {
    const L = x.path.findIndex((p) => TOTAL_COL.test(p));
    if (L < 0) continue;
    const prefix = x.path.slice(0, L).join('|');
    const suffix = x.path.slice(L + 1);
    const sibs: InferredColumn[] = [];
    const seenGroups = new Set<string>();
    for (const y of cols) {
      if (y === x || y.path.length <= L || y.path.slice(0, L).join('|') !== prefix || y.path[L] === x.path[L]) continue;
      if (suffix.length && y.path.slice(y.path.length - suffix.length).join('|') !== suffix.join('|')) continue;
      const rest = y.path.slice(L + 1, y.path.length - suffix.length);
      if (rest.length > 0) {
        // inside a group: its own 小计/合计 column stands for it, when there is one
        const group = y.path[L];
        const own = cols.find(
          (z) =>
            z.path.length === y.path.length &&
            z.path.slice(0, L + 1).join('|') === y.path.slice(0, L + 1).join('|') &&
            TOTAL_COL.test(z.path[L + 1]) &&
            z.path.slice(z.path.length - suffix.length).join('|') === suffix.join('|'),
        );
        if (own) {
          if (!seenGroups.has(group)) sibs.push(own);
          seenGroups.add(group);
          continue;
        }
      }
      sibs.push(y);
    }
    if (sibs.length < 2) continue;
    const instances: Instance[] = panel.rows
      .filter((row) => !isFiller(row))
      .map((row) => ({
        target: { cell: row.cells.get(x.c)!, label: colLabel(x) },
        items: sibs.map((s) => ({ cell: row.cells.get(s.c)!, label: s.path.slice(L).join('/') })),
        where: `${shortLabel(row)} ${colFull(x)}`,
      }));
    out.push({ rule: 'G2', panel: k, text: `${colFull(x)} = ${listText(sibs.map(colFull))}`, instances });
  }
  return out;
}

/** A column identity (G2: in every row, by column names). */
export const byColumns = (identity: Identity): boolean => identity.rule === 'G2';
/** An of-which limit (G3: the item ≤ its parent). */
export const isLimit = (identity: Identity): boolean => identity.rule === 'G3';

/** Every identity inferred for the table. */
export function inferIdentities(table: InferredTable): Identity[] {
  return [
    ...table.panels.flatMap((p, k) => [...rowIdentities(k, p), ...columnIdentities(k, p)]),
    ...balanceIdentities(table),
  ];
}
