/**
 * `template --kind final|sh-dept|sh-unit` (issue 12): the generated workbook, through .xlsx and back,
 * recognises every table as its form with formulas in the derived cells; filled with the published
 * Shanghai budgets (the real transcriptions of test/fixtures/real) it validates with zero errors.
 */
import { validateWorkbook } from '../engine/validate';
import { allTemplates, TableTemplate } from '../templates';
import { readXlsx } from '../xlsx/read';
import { writeXlsx } from '../xlsx/write';
import { WorkbookModel } from '../workbook/model';
import { PACKAGES } from '../../test/fixtures/real/check-real';
import type { RealPackage, RealRow } from '../../test/fixtures/real/model';
import { layOutPackage } from '../../test/helpers/real-layout';
import { fromRecognised } from '../../test/helpers/from-recognised';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../cli/main';
import { FormKind, formWorkbook, FormTemplateOptions } from './forms';
import { GenRow } from './layout';

const formulas = (m: WorkbookModel) =>
  m.sheets.flatMap((s) => s.rows.flatMap((row) => row.filter((c) => c?.f).map(() => s.name)));

describe('form workbooks', () => {
  it.each([
    ['final', 'final', '2025年收入支出决算总表'],
    ['sh-dept', 'sh', '2025年部门财务收支预算总表'],
    ['sh-unit', 'sh', '2025年单位财务收支预算总表'],
  ] as const)('%s: nine tables, each recognised as its form, no error, formulas wired', async (kind, family, t1) => {
    const back = await readXlsx(await writeXlsx(formWorkbook(kind, { organisation: '测试单位', year: 2025 })));
    const res = validateWorkbook(back);
    expect(res.sheets.map((s) => s.template)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `${family}.t0${n}`));
    expect(res.summary.errors).toBe(0);
    expect(formulas(back).length).toBeGreaterThan(10);
    expect(back.sheets[0].rows[0][0]?.v).toBe(t1);
  });

  /** The published package as the generator's input: codes joined, amounts in the form's column order. */
  function filled(kind: FormKind, pkg: RealPackage): FormTemplateOptions {
    const num = (a: string | null) => (a === null ? undefined : Number(a.replace(/,/g, '')));
    const amountKeys = (t: TableTemplate, panel?: string) =>
      t.columns
        .filter((c) => c.role === 'amount' && (!panel || c.panel === panel))
        .filter((c) => kind !== 'sh-dept' || t.layout !== 'two-panel' || !c.optional)
        .map((c) => c.key);
    const gen = (row: RealRow, keys: string[]): GenRow => ({
      code: row.code === undefined || row.code === '' ? undefined : [row.code].flat().join('').replace(/\s+/g, ''),
      name: row.label,
      values: Object.fromEntries(keys.map((k, j) => [k, num(row.amounts[j])])),
    });
    const options: FormTemplateOptions = { rows: {}, panels: {}, single: {} };
    pkg.tables.forEach((table, i) => {
      const no = i + 1;
      const t = allTemplates().find((x) => x.id === `sh.t0${no}`)!;
      if (t.layout === 'two-panel') {
        const [a, b] = table.panels;
        options.panels![no] = {
          income: a.rows.map((r) => gen(r, amountKeys(t, 'income'))),
          expense: b.rows.map((r) => gen(r, amountKeys(t, 'expense'))),
        };
      } else if (t.layout === 'fixed') options.single![no] = gen(table.panels[0].rows[0], amountKeys(t));
      else
        options.rows![no] = table.panels[0].rows
          .filter((r) => !/^(合计|总计)$/.test(r.label))
          .map((r) => gen(r, amountKeys(t)));
    });
    return options;
  }

  it.each([
    ['sh-dept', 'sh-putuo-commerce-2025-dept-budget'],
    ['sh-unit', 'sh-putuo-commerce-2025-unit-budget'],
  ] as const)('%s filled with %s: zero errors, totals live', async (kind, id) => {
    const pkg = PACKAGES.find((p) => p.id === id)!;
    const m = formWorkbook(kind, { organisation: '上海市普陀区商务委员会', year: 2025, ...filled(kind, pkg) });
    const res = validateWorkbook(await readXlsx(await writeXlsx(m)));
    expect(res.sheets.map((s) => s.template)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `sh.t0${n}`));
    expect(res.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    // 表3's 合计 row is the sum of its classes, as a formula with the published total as its value
    const t3 = m.sheets.find((s) => s.name === '表3')!;
    const total = t3.rows.find((r, i) => i > 3 && r[3]?.v === '合计')!;
    expect(total.filter((c) => c?.f).map((c) => c!.v)).toEqual([371514655, 19830655, 351684000]);
    // a +1.00 change of a typed 项 amount is reported
    const sheet = m.sheets.find((s) => s.name === '表5')!;
    const r = sheet.rows.findIndex((row) => row.some((c) => c?.v === 9389913 && !c.f));
    const c = sheet.rows[r].findIndex((x) => x?.v === 9389913);
    sheet.rows[r][c] = { ...sheet.rows[r][c]!, v: 9389914 };
    expect(validateWorkbook(m).summary.errors).toBeGreaterThan(0);
  });

  // The published 决算 tables are each rounded from the same unrounded data, so their totals differ by
  // a cent here and there (警告 in the published package). In the generated workbook every total is a
  // formula over the typed figures — exact — so such a cent between tables is an error (F14), and
  // nothing else is.
  it.each([
    ['sh-putuo-social-work-2024-dept-final', 0],
    ['sh-putuo-finance-2024-dept-final', 3],
  ])(
    'final filled with %s (read back from its published tables): every table recognised, %i cent-sized F14 errors and nothing else',
    async (id, cents) => {
      const pkg = PACKAGES.find((p) => p.id === id)!;
      const published = validateWorkbook(layOutPackage(pkg).workbook);
      const m = formWorkbook('final', { organisation: '测试单位', ...fromRecognised(published.recognition.tables) });
      const res = validateWorkbook(await readXlsx(await writeXlsx(m)));
      expect(res.sheets.map((s) => s.template)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `final.t0${n}`));
      const errors = res.findings.filter((f) => f.severity === 'error');
      expect(errors.map((f) => `${f.rule} ${f.difference}`)).toEqual(Array(cents).fill('F14 -0.01'));
      expect(formulas(m).length).toBeGreaterThan(50);
    },
  );

  it('budget-check template --kind sh-unit writes it', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'forms-')), 'sh-unit.xlsx');
    const io = { stdout: () => undefined, stderr: () => undefined };
    expect(await main(['template', '--kind', 'sh-unit', '--year', '2026', '--out', out], io)).toBe(0);
    const res = validateWorkbook(await readXlsx(fs.readFileSync(out)));
    expect(res.sheets.every((s) => s.template?.startsWith('sh.'))).toBe(true);
    expect(res.sheets[8].title).toBe('部门“三公”经费和机关运行经费预算表');
    expect(await main(['template', '--kind', 'sh', '--out', out], io)).toBe(2);
  });
});
