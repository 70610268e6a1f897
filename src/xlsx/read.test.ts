import JSZip from 'jszip';
import { readXlsx, WorkbookReadError } from './read';
import { writeXlsx } from './write';
import { WorkbookModel } from '../workbook/model';

const model: WorkbookModel = {
  sheets: [
    {
      name: '表3',
      rows: [
        [{ v: '部门支出总体情况表' }],
        [{ v: 1114.26, z: '#,##0.00' }, { v: '1,104.54' }, { v: 3, f: '=1+2' }, { v: null, f: '=A2*2' }],
        [{ v: { error: '#DIV/0!' }, f: '=1/0' }, { v: 0, f: '=1-1' }, { v: true }],
      ],
      merges: [{ r0: 0, c0: 0, r1: 0, c1: 3 }],
    },
    { name: '隐藏', hidden: true, rows: [[{ v: 'x' }]], merges: [] },
  ],
};

async function code(bytes: Uint8Array, limits = {}): Promise<string> {
  try {
    await readXlsx(bytes, limits);
    return 'ok';
  } catch (e) {
    if (e instanceof WorkbookReadError) return `${e.code}: ${e.reason.zh}`;
    throw e;
  }
}

describe('readXlsx', () => {
  it('reads values, formulas with cached results, formats, merges and hidden sheets', async () => {
    const back = await readXlsx(await writeXlsx(model));
    const s = back.sheets[0];
    expect(s.rows[0][0]).toEqual({ v: '部门支出总体情况表' });
    expect(s.rows[1][0]).toEqual({ v: 1114.26, z: '#,##0.00' });
    expect(s.rows[1][1]).toEqual({ v: '1,104.54' });
    expect(s.rows[1][2]).toEqual({ v: 3, f: '=1+2' });
    expect(s.rows[1][3]).toEqual({ v: null, f: '=A2*2' });
    expect(s.rows[2][0]).toEqual({ v: { error: '#DIV/0!' }, f: '=1/0' });
    expect(s.rows[2][2]).toEqual({ v: true });
    // A formula whose cached result is 0 is calculated (exceljs hides that 0 from cell.value).
    expect(s.rows[2][1]).toEqual({ v: 0, f: '=1-1' });
    expect(s.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 3 }]);
    expect(back.sheets[1]).toMatchObject({ name: '隐藏', hidden: true });
  });

  it.each([
    ['an empty file', new Uint8Array(0), /^empty: 文件为空/],
    [
      'a password-protected or .xls file (CFB)',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /^encrypted: .*加密/,
    ],
    ['a text file', new TextEncoder().encode('科目编码,名称\n201,一般公共服务支出\n'), /^not-xlsx: /],
  ])('refuses %s with a clear message', async (_name, bytes, expected) => {
    expect(await code(bytes)).toMatch(expected);
  });

  it('refuses a truncated (corrupt) workbook', async () => {
    const bytes = await writeXlsx(model);
    expect(await code(bytes.slice(0, 2000))).toMatch(/^corrupt: 文件已损坏/);
  });

  it('refuses a zip that holds no workbook (e.g. a .docx)', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(await code(bytes)).toMatch(/^not-workbook: /);
  });

  it('refuses a zip bomb before unpacking it', async () => {
    const zip = new JSZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(30 * 1024 * 1024));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bytes.length).toBeLessThan(1024 * 1024);
    expect(await code(bytes, { maxUncompressedBytes: 10 * 1024 * 1024 })).toMatch(/^too-large: 解压后过大/);
  });

  it('refuses a file over the size limit and a workbook over the cell limit', async () => {
    const bytes = await writeXlsx(model);
    expect(await code(bytes, { maxFileBytes: 100 })).toMatch(/^too-large: 文件过大/);
    expect(await code(bytes, { maxCells: 3 })).toMatch(/^too-large: 单元格过多/);
  });
});
