/**
 * Issue 12: the Shanghai 部门预算/单位预算 packages as laid out by layOutPackage (as printed, with one
 * combined code column, with 类|款|项 columns), through the validator. The coded tables (表2, 3, 5–8;
 * the empty fund tables 表6, 7 with only their 合计 row) are recognised as their sh form in both
 * packages and checked by the SH formulas (src/rules/sh/formulas.ts); 表1, 4, 9 have no sh template
 * yet (the inference checks them). The packages are clean: no error, no warning; a +1.00 change of a
 * filled cell of a declared table is reported at that cell.
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
const DECLARED = ['02:sh.t02', '03:sh.t03', '05:sh.t05', '06:sh.t06', '07:sh.t07', '08:sh.t08'];

describe('Shanghai budget packages (family sh)', () => {
  it('finds both packages', () => expect(SH).toHaveLength(2));

  const cases = SH.flatMap((p) => LAYOUTS.map(([name, o]) => [p.id, name, p, o] as const));
  it.each(cases)(
    '%s (%s): 表2, 3, 5–8 recognised as sh.t02–sh.t08, no error or warning on them',
    (_id, _layout, pkg, options) => {
      const { workbook } = layOutPackage(pkg, options);
      const res = validateWorkbook(workbook);
      const got = res.sheets.map((s) => `${s.name.slice(-2)}:${s.template ?? '-'}`);
      expect(got).toEqual(['01:-', ...DECLARED.slice(0, 2), '04:-', ...DECLARED.slice(2), '09:-']);
      const recognised = new Set(res.sheets.filter((s) => s.template).map((s) => s.name));
      expect(res.findings.filter((f) => f.severity !== 'info' && recognised.has(f.sheet))).toEqual([]);
      expect(res.findings.filter((f) => f.severity === 'error')).toEqual([]);
    },
    60_000,
  );

  it.each(SH.map((p) => [p.id, p] as const))(
    '%s: a +1.00 change of a filled cell of a declared table is reported at that cell',
    (_id, pkg) => {
      const { tables } = layOutPackage(pkg);
      const declared = tables.filter((t) => DECLARED.some((d) => d.startsWith(t.sheet.name.slice(-2))));
      const cells = declared.flatMap((t) => t.cells.filter((c) => /\d/.test(c.printed)));
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
