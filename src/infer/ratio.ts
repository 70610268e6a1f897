/**
 * G5 percent and ratio columns: a column whose header names a percent (`%`, 比重, 增长率, 完成率,
 * 进度…) is one amount column over another (`预算数为上年完成数的%` = 2024 ÷ 2023) or a growth
 * (`增长率` = (本年 − 上年) ÷ 上年). Which two columns, and how the percent is written (98%, 0.98,
 * 98), is found by trying every candidate on the data: the one the most filled rows agree with at
 * the printed rounding, when it agrees with more rows than it fails and with at least two (two
 * columns agreeing alike, such as two equal columns: the pair nearest the percent column).
 *
 * The search runs on floating-point numbers over at most SAMPLE filled rows; the chosen identity is
 * then checked on every row with exact decimals: a plain ratio in the percent's own reading through
 * the engine's `checkPercent` (the same check as an audit formula `% = A ÷ B`, so a saved pack
 * reproduces it), a growth or a percent written in points here, with the same interval rule.
 */
import { Decimal } from '../amount/decimal';
import { formatAmount } from '../amount/format';
import { checkPercent, readPercent } from '../engine/percent';
import { Finding, Rule, RuleContextApi } from '../engine/types';
import { findingMessage, message } from '../i18n/messages';
import { AmountCell, RecognizedTable, TableRow } from '../recognize/types';
import { a1, sheetRef } from '../workbook/model';
import { Instance } from './structure';
import { InferredColumn, InferredPanel, InferredRow, InferredTable } from './table';

export type RatioKind = 'ratio' | 'growth';
/** How the percent cells are read: as the engine reads them, or a plain number as points (3.5 = 3.5%). */
export type RatioReading = 'engine' | 'points';

export interface RatioIdentity {
  kind: RatioKind;
  reading: RatioReading;
  pct: InferredColumn;
  num: InferredColumn;
  den: InferredColumn;
  /** Percent decimals the column shows (most of its cells). */
  precision: number;
}

type Status = 'equal' | 'rounding' | 'mismatch' | 'skipped';

const SAMPLE = 60;

const usable = (c: AmountCell | undefined): c is AmountCell & { value: Decimal } =>
  !!c && c.value !== null && !c.invalid && !c.uncalculated;

/** The percent as a fraction and its shown decimals (of the fraction's percent), in one reading. */
function percentIn(t: InferredTable, cell: AmountCell, reading: RatioReading) {
  if (!usable(cell)) return undefined;
  const z = t.sheet.rows[cell.r]?.[cell.c]?.z;
  const marked = typeof cell.raw === 'string' ? /%\s*$/.test(cell.raw) : !!z && /%/.test(z.replace(/"[^"]*"/g, ''));
  if (reading === 'points' && !marked) return { value: cell.value.div(100), decimals: cell.decimals };
  return readPercent(cell, z);
}

function precisionOf(t: InferredTable, rows: InferredRow[], col: InferredColumn, reading: RatioReading): number {
  const counts = new Map<number, number>();
  for (const row of rows) {
    const cell = row.cells.get(col.c);
    const p = cell ? percentIn(t, cell, reading) : undefined;
    if (p && p.decimals <= 2) counts.set(p.decimals, (counts.get(p.decimals) ?? 0) + 1);
  }
  let best = 2;
  let n = 0;
  for (const [d, k] of counts) if (k > n || (k === n && d > best)) [best, n] = [d, k];
  return best;
}

const half = (decimals: number) => 0.5 * 10 ** -decimals;
const roundTo = (x: number, d: number) => (Math.sign(x) * Math.round(Math.abs(x) * 10 ** d + 1e-9)) / 10 ** d;

/** A quick float test of one row (the candidate search). */
function quick(
  kind: RatioKind,
  p: { value: Decimal; decimals: number } | undefined,
  num: AmountCell,
  den: AmountCell,
  precision: number,
): Status {
  if (!p || !usable(num) || !usable(den) || den.value.isZero()) return 'skipped';
  const a = num.value.toNumber();
  const b = den.value.toNumber();
  const d = Math.min(p.decimals, precision) + 2;
  const shown = roundTo(p.value.toNumber(), d);
  const f = (x: number, y: number) => (kind === 'ratio' ? x / y : (x - y) / y);
  if (Math.abs(roundTo(f(a, b), d) - shown) < 1e-12) return 'equal';
  const ha = half(num.decimals);
  const hb = half(den.decimals);
  if (Math.abs(b) <= hb) return 'skipped';
  const corners = [f(a - ha, b - hb), f(a - ha, b + hb), f(a + ha, b - hb), f(a + ha, b + hb)].map((x) =>
    roundTo(x, d),
  );
  if (kind === 'growth') {
    // (a − b) / b = a / b − 1: the same box, a and b both free
    corners.push(roundTo((a - ha) / (b + hb) - 1, d), roundTo((a + ha) / (b - hb) - 1, d));
  }
  const lo = Math.min(...corners);
  const hi = Math.max(...corners);
  return shown >= lo - 1e-12 && shown <= hi + 1e-12 ? 'rounding' : 'mismatch';
}

export interface RatioResult {
  identity: RatioIdentity;
  instances: Instance[];
  statuses: Status[];
  findings: (Finding | undefined)[];
  /** Rows agreeing with it in the search, and failing. */
  holds: number;
  fails: number;
  text: string;
}

const colLabel = (c: InferredColumn) => c.path.join('/') || `第${c.c + 1}列`;
const rowLabel = (r: InferredRow) =>
  (r.code && !r.norm.startsWith(r.code) ? `${r.code} ${r.norm}` : r.norm) || `第${r.r + 1}行`;

/** The best candidate for one percent column of a panel, evaluated on every row; undefined if none fits. */
export function inferRatio(
  ctx: RuleContextApi,
  t: InferredTable,
  panel: InferredPanel,
  pct: InferredColumn,
  rule: Rule,
): RatioResult | undefined {
  const rows = panel.rows.filter((r) => usable(r.cells.get(pct.c)));
  if (rows.length === 0) return undefined;
  const sample = rows.slice(0, SAMPLE);
  const cols = panel.ratioCandidates ?? panel.columns;
  let best: { id: RatioIdentity; holds: number; fails: number; failing: string; near: number } | undefined;
  let tie = false;
  for (const reading of ['engine', 'points'] as RatioReading[]) {
    const precision = precisionOf(t, rows, pct, reading);
    const ps = sample.map((r) => percentIn(t, r.cells.get(pct.c)!, reading));
    // a percent written in points is never read so when the engine reads it the same way
    if (
      reading === 'points' &&
      ps.every((p, k) => !p || p.value.eq(percentIn(t, sample[k].cells.get(pct.c)!, 'engine')!.value))
    )
      continue;
    for (const kind of ['ratio', 'growth'] as RatioKind[]) {
      for (const num of cols) {
        for (const den of cols) {
          if (num === den) continue;
          let holds = 0;
          let fails = 0;
          const failing: number[] = [];
          sample.forEach((row, k) => {
            const s = quick(kind, ps[k], row.cells.get(num.c)!, row.cells.get(den.c)!, precision);
            if (s === 'equal' || s === 'rounding') holds++;
            else if (s === 'mismatch') {
              fails++;
              failing.push(row.r);
            }
          });
          if (holds < 2 || fails >= holds) continue;
          const id: RatioIdentity = { kind, reading, pct, num, den, precision };
          const key = failing.join(',');
          const near = Math.abs(pct.c - num.c) + Math.abs(pct.c - den.c);
          if (!best || holds > best.holds) {
            best = { id, holds, fails, failing: key, near };
            tie = false;
          } else if (holds === best.holds && key !== best.failing) tie = true;
          else if (holds === best.holds && near < best.near) best = { id, holds, fails, failing: key, near };
        }
      }
    }
  }
  if (!best || tie) return undefined;
  return evaluateRatio(ctx, t, panel, best.id, rule, best.holds, best.fails);
}

function evaluateRatio(
  ctx: RuleContextApi,
  t: InferredTable,
  panel: InferredPanel,
  id: RatioIdentity,
  rule: Rule,
  holds: number,
  fails: number,
): RatioResult {
  const text =
    id.kind === 'ratio'
      ? `${colLabel(id.pct)} = ${colLabel(id.num)} ÷ ${colLabel(id.den)}`
      : `${colLabel(id.pct)} = (${colLabel(id.num)} − ${colLabel(id.den)}) ÷ ${colLabel(id.den)}`;
  const instances: Instance[] = [];
  const statuses: Status[] = [];
  const findings: (Finding | undefined)[] = [];
  const fake = { sheet: t.sheet, unit: t.unit } as unknown as RecognizedTable;
  const notApplicable = blankRuns(panel.rows, id);
  for (const row of panel.rows) {
    const pc = row.cells.get(id.pct.c);
    const nc = row.cells.get(id.num.c);
    const dc = row.cells.get(id.den.c);
    if (!pc || !nc || !dc || notApplicable.has(row)) continue;
    const where = `${rowLabel(row)} ${colLabel(id.pct)}`;
    instances.push({
      target: { cell: pc, label: colLabel(id.pct) },
      items: [
        { cell: nc, label: colLabel(id.num) },
        { cell: dc, label: colLabel(id.den) },
      ],
      where,
    });
    const p = percentIn(t, pc, id.reading);
    const status = quick(id.kind, p, nc, dc, id.precision);
    statuses.push(status);
    if (id.kind === 'ratio' && id.reading === 'engine') {
      // the engine's own percent check: what an audit formula `% = A ÷ B` reports
      let got: Finding | undefined;
      const api: RuleContextApi = { ...ctx, report: (f) => (got = f), tablesOf: ctx.tablesOf, table: ctx.table };
      const tr = {
        amounts: new Map([
          ['pct', pc],
          ['num', nc],
          ['den', dc],
        ]),
      } as unknown as TableRow;
      checkPercent(api, {
        rule,
        table: fake,
        row: tr,
        pct: 'pct',
        num: 'num',
        den: 'den',
        precision: id.precision,
        where: { zh: `${t.sheet.name} ${where}`, en: `${t.sheet.name} ${where}` },
        denName: { zh: colLabel(id.den), en: colLabel(id.den) },
      });
      findings.push(got);
      continue;
    }
    findings.push(
      status === 'mismatch' || status === 'rounding'
        ? ownFinding(
            t,
            id,
            p!,
            pc,
            nc as AmountCell & { value: Decimal },
            dc as AmountCell & { value: Decimal },
            where,
            status,
          )
        : undefined,
    );
  }
  return { identity: id, instances, statuses, findings, holds, fails, text };
}

/** Rows in a run of at least this many with both amounts and no percent: a part the percent does not apply to. */
const BLANK_RUN = 3;

/**
 * The rows of a panel where the percent column is left blank on purpose: a run of BLANK_RUN or more
 * consecutive rows with both amounts and no percent (the 期初余额/期末余额 lines of a fund execution
 * table under its 进度 and 增长 columns). An isolated blank among filled percents stays a missing
 * percent (警告).
 */
function blankRuns(rows: readonly InferredRow[], id: RatioIdentity): Set<InferredRow> {
  const out = new Set<InferredRow>();
  let run: InferredRow[] = [];
  const close = () => {
    if (run.length >= BLANK_RUN) for (const r of run) out.add(r);
    run = [];
  };
  for (const row of rows) {
    const pc = row.cells.get(id.pct.c);
    const blank = (!pc || pc.value === null) && usable(row.cells.get(id.num.c)) && usable(row.cells.get(id.den.c));
    if (blank) run.push(row);
    else if (pc && pc.value !== null) close();
  }
  close();
  return out;
}

function ownFinding(
  t: InferredTable,
  id: RatioIdentity,
  p: { value: Decimal; decimals: number },
  pc: AmountCell,
  nc: AmountCell & { value: Decimal },
  dc: AmountCell & { value: Decimal },
  where: string,
  status: Status,
): Finding {
  const d = Math.min(p.decimals, id.precision);
  const q = id.kind === 'ratio' ? nc.value.div(dc.value) : nc.value.minus(dc.value).div(dc.value);
  const expected = q.toDecimalPlaces(d + 2, Decimal.ROUND_HALF_UP);
  const shown = (v: Decimal) => `${formatAmount(v.times(100), { decimals: d, grouping: false })}%`;
  const params = {
    where: `${t.sheet.name} ${where}`,
    actual: shown(p.value),
    num: formatAmount(nc.value, { decimals: nc.decimals }),
    den: formatAmount(dc.value, { decimals: dc.decimals }),
    expected: shown(expected),
  };
  const r = status === 'rounding' ? message('G5.rounding') : { zh: '', en: '' };
  const key = id.kind === 'ratio' ? 'G5.ratio' : 'G5.growth';
  return {
    rule: 'G5',
    severity: status === 'rounding' ? 'warning' : 'error',
    sheet: t.sheet.name,
    cell: a1(pc.r, pc.c),
    related: [sheetRef(t.sheet.name, nc.r, nc.c), sheetRef(t.sheet.name, dc.r, dc.c)],
    expected: expected.toFixed(),
    actual: p.value.toFixed(),
    difference: p.value.minus(expected).toFixed(),
    ...findingMessage(key, { ...params, rounding: r }),
  };
}
