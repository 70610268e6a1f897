/**
 * The seed fixtures (test/fixtures/xlsx, transcribed from seeds 001 and 002 in layouts that differ
 * the way real packages do): every known discrepancy is found at the right cell with the right
 * severity, the corrected versions give no error and no warning, a copy re-saved by LibreOffice
 * gives the same findings, and the independent checker (test/fixtures/check-fixtures.ts, integer
 * arithmetic, not this engine) agrees with the expected lists.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateWorkbook } from '../src/engine/validate';
import { readXlsx } from '../src/xlsx/read';
import { EXPECTED_FINDINGS } from './fixtures/src/expected-findings';
import { checkFile } from './fixtures/check-fixtures';

const dir = path.join(__dirname, 'fixtures', 'xlsx');
const brief = (f: { severity: string; rule: string; sheet: string; cell: string }) =>
  `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`;

async function validate(file: string) {
  return validateWorkbook(await readXlsx(fs.readFileSync(path.join(dir, file))));
}

describe('seed fixtures', () => {
  it.each(Object.keys(EXPECTED_FINDINGS))('%s gives exactly the expected findings', async (file) => {
    const res = await validate(file);
    expect(res.sheets.every((s) => s.template !== null)).toBe(true);
    expect(res.sheets).toHaveLength(11);
    expect(res.findings.map(brief).sort()).toEqual(EXPECTED_FINDINGS[file].map(brief).sort());
  });

  it.each(['seed001-clean.xlsx', 'seed002-clean.xlsx'])('%s: zero errors and zero warnings', async (file) => {
    const res = await validate(file);
    expect(res.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  it('a copy re-saved by LibreOffice gives the same findings', async () => {
    const original = await validate('seed002-published.xlsx');
    const resaved = await validate('seed002-published-libreoffice.xlsx');
    expect(resaved.findings.map(brief)).toEqual(original.findings.map(brief));
    expect(resaved.findings.map((f) => f.message)).toEqual(original.findings.map((f) => f.message));
  });

  it('reports the seed-002 name error and the seed-001 lost code with readable messages', async () => {
    const r2 = await validate('seed002-published.xlsx');
    expect(r2.findings.find((f) => f.rule === 'K1')?.message).toBe(
      '表2 科目 20801 名称为“人力资源和社会管理事务”，与分类科目“人力资源和社会保障管理事务”不符',
    );
    const r1 = await validate('seed001-published.xlsx');
    expect(r1.findings.find((f) => f.rule === 'K1')?.message).toBe(
      '表2 科目“人力资源和社会保障管理事务”的编码印为 208，缺少下级编码，应为 20801',
    );
  });

  it.each(Object.keys(EXPECTED_FINDINGS))('the independent checker agrees on %s', async (file) => {
    const found = await checkFile(path.join(dir, file));
    expect(found.map(brief).sort()).toEqual(EXPECTED_FINDINGS[file].map(brief).sort());
  });
});
