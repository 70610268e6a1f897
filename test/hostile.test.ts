/**
 * Hostile and broken input: the engine returns findings or a clear error, never a stack trace,
 * and report outputs never turn a cell text into a live formula.
 */
import fc from 'fast-check';
import { strToU8, Zip, ZipDeflate } from 'fflate';
import ExcelJS from 'exceljs';
import { parseAmount } from '../src/amount/parse';
import { validateWorkbook } from '../src/engine/validate';
import { recognizeSheet } from '../src/recognize/recognize';
import { buildReport } from '../src/report/report';
import { reportSheet } from '../src/report/sheet';
import { reportWorkbook } from '../src/report/xlsx';
import { readXlsx } from '../src/xlsx/read';
import { writeXlsx } from '../src/xlsx/write';
import { Cell, CellValue, sheetFromValues, WorkbookModel } from '../src/workbook/model';
import { cleanSeed001, seed001Workbook } from './helpers/seed001';

// These tests read, validate and write whole workbooks (some in worker threads): on a loaded
// 2-core machine one can take well over jest's 5 s default. An explicit, generous budget.
jest.setTimeout(120_000);

const cellValue = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    '总计',
    '合计',
    '208',
    '01',
    '*',
    '※',
    '1',
    '单位：万元',
    '部门支出总体情况表',
    '编制部门：某单位',
    '1,114.26',
    '(12.30)',
    '—',
    '#REF!',
  ),
  fc.boolean(),
  fc.constant({ error: '#DIV/0!' }),
) as fc.Arbitrary<CellValue>;

describe('property: for any input, findings or a clear error, never a throw', () => {
  it('parseAmount', () => {
    fc.assert(
      fc.property(fc.anything(), (v) => {
        const p = parseAmount(v);
        expect(['amount', 'empty', 'invalid']).toContain(p.kind);
      }),
      { numRuns: 2000 },
    );
  });

  it('the recognizer and the engine on random sheets', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cellValue, { maxLength: 8 }), { maxLength: 25 }), (grid) => {
        const sheet = sheetFromValues('表3', grid);
        expect(() => recognizeSheet(sheet)).not.toThrow();
        const res = validateWorkbook({ sheets: [sheet] });
        expect(res.findings.every((f) => typeof f.message === 'string' && f.message.length > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('the engine on a real package with random cells overwritten', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 10 }),
            fc.integer({ min: 0, max: 30 }),
            fc.integer({ min: 0, max: 12 }),
            cellValue,
          ),
          { maxLength: 30 },
        ),
        (edits) => {
          const model = seed001Workbook(cleanSeed001());
          for (const [s, r, c, v] of edits) {
            const row = (model.sheets[s].rows[r] ??= []);
            row[c] = v === null ? undefined : ({ v } as Cell);
          }
          const res = validateWorkbook(model);
          expect(res.sheets.length).toBeGreaterThanOrEqual(11);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('broken workbooks', () => {
  it('formulas with #REF!, #DIV/0!, circular references and no cached values are findings at their cells', () => {
    const model = seed001Workbook(cleanSeed001());
    const t3 = model.sheets[2].rows;
    t3[6][4] = { v: { error: '#REF!' }, f: '=#REF!+1' };
    t3[7][4] = { v: { error: '#DIV/0!' }, f: '=1/0' };
    t3[8][4] = { v: 0, f: '=E9' }; // circular: Excel leaves 0 and warns
    t3[9][4] = { v: null, f: '=E11' };
    const res = validateWorkbook(model);
    const c1 = res.findings.filter((f) => f.rule === 'C1').map((f) => `${f.severity} ${f.cell}`);
    expect(c1).toEqual(['error E7', 'error E8', 'warning E10']);
    expect(res.findings.find((f) => f.cell === 'E7')?.message).toContain('#REF!');
  });

  it('text where amounts belong, and huge strings, are readable findings', () => {
    const model = seed001Workbook(cleanSeed001());
    model.sheets[2].rows[6][4] = { v: '一千零六十三' };
    model.sheets[2].rows[7][5] = { v: 'x'.repeat(200_000) };
    const res = validateWorkbook(model);
    const c1 = res.findings.filter((f) => f.rule === 'C1');
    expect(c1.map((f) => f.cell)).toEqual(['E7', 'F8']);
    expect(c1[1].message.length).toBeLessThan(200);
  });

  it('duplicate codes and two copies of the same table do not crash', () => {
    const s = cleanSeed001();
    s.t3.splice(4, 0, { ...s.t3[3] });
    const model = seed001Workbook(s);
    model.sheets.push({ ...model.sheets[4], name: '表5(2)' });
    const res = validateWorkbook(model);
    expect(res.sheets.filter((x) => x.template === 'dept.t05')).toHaveLength(2);
    expect(res.findings.find((f) => f.rule === 'P1')?.message).toBe(
      '工作簿中有 2 张“一般公共预算支出情况表”（工作表 表5、表5(2)），表间核对只使用第一张',
    );
    expect(res.findings.find((f) => f.rule === 'K1' && /重复出现/.test(f.message))?.message).toBe(
      '表3 科目 2080109（社会保险经办机构）重复出现（另见第 9 行）',
    );
  });

  it('thousands of merged ranges are read and recognised quickly', async () => {
    const rows: CellValue[][] = [['部门支出总体情况表'], ['编制部门：x', null, null, null, null, null, '单位：万元']];
    const merges: string[] = [];
    for (let r = 3; r < 3003; r++) {
      rows.push(['', '', '', '', '', '', '']);
      merges.push(`A${r}:C${r}`);
    }
    const model: WorkbookModel = { sheets: [sheetFromValues('表3', rows, merges)] };
    const back = await readXlsx(await writeXlsx(model));
    expect(back.sheets[0].merges.length).toBe(3000);
    expect(() => validateWorkbook(back)).not.toThrow();
  });
});

describe('a 1,000,000-row sheet', () => {
  /** The sheet's XML is produced and deflated in chunks, so the test itself stays small. */
  function millionRows(rows: number): Uint8Array {
    const out: Uint8Array[] = [];
    const zip = new Zip((err, data) => {
      if (err) throw err;
      out.push(data);
    });
    const add = (name: string, text: string) => {
      const f = new ZipDeflate(name, { level: 1 });
      zip.add(f);
      f.push(strToU8(text), true);
    };
    const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    add('xl/workbook.xml', `<workbook ${NS}><sheets><sheet name="大表" sheetId="1"/></sheets></workbook>`);
    const sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 1 });
    zip.add(sheet);
    sheet.push(strToU8(`<worksheet ${NS}><sheetData>`));
    for (let r = 1; r <= rows; r += 10_000) {
      let xml = '';
      for (let k = r; k < r + 10_000 && k <= rows; k++) xml += `<row r="${k}"><c r="A${k}"><v>${k}.5</v></c></row>`;
      sheet.push(strToU8(xml));
    }
    sheet.push(strToU8('</sheetData></worksheet>'), true);
    zip.end();
    const bytes = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
    out.reduce((at, c) => (bytes.set(c, at), at + c.length), 0);
    return bytes;
  }

  let bytes: Uint8Array;
  beforeAll(() => {
    bytes = millionRows(1_000_000);
  });

  it('is read as a stream with bounded memory and reported, not crashed on', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const model = await readXlsx(bytes);
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    expect(model.sheets[0].rows).toHaveLength(1_000_000);
    expect(model.sheets[0].rows[999_999][0]).toEqual({ v: 1_000_000.5 });
    // The model costs what its cells cost (about 100 bytes a row; ≈230 MB measured with the garbage
    // not yet collected), never the whole XML held at once (exceljs needs over 2 GB here).
    expect(heapGrowth).toBeLessThan(500 * 1024 * 1024);
    const res = validateWorkbook(model);
    expect(res.findings.map((f) => `${f.severity} ${f.rule}`)).toEqual(['error P2']);
  });

  it('over the cell limit, the read stops early with a clear message', async () => {
    await expect(readXlsx(bytes, { maxCells: 100_000 })).rejects.toThrow(
      '单元格过多：超过上限 100000 个 / Too many cells: over the limit of 100000',
    );
  });
});

describe('formula injection in exported reports', () => {
  const evil = ['=HYPERLINK("http://x","y")', '+cmd|"/c calc"!A0', '-2+3', '@SUM(A1)'];

  it('the .xlsx report writes such texts as text, never as formulas', async () => {
    const report = buildReport([
      {
        file: evil[0],
        sheets: [],
        findings: evil.map((e, i) => ({
          rule: 'C1',
          severity: 'error' as const,
          sheet: e,
          cell: 'A1',
          related: [],
          message: e,
          messageEn: e,
          hint: e,
          actual: e,
          expected: String(i),
        })),
        summary: { errors: 4, warnings: 0, infos: 0 },
      },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportWorkbook(report)) as unknown as ArrayBuffer);
    let formulas = 0;
    const texts: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas++;
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      ),
    );
    expect(formulas).toBe(0);
    for (const e of evil) expect(texts).toContain(`'${e}`);
  });

  it('the 审核报告 sheet inserted into the workbook does the same', () => {
    const sheet = reportSheet(
      evil.map((e) => ({
        rule: 'C1',
        severity: 'error' as const,
        sheet: e,
        cell: 'A1',
        related: [],
        message: e,
        messageEn: e,
      })),
      { errors: 4, warnings: 0, infos: 0 },
    );
    const cells = sheet.rows.flat().filter((c): c is Cell => !!c);
    expect(cells.some((c) => c.f)).toBe(false);
    expect(cells.filter((c) => typeof c.v === 'string' && /^[=+\-@]/.test(c.v))).toEqual([]);
  });
});
