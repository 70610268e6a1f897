/**
 * `template --kind central` (issue 12): the central departments' nine 部门预算 tables generated
 * blank recognise as central.t01–t09 without an error; filled with the made package's figures
 * (test/central/central-package.ts, read back from its recognised tables) they validate without an
 * error or warning, through .xlsx, with the totals as formulas.
 */
import { validateWorkbook } from '../../src/engine/validate';
import { formWorkbook } from '../../src/generate/forms';
import { readXlsx } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { fromRecognised } from '../helpers/from-recognised';
import { layOutPackage } from '../helpers/real-layout';
import { CENTRAL_PACKAGE } from './central-package';

const IDS = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `central.t0${n}`);

describe('central form workbook', () => {
  it('blank: nine tables, each recognised as its central form, no error', async () => {
    const back = await readXlsx(await writeXlsx(formWorkbook('central', { organisation: '某某部', year: 2025 })));
    const res = validateWorkbook(back);
    expect(res.sheets.map((s) => s.template)).toEqual(IDS);
    expect(res.summary.errors).toBe(0);
    expect(back.sheets[0].rows[0][0]?.v).toBe('2025年部门收支总表');
  });

  it('filled with the made package: zero errors and warnings, totals as formulas', async () => {
    const published = validateWorkbook(layOutPackage(CENTRAL_PACKAGE).workbook);
    const m = formWorkbook('central', {
      organisation: '某某部',
      year: 2024,
      ...fromRecognised(published.recognition.tables),
    });
    const res = validateWorkbook(await readXlsx(await writeXlsx(m)));
    expect(res.sheets.map((s) => s.template)).toEqual(IDS);
    expect(res.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const formulas = m.sheets.flatMap((s) => s.rows.flatMap((r) => r.filter((c) => c?.f)));
    expect(formulas.length).toBeGreaterThan(50);
  });
});
