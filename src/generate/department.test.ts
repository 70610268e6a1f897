import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { validateWorkbook } from '../engine/validate';
import { readXlsx } from '../xlsx/read';
import { writeXlsx } from '../xlsx/write';
import { WorkbookModel } from '../workbook/model';
import { cleanSeed001 } from '../../test/helpers/seed001';
import { departmentWorkbook } from './department';

function seedRows() {
  const s = cleanSeed001();
  const noTotal = (rows: typeof s.t2) => rows.filter((r) => r.name !== '总计');
  return { 2: noTotal(s.t2), 3: noTotal(s.t3), 5: noTotal(s.t5), 6: noTotal(s.t6), 7: noTotal(s.t7) };
}

/** The one fixed-row input of seed 001 that no other table carries: 单位资金's 其中 row. */
const SEED_FIXED = { 1: { 其他收入: { inAmount: 8.72 } } };

function formulaCells(m: WorkbookModel): { sheet: string; r: number; c: number; f: string; v: unknown }[] {
  return m.sheets.flatMap((s) =>
    s.rows.flatMap((row, r) =>
      row
        .map((cell, c) => (cell?.f ? { sheet: s.name, r, c, f: cell.f, v: cell.v } : null))
        .filter((x): x is NonNullable<typeof x> => x !== null),
    ),
  );
}

describe('standard workbook generator', () => {
  it('lays out the 11 tables, recognised table by table, with formulas in derived cells', async () => {
    const blank = departmentWorkbook({ organisation: '测试单位', year: 2025 });
    const back = await readXlsx(await writeXlsx(blank));
    const res = validateWorkbook(back);
    expect(res.sheets.map((s) => s.template)).toEqual(
      Array.from({ length: 11 }, (_, i) => `dept.t${String(i + 1).padStart(2, '0')}`),
    );
    expect(res.summary.errors).toBe(0);
    expect(formulaCells(back).length).toBeGreaterThan(50);
    expect(back.sheets[0].rows[0][0]?.v).toBe('2025年部门收支总体情况表');
  });

  it('filled consistently (the 项 rows and the economic 款), validates with zero errors and is live', async () => {
    const m = departmentWorkbook({ organisation: '阿图什市社会保险中心', rows: seedRows(), fixed: SEED_FIXED });
    const res = validateWorkbook(await readXlsx(await writeXlsx(m)));
    expect(res.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(res.findings.filter((f) => f.severity === 'warning').every((f) => f.rule === 'E1')).toBe(true);
    const cells = formulaCells(m);
    // 表3 208 合计 is a live formula; 表1 and 表4 take their classes from 表3 and 表5.
    expect(cells.find((x) => x.sheet === '表3' && x.r === 6 && x.c === 4)?.f).toBe('=F7+G7');
    expect(cells.some((x) => x.sheet === '表1' && x.f.startsWith("='表3'!"))).toBe(true);
    expect(cells.some((x) => x.sheet === '表4' && x.f.startsWith("='表5'!"))).toBe(true);
  });

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
  (soffice ? it : it.skip)(
    'opens and recalculates in LibreOffice with no error in any formula cell',
    async () => {
      const m = departmentWorkbook({ organisation: '阿图什市社会保险中心', rows: seedRows(), fixed: SEED_FIXED });
      const expected = formulaCells(m);
      // No cached results: LibreOffice has to compute every formula itself.
      for (const x of expected) m.sheets.find((s) => s.name === x.sheet)!.rows[x.r][x.c]!.v = null;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lo-'));
      const input = path.join(dir, 'in', 'generated.xlsx');
      fs.mkdirSync(path.dirname(input));
      fs.writeFileSync(input, await writeXlsx(m));
      execFileSync(
        soffice!,
        ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'xlsx', '--outdir', dir, input],
        { stdio: 'ignore', timeout: 120000 },
      );
      const back = await readXlsx(fs.readFileSync(path.join(dir, 'generated.xlsx')));
      const bad: string[] = [];
      for (const x of expected) {
        const cell = back.sheets.find((s) => s.name === x.sheet)!.rows[x.r]?.[x.c];
        const v = cell?.v;
        if (typeof v !== 'number' || Math.abs(v - (x.v as number)) > 1e-9)
          bad.push(`${x.sheet} r${x.r + 1}c${x.c + 1} ${x.f}: ${JSON.stringify(v)} ≠ ${x.v}`);
      }
      expect(bad).toEqual([]);
      const res = validateWorkbook(back);
      expect(res.summary.errors).toBe(0);
      fs.rmSync(dir, { recursive: true, force: true });
    },
    180000,
  );
});
