/**
 * Issue 12: the Shanghai 部门预算/单位预算 packages as laid out by layOutPackage (as printed, with one
 * combined code column, with 类|款|项 columns), through the validator. All nine tables (the coded 表2,
 * 3, 5–8 — the empty fund tables 表6, 7 with only their 合计 row —, the two-panel 表1 and 表4, the
 * one-row 表9 in 万元) are recognised as their sh form in both packages and checked by the SH formulas
 * (src/rules/sh/formulas.ts). The packages are clean: no error, no warning; a +1.00 change of a
 * filled cell is reported at that cell (except 表9's 机关运行经费, which no identity of the form involves).
 */
import { validateWorkbook } from '../../src/engine/validate';
import { a1 } from '../../src/workbook/model';
import { PACKAGES } from '../fixtures/real/check-real';
import { layOutPackage, LayoutOptions } from '../helpers/real-layout';

const SH = PACKAGES.filter((p) => p.id.startsWith('sh-putuo-commerce-2025'));
const LAYOUTS: [string, LayoutOptions][] = [
  ['as printed', {}],
  ['one code column', { codes: 'combined' }],
  ['类|款|项 columns', { codes: 'split' }],
];
const DECLARED = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `0${n}:sh.t0${n}`);

describe('Shanghai budget packages (family sh)', () => {
  it('finds both packages', () => expect(SH).toHaveLength(2));

  const cases = SH.flatMap((p) => LAYOUTS.map(([name, o]) => [p.id, name, p, o] as const));
  it.each(cases)(
    '%s (%s): 表1–9 recognised as sh.t01–sh.t09, no error or warning',
    (_id, _layout, pkg, options) => {
      const { workbook } = layOutPackage(pkg, options);
      const res = validateWorkbook(workbook);
      const got = res.sheets.map((s) => `${s.name.slice(-2)}:${s.template ?? '-'}`);
      expect(got).toEqual(DECLARED);
      expect(res.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    },
    60_000,
  );

  it.each(SH.map((p) => [p.id, p] as const))(
    '%s: a +1.00 change of a filled cell of a declared table is reported at that cell',
    (_id, pkg) => {
      const { tables } = layOutPackage(pkg);
      // 表9's 机关运行经费预算数 (its last column) is in no identity of the form.
      const cells = tables.flatMap((t) =>
        t.cells.filter((c) => /\d/.test(c.printed) && !(t.sheet.name.endsWith('09') && c.col === 6)),
      );
      // every third filled cell: enough to cover each table, row kind and column
      const sample = cells.filter((_, i) => i % 3 === 0);
      expect(sample.length).toBeGreaterThan(50);
      const missed: string[] = [];
      for (const c of sample) {
        const laid = layOutPackage(pkg);
        const sheet = laid.workbook.sheets.find((s) => s.name === c.table)!;
        const cell = sheet.rows[c.r][c.c]!;
        cell.v = (cell.v as number) + 1;
        const res = validateWorkbook(laid.workbook);
        const at = a1(c.r, c.c);
        const hit = res.findings.some(
          (f) =>
            f.severity !== 'info' &&
            f.sheet === c.table &&
            (f.cell === at || f.related.some((x) => x.endsWith(`!${at}`))),
        );
        if (!hit) missed.push(`${c.table}!${at} (${c.printed})`);
      }
      expect(missed).toEqual([]);
    },
    180_000,
  );
});
