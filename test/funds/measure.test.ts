/**
 * Header labels read as year + measure (src/recognize/measure.ts), and the style (b) package whose
 * 结余 tables name the year, the balance and the measure in one label (issue 12: 4 of 14 tables
 * were refused for `2023年年末累计结余预算调整数 | 2023年年末累计结余预计数`).
 */
import { headerRegex, parseHeaderLabel } from '../../src/recognize/measure';
import { validateWorkbook } from '../../src/engine/validate';
import { WorkbookModel } from '../../src/workbook/model';
import { cleanStyleB, StyleBOptions, styleBWorkbook } from '../helpers/si-style-b';

describe('parseHeaderLabel', () => {
  it.each([
    ['2023年执行数', { year: 2023, measure: 'execution', percent: false }],
    ['2024年预算数', { year: 2024, measure: 'budget', percent: false }],
    ['调整预算数', { measure: 'adjustedBudget', percent: false }],
    ['2023年预算调整数', { year: 2023, measure: 'budgetAdjustment', percent: false }],
    ['上年预计数', { yearWord: '上年', measure: 'estimate', percent: false }],
    ['2023 年预计执行数', { year: 2023, measure: 'estimatedExecution', percent: false }],
    ['完成数', { measure: 'completed', percent: false }],
    ['2023年决算数', { year: 2023, measure: 'final', percent: false }],
    ['当期执行数', { measure: 'period', percent: false }],
    ['累计执行数', { measure: 'cumulative', percent: false }],
    ['上年同期累计执行数', { measure: 'lastYearSamePeriod', percent: false }],
    ['上年同期', { measure: 'lastYearSamePeriod', percent: false }],
    ['预算执行进度(%)', { measure: 'progress', percent: true }],
    ['预算执行进度（%）', { measure: 'progress', percent: true }],
    ['比上年同期增长(%)', { measure: 'growth', percent: true }],
    ['增长%', { measure: 'growth', percent: true }],
    [
      '2023年年末累计结余预算调整数',
      { year: 2023, subject: '年末累计结余', measure: 'budgetAdjustment', percent: false },
    ],
    ['2023年年末累计结余预计数', { year: 2023, subject: '年末累计结余', measure: 'estimate', percent: false }],
    ['2024年年末滚存结余', { year: 2024, subject: '年末滚存结余', measure: 'budget', percent: false }],
  ])('%s', (label, meaning) => {
    expect(parseHeaderLabel(label)).toEqual(meaning);
  });

  it.each(['项目', '合计', '基本支出', '2023年', '年末累计结余人数', '预算数为上年预计数的%'])(
    '%s is not a measure',
    (label) => {
      expect(parseHeaderLabel(label)).toBeUndefined();
    },
  );

  it('headerRegex accepts the measures asked for, with a year and a balance subject', () => {
    const re = headerRegex({ measures: ['budgetAdjustment', 'adjustedBudget'], subjects: 'any' });
    expect(['2023年年末累计结余预算调整数', '预算调整数', '上年调整预算数'].filter((l) => re.test(l))).toHaveLength(3);
    expect(['2023年年末累计结余预计数', '2023年预算数', '调整数'].some((l) => re.test(l))).toBe(false);
    const pct = headerRegex({ measures: ['progress'] });
    expect(pct.test('预算执行进度(%)') && pct.test('执行进度%') && pct.test('进度')).toBe(true);
  });
});

/** The style (b) package with its 结余 tables headed `2023年年末累计结余…数` (and the plan ones likewise). */
function balanceHeadersNamed(model: WorkbookModel): number {
  const rename: Record<string, string> = {
    '2023年预算调整数': '2023年年末累计结余预算调整数',
    '2023年预计执行数': '2023年年末累计结余预计数',
    '2024年预算数': '2024年年末累计结余预算数',
  };
  let renamed = 0;
  for (const sheet of model.sheets) {
    let inBalance = false;
    for (const row of sheet.rows) {
      for (const cell of row ?? []) {
        if (!cell || typeof cell.v !== 'string') continue;
        if (/执行情况表|安排表|平衡表/.test(cell.v)) inBalance = /结余(执行情况|安排)表/.test(cell.v);
        if (inBalance && rename[cell.v]) {
          cell.v = rename[cell.v];
          renamed++;
        }
      }
    }
  }
  return renamed;
}

describe('style (b) 结余 tables headed by year + balance + measure', () => {
  it.each<[string, StyleBOptions]>([
    ['one table per sheet', {}],
    ['stacked', { stacked: true }],
  ])('all 14 tables recognised and clean (%s)', (_name, options) => {
    const model = styleBWorkbook(cleanStyleB(), options);
    expect(balanceHeadersNamed(model)).toBe(8);
    const res = validateWorkbook(model);
    expect(res.sheets.filter((s) => !s.template).map((s) => `${s.name}: ${s.reason}`)).toEqual([]);
    if (!options.stacked) expect(res.sheets.filter((s) => s.template).length).toBe(14);
    expect(res.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`)).toEqual([]);
  });

  it('a +1 change of a 结余 预算调整数 cell is still an error at its cell', () => {
    const model = styleBWorkbook(cleanStyleB());
    balanceHeadersNamed(model);
    const sheet = model.sheets.find((s) =>
      s.rows.some((r) => r?.some((c) => c?.v === '2023年年末累计结余预算调整数')),
    )!;
    const hr = sheet.rows.findIndex((r) => r?.some((c) => c?.v === '2023年年末累计结余预算调整数'));
    const col = sheet.rows[hr]!.findIndex((c) => c?.v === '2023年年末累计结余预算调整数');
    const r = sheet.rows.findIndex((row, i) => i > hr && typeof row?.[col]?.v === 'number');
    (sheet.rows[r]![col]!.v as number) += 1;
    const res = validateWorkbook(model);
    const a1 = `${String.fromCharCode(65 + col)}${r + 1}`;
    expect(
      res.findings.filter((f) => f.severity === 'error' && f.sheet === sheet.name && f.cell === a1).length,
    ).toBeGreaterThan(0);
  });
});
