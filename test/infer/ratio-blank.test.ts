/**
 * G5 on a fund execution table with no form (inference only): the 期初余额/期末余额 lines leave the
 * 进度 and 增长 columns blank by design — a run of blank percents is not "missing"; one percent
 * blanked among filled ones still is (警告 at its cell).
 */
import { validateWorkbook } from '../../src/engine/validate';
import { a1 } from '../../src/workbook/model';
import { executionLines, executionWorkbook } from '../fixtures/funds/execution-2024q3';

const g5 = (lines = executionLines()) =>
  validateWorkbook(executionWorkbook(lines), { builtinForms: false }).findings.filter((f) => f.rule === 'G5');

describe('G5 percent columns left blank on purpose', () => {
  it('the balance lines under 进度/增长 draw no missing-percent warning', () => {
    expect(g5()).toEqual([]);
  });

  it('a single percent left out among filled ones is still reported at its cell', () => {
    const lines = executionLines();
    lines[2][2] = [null, lines[2][2][1]]; // the second fund's 进度 on the income lines
    const found = g5(lines);
    expect(found.map((f) => [f.cell, f.severity])).toEqual([[a1(5, 5), 'warning']]);
    expect(found[0].message).toContain('缺少百分比');
  });
});
