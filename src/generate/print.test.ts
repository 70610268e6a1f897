/**
 * Generated workbooks print like the published forms (issue 16 item 14) and keep their codes'
 * leading zeros (issue 15 item 5): read back from the written .xlsx with exceljs, as Excel would
 * see them: widths from content, 宋体, borders on the table, a merged and centred title, A4 fitted
 * to the width with the header rows repeated, code cells and columns as text.
 */
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../cli/main';
import { readXlsx } from '../xlsx/read';
import { writeXlsx } from '../xlsx/write';
import { textWidth } from '../workbook/format';
import { departmentWorkbook } from './department';
import { fundWorkbook } from './si';

jest.setTimeout(60_000);

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const T3_ROWS = {
  3: [
    { code: '208', name: '社会保障和就业支出' },
    { code: '20801', name: '人力资源和社会保障管理事务' },
    { code: '2080109', name: '社会保险经办机构' },
  ],
};

describe('generated workbooks: codes keep their leading zeros', () => {
  it('writes 款/项 codes as text cells in text-formatted code columns', async () => {
    const bytes = await writeXlsx(departmentWorkbook({ organisation: '测试单位', year: 2025, rows: T3_ROWS }));
    const ws = (await load(bytes)).getWorksheet('表3')!;
    // 总计 on row 6, then 208, 20801, 2080109: 款 in B, 项 in C.
    expect(ws.getCell('B8').value).toBe('01');
    expect(ws.getCell('B8').numFmt).toBe('@');
    expect(ws.getCell('C9').value).toBe('09');
    expect(ws.getCell('C9').numFmt).toBe('@');
    // Rows the clerk adds below: the code columns are text as a whole, the amounts are not.
    for (const col of ['A', 'B', 'C']) expect(ws.getColumn(col).numFmt).toBe('@');
    expect(ws.getColumn('E').numFmt ?? 'General').not.toBe('@');
    // Our own reader sees text with the text format.
    const back = await readXlsx(bytes);
    expect(back.sheets[2].rows[7][1]).toEqual({ v: '01', z: '@' });
  });

  it('through the CLI (`template`): code columns are text, and the fund forms’ codes are text cells', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-'));
    try {
      const io = { stdout: () => undefined, stderr: () => undefined };
      const dept = path.join(dir, 'dept.xlsx');
      const si = path.join(dir, 'si-a.xlsx');
      expect(await main(['template', '--kind', 'dept', '--year', '2025', '--out', dept], io)).toBe(0);
      expect(await main(['template', '--kind', 'si-a', '--year', '2025', '--out', si], io)).toBe(0);
      const t3 = (await load(fs.readFileSync(dept))).getWorksheet('表3')!;
      // A 款 typed into row 7 later stays `01`: the column and its cells are text.
      for (const col of ['A', 'B', 'C']) expect(t3.getColumn(col).numFmt).toBe('@');
      const t1 = (await load(fs.readFileSync(si))).getWorksheet('表1')!;
      expect(t1.getCell('A10').value).toBe('1020101');
      expect(t1.getCell('A10').numFmt).toBe('@');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the fund forms’ 科目编码 as text too', async () => {
    const ws = (await load(await writeXlsx(fundWorkbook('a', { year: 2025, region: '阿图什市' })))).getWorksheet(
      '表1',
    )!;
    expect(ws.getCell('A10').value).toBe('1020101');
    expect(ws.getCell('A10').numFmt).toBe('@');
  });
});

describe('generated workbooks print like the published forms', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gen-'));
    const out = path.join(dir, 'dept.xlsx');
    const io = { stdout: () => undefined, stderr: () => undefined };
    // Through the CLI, as a clerk makes it.
    expect(
      await main(['template', '--kind', 'dept', '--unit', '阿图什市社会保险中心', '--year', '2025', '--out', out], io),
    ).toBe(0);
    wb = await load(fs.readFileSync(out));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sizes the columns from their content: no label is cut, and the sheets differ', () => {
    const t1 = wb.getWorksheet('表1')!;
    // The longest income label of 表1 fits its column.
    expect(t1.getColumn(1).width).toBeGreaterThanOrEqual(textWidth('上级一般公共预算安排转移支付'));
    const t3 = wb.getWorksheet('表3')!;
    expect(t3.getColumn(1).width).toBeLessThanOrEqual(8); // 类
    expect(t3.getColumn(4).width).toBeGreaterThanOrEqual(textWidth('功能分类科目名称'));
    const widths = (name: string) => JSON.stringify(wb.getWorksheet(name)!.columns.map((c) => c.width));
    expect(widths('表1')).not.toBe(widths('表3'));
    expect(widths('表2')).not.toBe(widths('表10'));
  });

  it('uses 宋体, a merged, centred, bold title and borders on the table only', () => {
    const ws = wb.getWorksheet('表3')!;
    const title = ws.getCell('A1');
    expect(title.value).toBe('2025年部门支出总体情况表');
    expect(title.isMerged).toBe(true);
    expect(ws.getCell('G1').master.address).toBe('A1');
    expect(title.alignment?.horizontal).toBe('center');
    expect(title.font?.bold).toBe(true);
    expect(title.font?.name).toBe('宋体');
    expect(title.border?.top).toBeUndefined();
    for (const a of ['A3', 'D4', 'E5', 'D6', 'G6']) {
      expect(ws.getCell(a).font?.name).toBe('宋体');
      expect(ws.getCell(a).border?.left?.style).toBe('thin');
      expect(ws.getCell(a).border?.bottom?.style).toBe('thin');
    }
    expect(ws.getCell('G2').alignment?.horizontal).toBe('right'); // 单位：万元
    expect(ws.getCell('E3').alignment?.wrapText).toBe(true);
  });

  it('prints on A4 fitted to the page width with the header rows on every page', () => {
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.fitToPage).toBe(true);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.fitToHeight).toBe(0);
    }
    expect(wb.getWorksheet('表3')!.pageSetup.printTitlesRow).toBe('3:5');
    expect(wb.getWorksheet('表3')!.pageSetup.orientation).toBe('portrait');
    // 表2 has twelve amount columns: landscape.
    expect(wb.getWorksheet('表2')!.pageSetup.orientation).toBe('landscape');
  });
});
