/**
 * Single-cell mutations of the clean real tables (test/fixtures/real) under structure inference
 * alone: +1, ×10, two digits swapped, −0.1 on every printed amount; how many are reported, how many
 * at the mutated cell, how many as 错误. Shared by src/infer/infer.test.ts (floors asserted) and
 * bench/infer.bench.ts (the figure written to bench/RESULTS.md).
 */
import { a1, sheetRef } from '../../src/workbook/model';
import { EXPECTED } from '../fixtures/real/expected';
import { layOutTable, LaidOutTable, RealCellRef } from './real-layout';
import { inferOnly } from './infer-only';

export { inferOnly };

/** The inferred within-table checks the mutation figures count. */
export const G = /^G[1-4]$/;

/** The tables of the laid-out real packages with no known discrepancy. */
export function cleanRealTables(laid: { tables: LaidOutTable[] }[]): LaidOutTable[] {
  const dirty = new Set(EXPECTED.map((e) => e.table));
  return laid.flatMap((l) => l.tables).filter((t) => !dirty.has(t.table.id));
}

type Mutation = { name: string; apply: (printed: string) => string | undefined };

const cents = (s: string) => Math.round(Number(s.replace(/,/g, '')) * 100);
const fromCents = (k: number) => (k / 100).toFixed(2);

const MUTATIONS: Mutation[] = [
  { name: '+1', apply: (s) => fromCents(cents(s) + 100) },
  { name: '×10', apply: (s) => (cents(s) === 0 ? undefined : fromCents(cents(s) * 10)) },
  {
    name: 'swap',
    apply: (s) => {
      const d = String(Math.abs(cents(s)));
      for (let i = 0; i + 1 < d.length; i++) {
        if (d[i] !== d[i + 1] && !(i === 0 && d[i + 1] === '0')) {
          return fromCents(Number(d.slice(0, i) + d[i + 1] + d[i] + d.slice(i + 2)));
        }
      }
      return undefined;
    },
  },
  { name: '−0.1', apply: (s) => fromCents(cents(s) - 10) },
];

export function measureMutations(tables: LaidOutTable[]) {
  const stats = new Map<string, { n: number; reported: number; atCell: number; errors: number }>();
  for (const t of tables) {
    const base = new Set(inferOnly({ sheets: [t.sheet] }).map((f) => `${f.rule}|${f.cell}|${f.message}`));
    const targets = t.cells.filter((c: RealCellRef) => /^-?[\d,]+(\.\d+)?$/.test(c.printed));
    for (const cell of targets) {
      for (const m of MUTATIONS) {
        const v = m.apply(cell.printed);
        if (v === undefined || cents(v) === cents(cell.printed)) continue;
        const copy = structuredClone(t.table);
        copy.panels[cell.panel].rows[cell.row].amounts[cell.col] = v;
        const sheet = layOutTable(copy).sheet;
        const found = inferOnly({ sheets: [sheet] }).filter(
          (f) => G.test(f.rule) && !base.has(`${f.rule}|${f.cell}|${f.message}`),
        );
        const ref = sheetRef(sheet.name, cell.r, cell.c);
        const here = a1(cell.r, cell.c);
        const s = stats.get(m.name) ?? { n: 0, reported: 0, atCell: 0, errors: 0 };
        s.n++;
        if (found.some((f) => f.cell === here || f.related.includes(ref))) s.reported++;
        if (found.some((f) => f.cell === here)) s.atCell++;
        if (found.some((f) => f.severity === 'error')) s.errors++;
        stats.set(m.name, s);
      }
    }
  }
  return stats;
}

const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;

/** Totals over the mutation kinds, and one printable line per kind and for all. */
export function summarise(stats: ReturnType<typeof measureMutations>) {
  let n = 0;
  let reported = 0;
  let atCell = 0;
  let errors = 0;
  const lines: string[] = [];
  for (const [name, s] of stats) {
    n += s.n;
    reported += s.reported;
    atCell += s.atCell;
    errors += s.errors;
    lines.push(
      `${name}: ${s.n} mutations, reported ${pct(s.reported, s.n)}, at the cell ${pct(s.atCell, s.n)}, as 错误 ${pct(s.errors, s.n)}`,
    );
  }
  lines.push(
    `all: ${n} mutations, reported ${pct(reported, n)}, at the cell ${pct(atCell, n)}, as 错误 ${pct(errors, n)}`,
  );
  return { n, reported, atCell, errors, lines };
}
