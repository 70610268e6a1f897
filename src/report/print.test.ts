/**
 * The 审核报告 prints (issue 16 item 14): the CLI's --format xlsx report and the sheet the pane
 * and the browser page insert, read back with exceljs: 宋体, borders, the message column wrapped
 * (rows tall enough), a filter on the headings, landscape A4 fitted to the width with the
 * headings on every page, and number formats on expected, actual and difference.
 */
import ExcelJS from 'exceljs';
import { Finding } from '../engine/types';
import { Summary } from '../engine/validate';
import { writeXlsx } from '../xlsx/write';
import { buildReport, fileReport } from './report';
import { reportSheet } from './sheet';
import { reportWorkbook } from './xlsx';

jest.setTimeout(60_000);

const LONG =
  '表3 208 社会保障和就业支出 基本支出：337.28 ≠ 下级科目 20801 287.48 + 20805 58.80 = 346.28，差 9.00，另见表1与表5的同一科目，核对后修改';
const FINDINGS: Finding[] = [
  {
    rule: 'H1',
    severity: 'error',
    sheet: '表3',
    cell: 'F7',
    related: [],
    expected: '346.28',
    actual: '337.28',
    difference: '-9.00',
    message: LONG,
    messageEn: LONG,
    hint: '差额 9.00 是 9 的倍数',
  },
  {
    rule: 'SI-9',
    severity: 'warning',
    sheet: '表1',
    cell: 'D9',
    related: [],
    expected: '0.1234',
    actual: '1114.2',
    difference: '12345678.5',
    message: '短',
    messageEn: 'short',
  },
];
const SUMMARY = { errors: 1, warnings: 1, infos: 0 } as Summary;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function checkPrint(ws: ExcelJS.Worksheet, headerRow: number) {
  expect(ws.pageSetup.paperSize).toBe(9);
  expect(ws.pageSetup.orientation).toBe('landscape');
  expect(ws.pageSetup.fitToPage).toBe(true);
  expect(ws.pageSetup.fitToWidth).toBe(1);
  expect(ws.pageSetup.fitToHeight).toBe(0);
  expect(ws.pageSetup.printTitlesRow).toBe(`${headerRow}:${headerRow}`);
}

describe('the 审核报告 prints', () => {
  it('--format xlsx: wrapped message, filter, landscape A4, number formats', async () => {
    const result = { findings: FINDINGS, summary: SUMMARY, sheets: [] } as unknown as Parameters<typeof fileReport>[1];
    const wb = await load(await reportWorkbook(buildReport([fileReport('a.xlsx', result)])));
    const ws = wb.getWorksheet('审核结果')!;
    checkPrint(ws, 1);
    expect(ws.autoFilter).toBe('A1:J3');
    const message = ws.getCell('F2');
    expect(message.value).toBe(LONG);
    expect(message.alignment?.wrapText).toBe(true);
    expect(ws.getRow(2).height).toBeGreaterThan(20);
    expect(message.font?.name).toBe('宋体');
    expect(message.border?.left?.style).toBe('thin');
    expect(ws.getCell('G2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('I2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('I2').value).toBe(-9);
    // A rate keeps its four decimals.
    expect(ws.getCell('G3').numFmt).toBe('#,##0.0000');
    expect(ws.getCell('H3').numFmt).toBe('#,##0.00');
    const summary = wb.getWorksheet('汇总')!;
    checkPrint(summary, 1);
    expect(summary.autoFilter).toBe('A1:G2');
  });

  it('the sheet the pane inserts, written by writeXlsx (the browser page)', async () => {
    const sheet = reportSheet(FINDINGS, SUMMARY);
    expect(sheet.format?.wrap).toEqual([4, 8]);
    const ws = (await load(await writeXlsx({ sheets: [sheet] }))).getWorksheet('审核报告')!;
    checkPrint(ws, 3);
    expect(ws.autoFilter).toBe('A3:I5');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').alignment?.horizontal).toBe('center');
    expect(ws.getCell('E4').alignment?.wrapText).toBe(true);
    expect(ws.getRow(4).height).toBeGreaterThan(20);
    expect(ws.getCell('F4').numFmt).toBe('#,##0.00');
    expect(ws.getCell('F5').numFmt).toBe('#,##0.0000');
    expect(ws.getCell('H5').value).toBe(12345678.5);
    expect(ws.getCell('H5').numFmt).toBe('#,##0.00');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
  });
});
