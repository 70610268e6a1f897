/** Issue 12: the Shanghai 部门预算/单位预算 packages as laid out by layOutPackage, through the validator. */
import { validateWorkbook } from '../../src/engine/validate';
import { PACKAGES } from '../fixtures/real/check-real';
import { layOutPackage } from '../helpers/real-layout';

const SH = PACKAGES.filter((p) => p.id.startsWith('sh-putuo-commerce-2025'));

describe('Shanghai budget packages (family sh)', () => {
  it.each(SH.map((p) => [p.id, p] as const))(
    '%s: the coded tables are recognised as their sh form',
    (_id, pkg) => {
      const { workbook } = layOutPackage(pkg);
      const res = validateWorkbook(workbook);
      const got = res.sheets.map((s) => JSON.stringify(s).slice(0, 400));
      // eslint-disable-next-line no-console
      console.log(
        got.join('\n'),
        '\n',
        res.findings.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.message}`).join('\n'),
      );
      expect(res.sheets.some((s) => s.template?.startsWith('sh.'))).toBe(true);
    },
    60_000,
  );
});
