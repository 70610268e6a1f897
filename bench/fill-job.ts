/**
 * The derived-column job of the fill benchmark, run in a fresh process (as the CLI runs): reads
 * the .xlsx, computes `ROUND((C-B)/B*100,2)` for every row exactly (integer cents, half away from
 * zero: what ROUND means on the decimals shown), and writes the workbook back with the formula and
 * its value in column D, streamed to the file as it is compressed. Read and written with zlib as
 * `budget-check fill` does (readXlsxInNode, nodeDeflateRaw). Prints {ms, peakMiB} as JSON.
 *
 *   node --import tsx bench/fill-job.ts in.xlsx out.xlsx
 */
import * as fs from 'fs';
import { cents } from '../src/metrics/fast';
import { roundDiv } from '../src/amount/scaled';
import { readXlsxInNode } from '../src/xlsx/node-inflate';
import { streamXlsx } from '../src/xlsx/stream-write';
import { nodeDeflateRaw } from '../src/xlsx/node-deflate';

/** ROUND((current − prior) / prior × 100, 2) exactly, or NaN when the fast path does not apply. */
export function yoyPercentRounded(current: number, prior: number): number {
  const c = cents(current);
  const p = cents(prior);
  if (c !== c || p !== p || p === 0) return NaN;
  const d = c - p;
  const num = Math.abs(d) * 10000;
  if (num >= 2 ** 53) return NaN;
  const q = roundDiv(num, Math.abs(p));
  return q === 0 ? 0 : (d < 0 !== p < 0 ? -q : q) / 100;
}

async function main(): Promise<void> {
  const [input, output] = process.argv.slice(2);
  const t0 = process.hrtime.bigint();
  const model = await readXlsxInNode(fs.readFileSync(input), { maxCells: 50_000_000 });
  const rows = model.sheets[0].rows;
  let filled = 0;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    const b = row?.[1]?.v;
    const c = row?.[2]?.v;
    if (typeof b !== 'number' || typeof c !== 'number') continue;
    const v = yoyPercentRounded(c, b);
    row[3] = { v: v === v ? v : null, f: `=ROUND((C${r + 1}-B${r + 1})/B${r + 1}*100,2)`, z: '0.00' };
    filled++;
  }
  const fd = fs.openSync(output, 'w');
  try {
    await streamXlsx(model, (chunk) => fs.writeSync(fd, chunk), { deflateRaw: nodeDeflateRaw });
  } finally {
    fs.closeSync(fd);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ ms, filled, peakMiB: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

if (require.main === module) void main();
