/**
 * Validation of synthetic packages (表2 and 表3 with N coded rows, 表1 around them) from the
 * in-memory model and from .xlsx, at 1k, 10k and 100k rows. Goals (issues 3 and 7): 10k rows in
 * under 1 s; validation faster than reading the file; cost growing linearly; peak memory of a
 * fresh process reading and validating the 100k-row package under 400 MiB (issue 17).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { WORKER_YOUNG_GENERATION_MB } from '../src/batch/pool';
import { validateWorkbook } from '../src/engine/validate';
import { readWithExcelJs } from '../test/helpers/exceljs-reader';
import { readXlsx } from '../src/xlsx/read';
import { writeXlsx } from '../src/xlsx/write';
import { bundled, Row } from './harness';
import { dataRows, syntheticPackage } from './synthetic';

/** A python3 that has openpyxl (Debian's python3-openpyxl is not on a pyenv python), or undefined. */
function pythonWithOpenpyxl(): string | undefined {
  for (const py of ['python3', '/usr/bin/python3']) {
    const r = spawnSync(py, ['-c', 'import openpyxl'], { encoding: 'utf8' });
    if (r.status === 0) return py;
  }
  return undefined;
}

const OPENPYXL_READ = `
import json, sys, time, openpyxl
t = time.perf_counter()
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
n = 0
for ws in wb.worksheets:
    for row in ws.iter_rows(values_only=True):
        n += len(row)
print(json.dumps({"ms": (time.perf_counter() - t) * 1000, "cells": n}))
`;

/** openpyxl's read-only mode reading every value of the file, timed inside python (start-up excluded). */
function openpyxlRead(py: string, bytes: Uint8Array): number {
  const file = path.join(os.tmpdir(), `bench-openpyxl-${process.pid}.xlsx`);
  fs.writeFileSync(file, bytes);
  try {
    const out = spawnSync(py, ['-c', OPENPYXL_READ, file], { encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`openpyxl run failed: ${out.stderr}`);
    return (JSON.parse(out.stdout.trim().split('\n').pop()!) as { ms: number }).ms;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

/** Reads and validates the file in a fresh Node process (as the CLI does) and reports its peak RSS. */
function peakMemory(bytes: Uint8Array, only?: 'read'): { ms: number; peakMiB: number } {
  const file = path.join(os.tmpdir(), `bench-peak-${process.pid}.xlsx`);
  fs.writeFileSync(file, bytes);
  try {
    // The CLI validates in a worker whose young generation is WORKER_YOUNG_GENERATION_MB: V8 splits
    // that into three (two semispaces and the large-object space), so the same here in the main thread.
    const semi = `--max-semi-space-size=${Math.max(1, Math.floor(WORKER_YOUNG_GENERATION_MB / 3))}`;
    const args = [semi, bundled('peak-memory.ts'), file, ...(only ? [only] : [])];
    const out = spawnSync(process.execPath, args, {
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
      note: `peak RSS ${peak.peakMiB.toFixed(0)} MiB (goal < 400 MiB at 100k rows; compiled, plain node, as the CLI runs)`,
    });
    // A fresh process's first read against openpyxl's read-only mode on the same file (each timed
    // inside its own process, start-up excluded; median of 3, alternately)
    const py = pythonWithOpenpyxl();
    if (py) {
      const ours: number[] = [];
      const theirs: number[] = [];
      for (let k = 0; k < 3; k++) {
        ours.push(peakMemory(bytes, 'read').ms);
        theirs.push(openpyxlRead(py, bytes));
      }
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
      rows.push({
        suite: 'validate',
        case: 'first read in a fresh process vs openpyxl read-only (same file)',
        n: actual,
        ms: med(ours),
        ratio: med(ours) / med(theirs),
        note: `ratio = ours ÷ openpyxl ${med(theirs).toFixed(0)} ms (goal ≤ 1); medians of 3, alternately`,
      });
    }
  }
  return rows;
}
