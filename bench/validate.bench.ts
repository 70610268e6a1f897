/**
 * Validation of synthetic packages (表2 and 表3 with N coded rows, 表1 around them) from the
 * in-memory model and from .xlsx, at 1k, 10k and 100k rows. Goals (issues 3 and 7): 10k rows in
 * under 1 s; validation faster than reading the file; cost growing linearly; peak memory of a
 * fresh process reading and validating the 100k-row package under 1 GB.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { validateWorkbook } from '../src/engine/validate';
import { readWithExcelJs } from '../test/helpers/exceljs-reader';
import { readXlsx } from '../src/xlsx/read';
import { writeXlsx } from '../src/xlsx/write';
import { Row } from './harness';
import { dataRows, syntheticPackage } from './synthetic';

/** Reads and validates the file in a fresh Node process (as the CLI does) and reports its peak RSS. */
function peakMemory(bytes: Uint8Array): { ms: number; peakMiB: number } {
  const file = path.join(os.tmpdir(), `bench-peak-${process.pid}.xlsx`);
  fs.writeFileSync(file, bytes);
  try {
    const out = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'peak-memory.ts'), file], {
      encoding: 'utf8',
      cwd: path.join(__dirname, '..'),
    });
    if (out.status !== 0) throw new Error(`peak-memory run failed: ${out.stderr}`);
    return JSON.parse(out.stdout.trim().split('\n').pop()!) as { ms: number; peakMiB: number };
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
  for (const n of sizes) {
    const model = syntheticPackage(n);
    const actual = dataRows(model);
    // warm-up on a small package once
    if (n === sizes[0]) validateWorkbook(syntheticPackage(200));
    let t0 = process.hrtime.bigint();
    const res = validateWorkbook(model);
    const validateMs = ms(t0);
    if (res.summary.errors || res.findings.some((f) => f.severity === 'warning' && f.rule !== 'K1'))
      throw new Error(`synthetic package not clean: ${JSON.stringify(res.summary)}`);
    const bytes = await writeXlsx(model);
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    t0 = process.hrtime.bigint();
    const back = await readXlsx(bytes, { maxCells: 50_000_000 });
    const readMs = ms(t0);
    const heapAfterRead = process.memoryUsage().heapUsed;
    t0 = process.hrtime.bigint();
    validateWorkbook(back);
    const validateFromFileMs = ms(t0);
    const rss = process.memoryUsage().rss;
    const perRow = (x: number) => (x / actual) * 1000;
    rows.push({
      suite: 'validate',
      case: 'validate in-memory package',
      n: actual,
      ms: validateMs,
      perSecond: (actual / validateMs) * 1000,
      note: `${perRow(validateMs).toFixed(1)} µs/row`,
    });
    t0 = process.hrtime.bigint();
    await readWithExcelJs(bytes);
    const exceljsMs = ms(t0);
    const peak = peakMemory(bytes);
    rows.push({
      suite: 'validate',
      case: 'read .xlsx (streaming reader)',
      n: actual,
      ms: readMs,
      perSecond: (actual / readMs) * 1000,
      note: `${(bytes.length / 1024).toFixed(0)} KiB file; heap +${((heapAfterRead - heapBefore) / 1048576).toFixed(0)} MiB`,
    });
    rows.push({
      suite: 'validate',
      case: 'validate the model read from .xlsx',
      n: actual,
      ms: validateFromFileMs,
      ratio: readMs / validateFromFileMs,
      note: `ratio = read time ÷ validate time (goal > 1); rss ${(rss / 1048576).toFixed(0)} MiB`,
    });
    rows.push({
      suite: 'validate',
      case: 'read .xlsx with exceljs (the former reader, for comparison)',
      n: actual,
      ms: exceljsMs,
      ratio: exceljsMs / readMs,
      note: 'ratio = exceljs time ÷ streaming reader time',
    });
    rows.push({
      suite: 'validate',
      case: 'read + validate in a fresh process: peak memory',
      n: actual,
      ms: peak.ms,
      peakMiB: Math.round(peak.peakMiB),
      note: `peak RSS ${peak.peakMiB.toFixed(0)} MiB (goal < 1024 MiB at 100k rows)`,
    });
  }
  return rows;
}
