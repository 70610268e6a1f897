/**
 * Issue 16 item 1: a stray cell beside a table (a `0` in column Q, `附件1` or `2025` in F2:G2)
 * must not make the sheet unrecognised and hide its errors; and a sheet with amounts that is not
 * recognised is never passed quietly (P3).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/main';
import { validateWorkbook } from '../src/engine/validate';
import { numberRowCells } from '../src/recognize/header';
import { WorkbookModel, CellValue } from '../src/workbook/model';
import { writeXlsx } from '../src/xlsx/write';
import { typoSeed001 } from '../scripts/make-samples';
import { cleanSeed001, seed001Workbook } from './helpers/seed001';

function put(m: WorkbookModel, sheet: string, r: number, c: number, v: CellValue): void {
  const s = m.sheets.find((x) => x.name === sheet)!;
  while (s.rows.length <= r) s.rows.push([]);
  (s.rows[r] ??= [])[c] = { v };
}

const brief = (m: WorkbookModel) =>
  validateWorkbook(m).findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell} ${f.message}`);

const Q = 16;
const strays: [string, (m: WorkbookModel) => void][] = [
  ['a 0 in column Q beside the unit line of 表1 and 表4', (m) => ['表1', '表4'].forEach((s) => put(m, s, 1, Q, 0))],
  ['a 0 in column Q beside the header of 表1 and 表4', (m) => ['表1', '表4'].forEach((s) => put(m, s, 2, Q, 0))],
  [
    '附件1 in F2 and 2025 in G2 on every sheet',
    (m) => {
      for (const s of m.sheets) {
        const row = s.rows[1];
        const free = Math.max(row.length, 5);
        put(m, s.name, 1, free, '附件1');
        put(m, s.name, 1, free + 1, 2025);
      }
    },
  ],
  ['a 0 just right of 表1’s header', (m) => put(m, '表1', 3, 4, 0)],
  ['2025 after 表6’s column numbers', (m) => put(m, '表6', 4, 6, 2025)],
  [
    'x after 表3’s column numbers and a 0 in Q of its data',
    (m) => {
      put(m, '表3', 4, Q, 'x');
      put(m, '表3', 9, Q, 0);
    },
  ],
  [
    'a 0 in column Q beside 表10’s empty-table note',
    (m) => {
      const s = m.sheets.find((x) => x.name === '表10')!;
      const note = s.rows.findIndex((row) => row.some((c) => typeof c?.v === 'string' && /为空表/.test(c.v)));
      put(m, '表10', note, Q, 0);
    },
  ],
];

describe('stray cells beside a table', () => {
  const expected = brief(seed001Workbook(typoSeed001()));

  it('the typo package has its five errors to begin with', () => {
    expect(expected.filter((f) => f.startsWith('error'))).toHaveLength(5);
  });

  it.each(strays)('%s: every sheet is still recognised and the same findings come out', (_name, apply) => {
    const m = seed001Workbook(typoSeed001());
    apply(m);
    const res = validateWorkbook(m);
    expect(res.sheets.map((s) => s.template)).toEqual(
      res.sheets.map((_s, i) => `dept.t${String(i + 1).padStart(2, '0')}`),
    );
    expect(brief(m)).toEqual(expected);
  });

  it('the CLI still reports a 90.00 error in 表1 with a stray 0 beside 表1 and 表4, and exits 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'budget-stray-'));
    try {
      const s = cleanSeed001();
      s.t1.expense.find((r) => r.code === '208')!.values!.exAmount = 1153.35; // 1063.35 + 90.00
      const m = seed001Workbook(s);
      expect(validateWorkbook(m).summary.errors).toBeGreaterThan(0);
      for (const name of ['表1', '表4']) put(m, name, 1, Q, 0);
      const file = path.join(dir, 'typo-stray.xlsx');
      fs.writeFileSync(file, await writeXlsx(m));
      let out = '';
      const code = await main(['validate', file, '--format', 'json'], {
        stdout: (s) => (out += typeof s === 'string' ? s : Buffer.from(s).toString()),
        stderr: () => undefined,
      });
      expect(code).toBe(1);
      const report = JSON.parse(out);
      expect(
        report.files[0].findings.filter((f: { severity: string; sheet: string }) => f.severity === 'error').length,
      ).toBe(validateWorkbook(seed001Workbook(s)).summary.errors);
      expect(out).toContain('90.00');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('P3: a sheet with amounts that was not recognised', () => {
  it('is an error when the table it looks like is missing, so cross-table checks could not run', () => {
    const m = seed001Workbook(typoSeed001());
    // 表1's header words replaced: the title is found, its columns are not.
    const t1 = m.sheets.find((s) => s.name === '表1')!;
    t1.rows[3] = t1.rows[3].map((c) => (c ? { v: '？' } : c));
    const res = validateWorkbook(m);
    const p3 = res.findings.filter((f) => f.rule === 'P3');
    expect(p3.map((f) => `${f.severity} ${f.sheet}`)).toEqual(['error 表1']);
    expect(p3[0].message).toMatch(/部门收支总体情况表.*表间核对都未进行/);
    expect(p3[0].messageEn).toMatch(/cross-table checks that need it did not run/);
    expect(res.summary.errors).toBe(6);
  });

  it('is a warning when the package has that table elsewhere, or the sheet looks like none', () => {
    const m = seed001Workbook(typoSeed001());
    m.sheets.push({
      name: '测算底稿',
      rows: [
        [{ v: '人员' }, { v: '金额' }],
        [{ v: '张三' }, { v: 1234.5 }],
        [{ v: '李四' }, { v: '2,345.60' }],
      ],
      merges: [],
    });
    const copy = structuredClone(m.sheets[2]);
    copy.name = '表3底稿';
    copy.rows[0] = [];
    copy.rows[3] = [];
    m.sheets.push(copy);
    const p3 = validateWorkbook(m).findings.filter((f) => f.rule === 'P3');
    expect(p3.map((f) => `${f.severity} ${f.sheet}`)).toEqual(['warning 测算底稿', 'warning 表3底稿']);
  });

  it('says nothing of sheets without amounts (a cover, a list of names, years and column numbers)', () => {
    const m = seed001Workbook(typoSeed001());
    m.sheets.push({
      name: '封面',
      rows: [[{ v: '阿图什市社会保险中心' }], [{ v: '2025年部门预算公开' }], [{ v: 2025 }], [{ v: 1 }, { v: 2 }]],
      merges: [],
    });
    expect(validateWorkbook(m).findings.filter((f) => f.rule === 'P3')).toEqual([]);
  });
});

describe('the column-number row with strays', () => {
  const row = (...texts: string[]) => texts.map((text, c) => ({ c, text }));
  it('leaves out up to two stray marks after the numbers, and nothing else', () => {
    expect(numberRowCells(row('*', '*', '1', '2', '3', '2025'))?.numbers.size).toBe(3);
    expect(numberRowCells(row('*', '1', '2', '0', 'x'))?.numbers.size).toBe(2);
    expect(numberRowCells(row('*', '1', '2', '社会保障和就业支出'))).toBeUndefined();
    expect(numberRowCells(row('1', '2', '4'))).toBeUndefined();
    expect(numberRowCells(row('1', '2', '0', '0', '0'))).toBeUndefined();
  });
});
