/**
 * Run in a fresh process by bench/pdf.bench.ts (`node -r tsx/cjs`): reads one PDF, rebuilds its tables and validates
 * them with the text outside them, as `budget-check validate X.pdf` does, then prints the time of
 * each phase (ms, wall and CPU), the process's peak resident memory (MiB) and what was found, as JSON.
 */
import * as fs from 'fs';
import { summarize, validateWorkbook } from '../src/engine/validate';
import { checkNarrative } from '../src/narrative/check';
import { readPdfPackage } from '../src/pdf/package';
import { checkFundText } from '../src/rules/si/text';

async function main(): Promise<void> {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const t0 = process.hrtime.bigint();
  const c0 = cpu();
  const pkg = await readPdfPackage(new Uint8Array(fs.readFileSync(process.argv[2])));
  const readMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const c1 = cpu();
  // validatePackage's steps, with the text checks required up front: this process runs under
  // tsx's CommonJS hook only (so that pdf.js's ESM loads natively, as in the built CLI), where
  // validatePackage's lazy import() of TypeScript modules cannot resolve.
  const wb = validateWorkbook(pkg.workbook);
  const findings = [
    ...wb.findings,
    ...checkNarrative(pkg.text, wb.recognition.tables).findings,
    ...checkFundText(pkg.text, wb.recognition.tables, {}),
  ];
  const res = { findings, summary: summarize(findings) };
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(
    JSON.stringify({
      ms,
      readMs,
      cpuMs: cpu() - c0,
      readCpuMs: c1 - c0,
      peakMiB: process.resourceUsage().maxRSS / 1024,
      pages: pkg.pages,
      tables: pkg.tables.length,
      findings: res.findings.length,
    }) + '\n',
  );
}

void main();
