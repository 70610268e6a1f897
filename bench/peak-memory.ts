/**
 * Run in a fresh process by the validate benchmark: reads one .xlsx and validates it, as the CLI
 * does, then prints the process's peak resident memory (MiB) and the time taken (ms) as JSON.
 */
import * as fs from 'fs';
import { validateWorkbook } from '../src/engine/validate';
import { readXlsx } from '../src/xlsx/read';

async function main(): Promise<void> {
  const t0 = process.hrtime.bigint();
  const model = await readXlsx(fs.readFileSync(process.argv[2]), { maxCells: 50_000_000 });
  const res = validateWorkbook(model);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(
    JSON.stringify({ ms, peakMiB: process.resourceUsage().maxRSS / 1024, findings: res.findings.length }) + '\n',
  );
}

void main();
