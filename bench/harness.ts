/** Small timing helpers for `npm run bench`. Timings are compared only as ratios within one run. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';

export interface Row {
  suite: string;
  case: string;
  n: number;
  ms: number;
  perSecond?: number;
  ratio?: number;
  note?: string;
  [extra: string]: string | number | undefined;
}

const bundles = new Map<string, string>();

/**
 * A bench entry (a .ts file in bench/) as compiled JavaScript, bundled once per run with the
 * esbuild tsx carries, to run under plain node: the code as it ships (the CLI is compiled by tsc,
 * the add-in bundled by webpack), without the tsx loader, which makes every import between
 * modules a getter call and alone adds 30–50 MiB to a process's RSS.
 */
export function bundled(entry: string): string {
  const known = bundles.get(entry);
  if (known) return known;
  const out = path.join(os.tmpdir(), `bench-${path.basename(entry, '.ts')}-${process.pid}.js`);
  const root = path.join(__dirname, '..');
  const esbuild = spawnSync(
    path.join(root, 'node_modules', '.bin', 'esbuild'),
    [path.join(__dirname, entry), '--bundle', '--platform=node', '--log-level=error', `--outfile=${out}`],
    { encoding: 'utf8' },
  );
  if (esbuild.status !== 0) throw new Error(`esbuild failed: ${esbuild.stderr}`);
  process.on('exit', () => fs.rmSync(out, { force: true }));
  bundles.set(entry, out);
  return out;
}

/** Runs fn `repeat` times after one warm-up and returns the best time in ms. */
export function time(fn: () => unknown, repeat = 3): number {
  fn();
  let best = Infinity;
  for (let i = 0; i < repeat; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    best = Math.min(best, ms);
  }
  return best;
}

/** A deterministic pseudo-random generator (mulberry32), so every run measures the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function machine(): Record<string, string | number> {
  return {
    node: process.version,
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    // The machine is shared: the 1-minute load average says how loaded it was when the run ended.
    load: os.loadavg()[0].toFixed(1),
    date: new Date().toISOString(),
  };
}

export function writeResults(rows: Row[], file = path.join(__dirname, 'results.json')): void {
  const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { rows: Row[] }) : { rows: [] };
  const suites = new Set(rows.map((r) => r.suite));
  const kept = previous.rows.filter((r) => !suites.has(r.suite));
  // Each row says which run it came from (rows of suites not run this time are kept as they were).
  const m = machine();
  const run = `${String(m.date).slice(0, 16).replace('T', ' ')} UTC, load ${m.load}`;
  const all = [...kept, ...rows.map((r) => ({ ...r, run: r.run ?? run }))];
  // Hand-written notes on the figures live in bench/NOTES.md and are appended to RESULTS.md.
  const notesFile = path.join(path.dirname(file), 'NOTES.md');
  const notes = fs.existsSync(notesFile) ? fs.readFileSync(notesFile, 'utf8') : '';
  fs.writeFileSync(file, JSON.stringify({ machine: machine(), rows: all }, null, 2) + '\n');
  const md = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (bench/run.ts). Compare timings only as ratios within one run (the `run` column): the machine is shared.',
    '',
    `Last run: ${Object.entries(m)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '',
    '| suite | case | n | ms | per second | ratio | note | run |',
    '| --- | --- | ---: | ---: | ---: | ---: | --- | --- |',
    ...all.map(
      (r) =>
        `| ${r.suite} | ${r.case} | ${r.n.toLocaleString('en-US')} | ${r.ms.toFixed(1)} | ${
          r.perSecond ? Math.round(r.perSecond).toLocaleString('en-US') : ''
        } | ${r.ratio !== undefined ? r.ratio.toFixed(2) : ''} | ${r.note ?? ''} | ${r.run ?? ''} |`,
    ),
    '',
    notes,
  ].join('\n');
  fs.writeFileSync(path.join(path.dirname(file), 'RESULTS.md'), md);
}

/**
 * Two computations that allocate alike (one small array per row), run alternately `rounds` times
 * after a warm-up of each: both then meet the same heap and the same garbage-collector state,
 * which dominates at these sizes. Returns the median time of each, in ms — or, with `mean`, the
 * mean: when a run's time is mostly the collection its allocation triggers (one array per row),
 * a pause lands on one run or the next, the times are bimodal and their median flips between the
 * modes from one run of the bench to the next, while the mean charges each side the collections
 * its own allocation caused.
 */
export function paired(
  a: () => unknown,
  b: () => unknown,
  rounds: number,
  statistic: 'median' | 'mean' = 'median',
): [number, number] {
  a();
  b();
  const ta: number[] = [];
  const tb: number[] = [];
  const once = (f: () => unknown) => {
    const t0 = process.hrtime.bigint();
    f();
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  for (let i = 0; i < rounds; i++) {
    ta.push(once(a));
    tb.push(once(b));
  }
  const median = (xs: number[]) => xs.slice().sort((x, y) => x - y)[xs.length >> 1];
  const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
  const stat = statistic === 'mean' ? mean : median;
  return [stat(ta), stat(tb)];
}
