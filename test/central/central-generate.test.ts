/**
 * `template --kind central` (issue 12): the central departments' nine 部门预算 tables generated
 * blank recognise as central.t01–t09 without an error; filled with the made package's figures
 * (test/central/central-package.ts, read back from its recognised tables) they validate without an
 * error or warning, through .xlsx, with the totals as formulas.
 */
import { validateWorkbook } from '../../src/engine/validate';
import { formWorkbook, FormTemplateOptions } from '../../src/generate/forms';
import { GenRow } from '../../src/generate/layout';
import { RecognizedTable, TableRow } from '../../src/recognize/types';
import { readXlsx } from '../../src/xlsx/read';
import { writeXlsx } from '../../src/xlsx/write';
import { layOutPackage } from '../helpers/real-layout';
import { CENTRAL_PACKAGE } from './central-package';

const IDS = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `central.t0${n}`);

/** A package as the generator's input, read back from its recognised tables. */
function fromRecognised(tables: readonly RecognizedTable[]): FormTemplateOptions {
  const gen = (row: TableRow, code = true): GenRow => ({
    code: code ? row.code : undefined,
    name: row.name,
    values: Object.fromEntries(
      [...row.amounts].map(([k, a]) => [k, a.value === null ? undefined : Number(a.value.toString())]),
    ),
  });
  const options: FormTemplateOptions = { rows: {}, panels: {}, single: {} };
  for (const t of tables) {
    const no = t.template.no;
    if (t.template.layout === 'two-panel') {
      options.panels![no] = {
        income: t.rows.filter((r) => r.panel === 'income').map((r) => gen(r, false)),
        expense: t.rows.filter((r) => r.panel === 'expense').map((r) => gen(r, false)),
      };
    } else if (t.template.layout === 'fixed') {
      if (t.rows[0]) options.single![no] = { ...gen(t.rows[0]), name: '金额' };
    } else options.rows![no] = t.rows.filter((r) => r.kind !== 'total').map((r) => gen(r));
  }
  return options;
}

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
