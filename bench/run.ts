/**
 * `npm run bench [suite…]`: runs the benchmark suites and writes bench/results.json and
 * bench/RESULTS.md. Suites: functions, validate, batch, office, infer, fill, check, pdf.
 */
import { Row, writeResults } from './harness';
import { run as functions } from './yoy.bench';
import { run as validate } from './validate.bench';
import { run as batch } from './batch.bench';
import { run as office } from './office.bench';
import { run as infer } from './infer.bench';
import { run as fill } from './fill.bench';
import { run as check } from './check.bench';
import { run as pdf } from './pdf.bench';

const suites: Record<string, () => Row[] | Promise<Row[]>> = {
  functions,
  validate,
  batch,
  office,
  infer,
  fill,
  check,
  pdf,
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = wanted.length ? wanted : Object.keys(suites);
  const rows: Row[] = [];
  for (const name of names) {
    const suite = suites[name];
    if (!suite) throw new Error(`unknown suite ${name}; known: ${Object.keys(suites).join(', ')}`);
    process.stderr.write(`bench: ${name}…\n`);
    const r = await suite();
    for (const row of r) {
      process.stderr.write(
        `  ${row.case} n=${row.n}: ${row.ms.toFixed(1)} ms${row.ratio !== undefined ? `, ratio ${row.ratio.toFixed(2)}` : ''}\n`,
      );
    }
    rows.push(...r);
  }
  writeResults(rows);
  process.stderr.write('bench: written bench/results.json and bench/RESULTS.md\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
