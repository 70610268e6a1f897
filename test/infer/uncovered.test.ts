/**
 * Declared first, inferred for the rest: the amount columns of a declared table that its form does
 * not map (a province's extra columns) are inferred on alone, never duplicating a declared finding.
 */
import { validateWorkbook } from '../../src/engine/validate';
import { inferPack } from '../../src/infer/pack';
import { cleanSeed001, seed001Workbook } from '../helpers/seed001';
import { WorkbookModel } from '../../src/workbook/model';
import { PACKAGES } from '../fixtures/real/check-real';
import { layOutPackage } from '../helpers/real-layout';
import { cleanStyleB, styleBWorkbook } from '../helpers/si-style-b';
import { publishedSeed000, seed000Workbook } from '../helpers/seed000';
import { publishedSeed001 } from '../helpers/seed001';

/** seed001 with two extra columns on 表3: 上年合计 (H) and 增长率(%) (I), consistent with the table. */
function withExtraColumns(edit?: (rows: WorkbookModel['sheets'][number]['rows']) => void): WorkbookModel {
  const wb = seed001Workbook(cleanSeed001());
  const s = wb.sheets.find((x) => x.name === '表3')!;
  s.rows[2][7] = { v: '上年合计' };
  s.rows[2][8] = { v: '增长率(%)' };
  s.rows[4][7] = { v: 4 };
  s.rows[4][8] = { v: 5 };
  for (let r = 5; r < s.rows.length; r++) {
    const row = s.rows[r];
    const total = row?.[4]?.v;
    const prior = row?.[5]?.v; // 基本支出 as last year's total: it adds up like a total
    if (typeof total !== 'number' || typeof prior !== 'number') continue;
    row[7] = { v: prior };
    row[8] = { v: Math.round(((total - prior) / prior) * 10000) / 100 };
  }
  edit?.(s.rows);
  return wb;
}

describe('inference on the columns a declared form does not cover', () => {
  it('clean: 表3 is still the declared form; the extra columns are inferred and hold; no finding but the G0 note', () => {
    const res = validateWorkbook(withExtraColumns());
    expect(res.sheets.find((s) => s.name === '表3')!.template).toBe('dept.t03');
    const g = res.findings.filter((f) => /^G\d$/.test(f.rule));
    expect(g.map((f) => [f.rule, f.severity, f.sheet])).toEqual([['G0', 'info', '表3']]);
    expect(g[0].message).toMatch(/按表样“部门支出总体情况表”核对；表样未涵盖的列已按表内标签推断并核对/);
    // 上年合计 copies 基本支出 here: both fit, the pair nearest the percent column is taken
    expect(g[0].message).toMatch(/G5 增长率\(%\) = \(合计 − 上年合计\) ÷ 上年合计/);
    expect(g[0].message).toMatch(/G4 208 社会保障和就业支出 = /);
    // the pack is about tables of no declared form: nothing to write here
    expect(inferPack(withExtraColumns()).tables).toEqual([]);
  });

  it('a wrong figure in an extra column is found at its cell; the declared findings are unchanged', () => {
    const clean = validateWorkbook(withExtraColumns());
    const bad = validateWorkbook(
      withExtraColumns((rows) => {
        rows[7][7] = { v: 288.48 }; // 20801 上年合计 278.48 → 288.48
        rows[10][8] = { v: 5 }; // 2080501 增长率 0 → 5
      }),
    );
    const declared = (r: typeof bad) =>
      r.findings.filter((f) => !/^G\d$/.test(f.rule)).map((f) => `${f.rule} ${f.cell}`);
    expect(declared(bad)).toEqual(declared(clean));
    const errors = bad.findings.filter((f) => /^G\d$/.test(f.rule) && f.severity === 'error');
    expect([...new Set(errors.map((f) => f.cell))].sort()).toEqual(['H8', 'I11']);
  });

  it('on the real packages and the seeds with their declared forms: nothing inferred on a declared sheet', () => {
    const books = [
      ...PACKAGES.map((p) => layOutPackage(p).workbook),
      seed001Workbook(cleanSeed001()),
      seed001Workbook(publishedSeed001()),
      seed000Workbook(publishedSeed000()),
      styleBWorkbook(cleanStyleB()),
    ];
    for (const wb of books) {
      const res = validateWorkbook(wb);
      const declared = new Set(res.sheets.filter((s) => s.template).map((s) => s.name));
      expect(res.findings.filter((f) => /^G\d$/.test(f.rule) && declared.has(f.sheet))).toEqual([]);
    }
  });
});
