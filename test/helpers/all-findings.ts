/**
 * Every finding the engine gives on the inputs the project holds, by source: the samples, the xlsx
 * fixtures (seeds, 社会保险基金 packages), the packages with their 情况说明 text, the example pack, the real
 * transcriptions laid out as workbooks (with the built-in forms and with `--forms none`), the
 * one-fund table and the fund execution table with changed figures, and perturbed synthetic packages. For the messages-as-data
 * test and bench/findings-snapshot.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Finding } from '../../src/engine/types';
import { validatePackage, validateWorkbook } from '../../src/engine/validate';
import { readXlsx } from '../../src/xlsx/read';
import type { WorkbookModel } from '../../src/workbook/model';
import { PACKAGES } from '../fixtures/real/check-real';
import { NINGXIA_2024_RESIDENT_MEDICAL } from '../fixtures/funds/ningxia-2024-resident-medical';
import { executionLines, executionWorkbook } from '../fixtures/funds/execution-2024q3';
import { layOutOneFund } from '../funds/one-fund-layout';
import { layOutPackage } from './real-layout';
import { syntheticPackage } from '../../bench/synthetic';
import { packsFor } from '../../src/batch/job';
import { rng } from '../../bench/harness';

const ROOT = path.join(__dirname, '../..');

export interface FindingSource {
  source: string;
  findings: Finding[];
}

const xlsxIn = (dir: string) =>
  fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith('.xlsx'))
    .sort()
    .map((f) => `${dir}/${f}`);

/** A synthetic package with `changes` random edits (amounts, blanks, codes, names, duplicated rows, text). */
export function perturbedPackage(seed: number, rows = 300, changes = 25): WorkbookModel {
  const r = rng(seed);
  const m = syntheticPackage(rows);
  for (let j = 0; j < changes; j++) {
    const s = m.sheets[1 + Math.floor(r() * 2)];
    const row = 5 + Math.floor(r() * (s.rows.length - 5));
    const c = Math.floor(r() * 8);
    const cell = s.rows[row]?.[c];
    const what = r();
    if (!s.rows[row]) continue;
    if (what < 0.4 && c >= 4 && cell && typeof cell.v === 'number') cell.v = cell.v + [0.01, 9, -100, 0.001][j % 4];
    else if (what < 0.55) s.rows[row][c] = undefined;
    else if (what < 0.7 && c <= 2) s.rows[row][c] = { v: '01' };
    else if (what < 0.8) s.rows[row][3] = { v: '错名' + j };
    else if (what < 0.9)
      s.rows.splice(
        row,
        0,
        s.rows[row].map((x) => (x ? { ...x } : x)),
      );
    else s.rows[row][4] = { v: 'abc' };
  }
  return m;
}

export async function allFindings(): Promise<FindingSource[]> {
  const out: FindingSource[] = [];
  const files = [...xlsxIn('samples'), ...xlsxIn('test/fixtures/xlsx'), ...xlsxIn('test/fixtures/si')];
  for (const f of files) {
    const model = await readXlsx(fs.readFileSync(path.join(ROOT, f)));
    out.push({ source: f, findings: validateWorkbook(model).findings });
    out.push({ source: `${f} --forms none`, findings: validateWorkbook(model, { builtinForms: false }).findings });
  }
  const withText: [string, string][] = [
    ['samples/seed001-published.xlsx', 'samples/seed001-narrative.txt'],
    ['test/fixtures/si/seed000-published.xlsx', 'test/fixtures/si/seed000-text.txt'],
  ];
  for (const [f, t] of withText) {
    const model = await readXlsx(fs.readFileSync(path.join(ROOT, f)));
    const text = fs.readFileSync(path.join(ROOT, t), 'utf8');
    out.push({ source: `${f} + ${t}`, findings: (await validatePackage(model, { text })).findings });
  }
  // A package with its pack's own form and formulas, and the built-in forms off (the pack's form only).
  const packs = await packsFor([path.join(ROOT, 'samples/packs/example-pack.txt')]);
  const packed = await readXlsx(fs.readFileSync(path.join(ROOT, 'samples/packs/example-package.xlsx')));
  out.push({ source: 'samples/packs with example-pack', findings: validateWorkbook(packed, { packs }).findings });
  out.push({
    source: 'samples/packs with example-pack --forms none',
    findings: validateWorkbook(packed, { packs, builtinForms: false }).findings,
  });
  for (const pkg of PACKAGES) {
    const { workbook } = layOutPackage(pkg);
    out.push({ source: `real ${pkg.id}`, findings: validateWorkbook(workbook).findings });
    out.push({
      source: `real ${pkg.id} --forms none`,
      findings: validateWorkbook(workbook, { builtinForms: false }).findings,
    });
  }
  const fund = layOutOneFund(NINGXIA_2024_RESIDENT_MEDICAL);
  for (const { r, c } of [...fund.at.values()].slice(0, 40).filter((_, i) => i % 7 === 3)) {
    const cell = fund.workbook.sheets[0].rows[r]?.[c];
    if (cell && typeof cell.v === 'number') cell.v += 1;
  }
  out.push({ source: 'one-fund changed', findings: validateWorkbook(fund.workbook).findings });
  // The execution table: a changed amount (sums, roll-forward) and changed percents (progress, growth).
  const exec = executionWorkbook(executionLines());
  const rows = exec.sheets[0].rows;
  for (const [r, c, by] of [
    [4, 1, 1],
    [6, 3, 100],
    [5, 5, 0.01],
    [7, 6, 0.0001],
    [8, 6, 0.5],
  ] as const) {
    const cell = rows[r]?.[c];
    if (cell && typeof cell.v === 'number') cell.v += by;
  }
  out.push({ source: 'execution changed', findings: validateWorkbook(exec).findings });
  out.push({
    source: 'execution changed --forms none',
    findings: validateWorkbook(exec, { builtinForms: false }).findings,
  });
  for (let k = 0; k < 4; k++) {
    out.push({ source: `synthetic perturbed ${k}`, findings: validateWorkbook(perturbedPackage(100 + k)).findings });
  }
  return out;
}
