import { PACKAGES } from '../fixtures/real/check-real';
import { layOutPackage } from '../helpers/real-layout';
import { validateWorkbook } from '../../src/engine/validate';
const only = process.argv[2];
for (const p of PACKAGES) {
  const { workbook } = layOutPackage(p);
  const res = validateWorkbook(workbook);
  for (const f of res.findings) if (!only || f.sheet === only || f.rule !== 'G0') console.log(f.severity, f.rule, f.sheet, f.cell, f.message);
}
