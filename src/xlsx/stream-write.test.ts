import { execFileSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import fc from 'fast-check';
import { readXlsx } from './read';
import { colName, numberText, writeXlsxStream } from './stream-write';
import { WorkbookModel } from '../workbook/model';
import { strFromU8, unzipSync } from 'fflate';
import { departmentWorkbook } from '../generate/department';
import { nodeDeflateRaw } from './node-deflate';
import { anyDouble, cents, fifteen, ties } from '../../test/helpers/amount-arbitraries';

const model: WorkbookModel = {
  sheets: [
    {
      name: '表3',
      rows: [
        [{ v: '部门支出总体情况表 <&>"\'' }],
        [
          { v: 1114.26, z: '#,##0.00' },
          { v: '001', z: '@' },
          { v: 3, f: '=1+2' },
          { v: null, f: '=A2*2' },
        ],
        [{ v: { error: '#DIV/0!' }, f: '=1/0' }, { v: 0.1 + 0.2 }, { v: true }, { v: 'x', f: '="x"' }],
      ],
      merges: [{ r0: 0, c0: 0, r1: 0, c1: 3 }],
    },
    { name: '隐藏', hidden: true, rows: [[{ v: ' 空格 ' }]], merges: [] },
  ],
};

describe('streaming xlsx writer', () => {
  it('names columns', () => {
    expect([0, 25, 26, 701, 702, 16383].map(colName)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA', 'XFD']);
  });

  it('round-trips values, formulas, formats, merges and hidden sheets through our reader', async () => {
    const back = await readXlsx(await writeXlsxStream(model));
    const s = back.sheets[0];
    expect(s.name).toBe('表3');
    expect(s.rows[0][0]).toEqual({ v: '部门支出总体情况表 <&>"\'' });
    expect(s.rows[1][0]).toEqual({ v: 1114.26, z: '#,##0.00' });
    expect(s.rows[1][1]).toEqual({ v: '001', z: '@' });
    expect(s.rows[1][2]).toEqual({ v: 3, f: '=1+2' });
    expect(s.rows[1][3]).toEqual({ v: null, f: '=A2*2' });
    expect(s.rows[2][0]).toEqual({ v: { error: '#DIV/0!' }, f: '=1/0' });
    expect(s.rows[2][1]).toEqual({ v: 0.1 + 0.2 });
    expect(s.rows[2][2]).toEqual({ v: true });
    expect(s.rows[2][3]).toEqual({ v: 'x', f: '="x"' });
    expect(s.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 3 }]);
    expect(back.sheets[1].hidden).toBe(true);
    expect(back.sheets[1].rows[0][0]).toEqual({ v: ' 空格 ' });
  }, 60000);

  it('round-trips any finite number and any text (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ unit: 'binary' })), {
          minLength: 1,
          maxLength: 20,
        }),
        async (pairs) => {
          const rows = pairs.map(([n, t]) => [{ v: Object.is(n, -0) ? 0 : n }, { v: t }]);
          const back = await readXlsx(await writeXlsxStream({ sheets: [{ name: 'p', rows, merges: [] }] }));
          pairs.forEach(([n, t], r) => {
            expect(back.sheets[0].rows[r][0]?.v).toBe(Object.is(n, -0) ? 0 : n);
            const got = back.sheets[0].rows[r][1]?.v ?? '';
            // Characters XML cannot carry come back as themselves via _xHHHH_ escapes.
            expect(got).toBe(t);
          });
        },
      ),
      { numRuns: 50 },
    );
  }, 120000);

  it('gives the same bytes for the same model', async () => {
    expect(Buffer.from(await writeXlsxStream(model)).equals(Buffer.from(await writeXlsxStream(model)))).toBe(true);
  }, 60000);

  it('round-trips 15-significant-digit edge cases', async () => {
    const nums = [123456789012345, 0.1, 1e-7, 999999999999999, 1.23456789012345e300, -5e-324, 9007199254740993];
    const back = await readXlsx(
      await writeXlsxStream({ sheets: [{ name: 'n', rows: nums.map((v) => [{ v }]), merges: [] }] }),
    );
    expect(back.sheets[0].rows.map((r) => r[0]?.v)).toEqual(nums);
  }, 60000);

  it('round-trips values, formulas and number formats (property)', async () => {
    const formats = fc.constantFrom(
      undefined,
      '#,##0.00',
      '0.00',
      '0%',
      '0.00%',
      '@',
      '#,##0.0000',
      '0.0"万元"',
      '#,##0.00_);[Red](#,##0.00)',
    );
    const cellArb = fc.record({
      v: fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
        fc.string(),
        fc.boolean(),
        fc.constant(null),
      ),
      f: fc.option(
        fc
          .tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }))
          .map(([a, b]) => `=SUM(A${a}:B${b})*2`),
        { nil: undefined },
      ),
      z: formats,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        async (grid) => {
          const rows = grid.map((r) =>
            r.map((c) => {
              const cell: { v: unknown; f?: string; z?: string } = { v: c.v };
              if (c.f) cell.f = c.f;
              if (c.z) cell.z = c.z;
              return cell as WorkbookModel['sheets'][0]['rows'][0][0];
            }),
          );
          const back = await readXlsx(await writeXlsxStream({ sheets: [{ name: 'p', rows, merges: [] }] }));
          rows.forEach((row, r) =>
            row.forEach((cell, c) => {
              const got = back.sheets[0].rows[r]?.[c];
              // The reader skips a cell with neither value nor formula (its format alone is not content).
              const empty = cell!.v === null && !cell!.f;
              if (empty) return expect(got).toBeUndefined();
              expect(got?.f).toBe(cell!.f);
              expect(got?.z).toBe(cell!.z);
              expect(got?.v ?? null).toEqual(cell!.v);
            }),
          );
        },
      ),
      { numRuns: 60 },
    );
  }, 120000);

  it('with zlib as the compressor (the CLI): the same contents, several chunks per part', async () => {
    const rows = Array.from({ length: 5000 }, (_v, i) => [{ v: `项目${i}` }, { v: i * 1.25, z: '#,##0.00' }]);
    const big: WorkbookModel = { sheets: [...model.sheets, { name: 'big', rows, merges: [] }] };
    const bytes = await writeXlsxStream(big, { deflateRaw: nodeDeflateRaw });
    const parts = unzipSync(bytes);
    const plain = unzipSync(await writeXlsxStream(big));
    expect(Object.keys(parts)).toEqual(Object.keys(plain));
    for (const k of Object.keys(parts)) expect(strFromU8(parts[k])).toBe(strFromU8(plain[k]));
    expect((await readXlsx(bytes)).sheets[2].rows[4999]).toEqual([
      { v: '项目4999' },
      { v: 4999 * 1.25, z: '#,##0.00' },
    ]);
  }, 60000);

  it('writes a SheetFormat: widths, fonts, borders, merges, frozen rows, print titles', async () => {
    const bytes = await writeXlsxStream(departmentWorkbook({ organisation: '测试单位', year: 2025 }));
    const files = unzipSync(bytes);
    const sheet = strFromU8(files['xl/worksheets/sheet3.xml']);
    expect(sheet).toMatch(/<cols><col min="1" max="1" width="[\d.]+" style="\d+" customWidth="1"\/>/);
    expect(sheet).toContain('<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>');
    expect(sheet).toContain('<mergeCell ref="A1:G1"/>');
    const styles = strFromU8(files['xl/styles.xml']);
    expect(styles).toContain('<font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font>');
    expect(styles).toContain('<left style="thin"/>');
    expect(strFromU8(files['xl/workbook.xml'])).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="2">'表3'!$3:$5</definedName>`,
    );
    // Our reader still sees the values and formats.
    const back = await readXlsx(bytes);
    expect(back.sheets[2].rows[0][0]?.v).toBe('2025年部门支出总体情况表');
  }, 60000);

  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find(existsSync);
  (soffice ? it : it.skip)(
    'LibreOffice opens a generated, formatted workbook and recalculates it',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sw-'));
      const model = departmentWorkbook({ organisation: '测试单位', year: 2025 });
      // 表3 row 6 (总计): E6 = F6 + G6; give F6 and G6 values.
      const t3 = model.sheets[2];
      t3.rows[5][5] = { v: 1.25, z: '#,##0.00' };
      t3.rows[5][6] = { v: 2.5, z: '#,##0.00' };
      // No cached result: LibreOffice computes it on opening.
      t3.rows[5][4] = { ...t3.rows[5][4]!, v: null };
      writeFileSync(join(dir, 'f.xlsx'), await writeXlsxStream({ sheets: [t3] }));
      execFileSync(
        soffice!,
        [
          '--headless',
          `-env:UserInstallation=file://${dir}/u`,
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76',
          '--outdir',
          dir,
          join(dir, 'f.xlsx'),
        ],
        { timeout: 170000 },
      );
      const csv = readFileSync(join(dir, 'f.csv'), 'utf8');
      expect(csv).toContain('2025年部门支出总体情况表');
      expect(csv).toMatch(/3\.75,1\.25,2\.50/);
    },
    180000,
  );

  (soffice ? it : it.skip)(
    'opens in LibreOffice',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'sw-'));
      writeFileSync(join(dir, 'a.xlsx'), await writeXlsxStream(model));
      execFileSync(
        soffice!,
        [
          '--headless',
          `-env:UserInstallation=file://${dir}/u`,
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76',
          '--outdir',
          dir,
          join(dir, 'a.xlsx'),
        ],
        {
          timeout: 170000,
        },
      );
      const csv = readFileSync(join(dir, 'a.csv'), 'utf8');
      expect(csv).toContain('部门支出总体情况表');
      expect(csv).toContain('"1,114.26",001,3,2228.52'); // LibreOffice recalculated =A2*2
    },
    180000,
  );
});

describe('numberText (the <v> of a number)', () => {
  it('is String(v) for every finite double — the amounts path included — and undefined otherwise', () => {
    fc.assert(
      fc.property(fc.oneof(anyDouble, cents, fifteen, ties), (v) => {
        expect(numberText(v)).toBe(Number.isFinite(v) ? String(v) : undefined);
      }),
      { numRuns: 50_000 },
    );
    for (const v of [0.01, -0.01, 0.1, -0.5, 0.05, 1.1, 1104.54, -1104.5, 9999999999999.99, 0.1 + 0.2, 1.005, -0])
      expect(numberText(v)).toBe(String(v));
    expect(numberText(NaN)).toBeUndefined();
    expect(numberText(-Infinity)).toBeUndefined();
  });
});
