/**
 * Run in a fresh process by the validate benchmark: reads one .xlsx (with zlib's decompressor) and validates it, as the CLI
 * does, then prints the process's peak resident memory (MiB) and the time taken (ms) as JSON.
 * With `read` after the file: only the read (a fresh process's first read). The validate benchmark
 * runs it bundled with esbuild under plain node, as the CLI ships (no tsx loader); the CLI itself
 * validates in a worker thread (src/batch/pool.ts), which adds that thread's own heap.
 */
import * as fs from 'fs';
import { validateWorkbook } from '../src/engine/validate';
import { readXlsxInNode } from '../src/xlsx/node-inflate';

async function main(): Promise<void> {
  const t0 = process.hrtime.bigint();
  const model = await readXlsxInNode(fs.readFileSync(process.argv[2]), { maxCells: 50_000_000 });
  if (process.argv[3] === 'read') {
    // the first read of a fresh process, as the CLI does it (compared with openpyxl's read-only mode)
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const cells = model.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + (r ? r.length : 0), 0), 0);
    process.stdout.write(JSON.stringify({ ms, peakMiB: process.resourceUsage().maxRSS / 1024, cells }) + '\n');
    return;
  }
  const res = validateWorkbook(model);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(
    JSON.stringify({ ms, peakMiB: process.resourceUsage().maxRSS / 1024, findings: res.findings.length }) + '\n',
  );
}

void main();
