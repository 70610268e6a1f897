/**
 * Issue 12: a sheet without its title whose header `项目 | 2023年执行数 | 2024年预算数` fits the
 * one-fund 收支表 and the 社会保险基金 收入表 / 支出表 alike is told by its lines: the one-fund table's
 * 本年收入小计 … 总计 make it that form (both as printed and stacked), clean; a 社会保险基金 收入表 without
 * its title, which has none of those lines, is still refused, naming the two fund tables it fits.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateWorkbook } from '../../src/engine/validate';
import { recognizeWorkbook } from '../../src/recognize/recognize';
import { readXlsx } from '../../src/xlsx/read';
import { NINGXIA_2024_RESIDENT_MEDICAL as NX } from '../fixtures/funds/ningxia-2024-resident-medical';
import { layOutOneFund } from './one-fund-layout';

describe('untitled fund sheets', () => {
  it.each([
    ['as printed', false, 'fund.income-expense'],
    ['stacked', true, 'fund.income-expense.stacked'],
  ])('the one-fund 收支表 without its title (%s) is the one-fund form by its lines, clean', (_n, stacked, id) => {
    const { workbook } = layOutOneFund(NX, { stacked });
    const sheet = workbook.sheets[0];
    sheet.rows.shift();
    sheet.merges = [];
    sheet.name = 'Sheet1';
    const res = validateWorkbook(workbook);
    expect(res.sheets.map((s) => s.template)).toEqual([id]);
    expect(res.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a 社会保险基金 收入表 without its title is still refused, naming both fund tables it fits', async () => {
    const wb = await readXlsx(fs.readFileSync(path.join(__dirname, '../fixtures/si/seed000-published.xlsx')));
    const sheet = wb.sheets[0];
    sheet.rows.splice(0, 2);
    sheet.merges = (sheet.merges ?? []).filter((m) => m.r0 > 1).map((m) => ({ ...m, r0: m.r0 - 2, r1: m.r1 - 2 }));
    const r = recognizeWorkbook({ sheets: [sheet] }).sheets[0];
    expect(r.table).toBeNull();
    expect(r.reason?.zh).toMatch(/同时符合“社会保险基金预算收入表”和“社会保险基金预算支出表”/);
  });
});
