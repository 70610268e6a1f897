/**
 * The 社会保险基金 fixture workbooks (test/fixtures/si, written by scripts/make-si-fixtures.ts):
 * up to date with the in-memory packages, read back through the .xlsx reader with the same
 * findings, and `budget-check validate` on a workbook mixing department and fund tables.
 */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../src/cli/main';
import { validateWorkbook } from '../src/engine/validate';
import { readXlsx } from '../src/xlsx/read';
import { fixtureBytes, SI_FIXTURES } from '../scripts/make-si-fixtures';
import { captureIo } from './helpers/io';

const dir = path.join(__dirname, 'fixtures', 'si');
const brief = (f: { severity: string; rule: string; sheet: string; cell: string }) =>
  `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`;

const capture = () => captureIo();

describe('社会保险基金 fixtures', () => {
  it.each(Object.keys(SI_FIXTURES))('%s is up to date (npx tsx scripts/make-si-fixtures.ts)', async (name) => {
    const committed = fs.readFileSync(path.join(dir, name));
    expect(Buffer.from(await fixtureBytes(name)).equals(committed)).toBe(true);
  });

  it.each(Object.keys(SI_FIXTURES))('%s reads back with the findings of its in-memory model', async (name) => {
    const fromFile = validateWorkbook(await readXlsx(fs.readFileSync(path.join(dir, name))));
    const inMemory = validateWorkbook(SI_FIXTURES[name]());
    expect(fromFile.findings.map(brief)).toEqual(inMemory.findings.map(brief));
    expect(fromFile.sheets.map((s) => s.template)).toEqual(inMemory.sheets.map((s) => s.template));
  });

  it('budget-check validate handles a workbook mixing department and fund tables', async () => {
    const io = capture();
    const code = await main(['validate', path.join(dir, 'mixed-dept-si.xlsx'), '--format', 'json'], io);
    expect(code).toBe(1);
    const report = JSON.parse(io.out);
    const [file] = report.files;
    expect(file.sheets.map((s: { template: string }) => s.template)).toEqual([
      ...Array.from({ length: 11 }, (_, i) => `dept.t${String(i + 1).padStart(2, '0')}`),
      'si.a.income',
      'si.a.expense',
      'si.a.balance',
      'si.a.income',
      'si.a.expense',
      'si.a.balance',
    ]);
    expect(file.sheets.slice(11).every((s: { name: string }) => s.name === '社会保险基金预算')).toBe(true);
    // The department tables are clean; the fund tables give seed 000's shifted 结余表 and labels.
    expect(file.findings.map((f: { severity: string; rule: string }) => `${f.severity} ${f.rule}`)).toEqual([
      'error SI-5',
      'error SI-5',
      'error SI-5',
      'info SI-11',
      'info SI-11',
      'info SI-11',
      'error SI-5',
      'error SI-5',
      'error SI-5',
    ]);
    expect(file.findings[0]).toMatchObject({ sheet: '社会保险基金预算', expected: '52964' });
    expect(report.summary).toEqual({ files: 1, errors: 6, warnings: 0, infos: 3, unreadable: 0 });

    const text = capture();
    await main(['validate', path.join(dir, 'mixed-dept-si.xlsx')], text);
    expect(text.out).toContain('[错误]');
    expect(text.out).toContain('错了一年');
    expect(
      await main(['validate', path.join(dir, 'seed000-corrected.xlsx'), path.join(dir, 'style-b.xlsx')], capture()),
    ).toBe(0);
  });
});
