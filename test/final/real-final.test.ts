/**
 * The national 部门决算 form (family `final`) on the two real packages of test/fixtures/real, laid
 * out as workbooks by layOutPackage: every table of the declared form recognised as its template,
 * every discrepancy of expected.ts reported at its cell as a rounding warning, no error, and the
 * corrected package (each discrepant cell set to what the identity requires) clean.
 */
import { layOutPackage, LaidOutTable, LayoutOptions } from '../helpers/real-layout';
import { FINANCE_2024_FINAL } from '../fixtures/real/data/sh-putuo-finance-2024-dept-final';
import { SOCIAL_WORK_2024_FINAL } from '../fixtures/real/data/sh-putuo-social-work-2024-dept-final';
import { EXPECTED, ExpectedFinding } from '../fixtures/real/expected';
import type { RealPackage } from '../fixtures/real/model';
import { validateWorkbook } from '../../src/engine/validate';
import type { WorkbookModel } from '../../src/workbook/model';

const TIMEOUT = 120_000;

/** Which declared table each transcribed form is. */
const FORM_TO_TABLE: Record<string, string> = {
  'final.income-expense-total': 'final.t01',
  'final.income': 'final.t02',
  'final.expense': 'final.t03',
  'final.fiscal-total': 'final.t04',
  'final.gpb-expense': 'final.t05',
  'final.gpb-basic': 'final.t06',
  'final.three-public': 'final.t07',
};

/** Discrepancies whose identity needs a table not yet declared (none left). */
const NOT_YET = (e: ExpectedFinding) => !e;

function a1(r: number, c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r + 1}`;
}

/** The sheet cell of an expected finding (row `panel: code label` or `label`, column by label). */
function cellOf(tables: LaidOutTable[], e: ExpectedFinding): { sheet: string; r: number; c: number } {
  const t = tables.find((x) => x.table.id === e.table)!;
  const m = /^(.+?): (.+)$/.exec(e.row);
  const panels = t.table.panels
    .map((p, k) => ({ p, k }))
    .filter(({ p }) => !m || p.name === m[1] || t.table.panels.length === 1);
  const rowText = m && panels.length && t.table.panels.length > 1 ? m[2] : e.row;
  for (const { p, k } of panels) {
    const i = p.rows.findIndex((row) => {
      const code =
        row.code === undefined ? '' : Array.isArray(row.code) ? row.code.join('') : row.code.replace(/\s+/g, '');
      return row.label === rowText || `${code} ${row.label}` === rowText;
    });
    const j = p.columns.findIndex((col) => col.label === e.column);
    if (i >= 0 && j >= 0) return { sheet: t.sheet.name, ...t.at(k, i, j) };
  }
  throw new Error(`no cell for ${e.table} ${e.row} ${e.column}`);
}

function setCell(wb: WorkbookModel, sheet: string, r: number, c: number, v: number): void {
  const s = wb.sheets.find((x) => x.name === sheet)!;
  (s.rows[r] ??= [])[c] = { v, z: '#,##0.00' };
}

const PACKAGES: [string, RealPackage][] = [
  ['sh-putuo-finance-2024-dept-final', FINANCE_2024_FINAL],
  ['sh-putuo-social-work-2024-dept-final', SOCIAL_WORK_2024_FINAL],
];

const LAYOUTS: [string, LayoutOptions][] = [
  ['as printed', {}],
  ['one combined code column', { codes: 'combined' }],
  ['类|款|项 code columns', { codes: 'split' }],
  // { titleInSheetName: true } is not yet recognised (the recognizer does not read sheet names as titles).
];

const CASES = PACKAGES.flatMap(([id, pkg]) => LAYOUTS.map(([name, options]) => [id, name, pkg, options] as const));

describe.each(CASES)('%s laid out (%s)', (id, _layout, pkg, options) => {
  const { workbook, tables } = layOutPackage(pkg, options);
  const result = validateWorkbook(workbook);
  const expected = EXPECTED.filter((e) => e.pkg === id);

  it(
    'recognises every declared 决算 table as its form',
    () => {
      for (const t of pkg.tables) {
        const laid = tables.find((x) => x.table.id === t.id)!;
        const sheet = result.sheets.find((s) => s.name === laid.sheet.name)!;
        const want =
          FORM_TO_TABLE[t.form ?? ''] ??
          (t.title.includes('政府性基金') ? 'final.t08' : t.title.includes('国有资本') ? 'final.t09' : undefined);
        if (want) expect([t.id, sheet.template]).toEqual([t.id, want]);
      }
    },
    TIMEOUT,
  );

  it(
    'reports every expected discrepancy at its cell as a rounding warning, and no error',
    () => {
      expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
      for (const e of expected.filter((x) => !NOT_YET(x))) {
        const { sheet, r, c } = cellOf(tables, e);
        const hit = result.findings.filter((f) => f.sheet === sheet && f.cell === a1(r, c));
        expect([e.table, e.row, e.column, hit.map((f) => f.severity)]).toEqual([e.table, e.row, e.column, ['warning']]);
        const diff = Math.abs(Number(e.stated.replace(/,/g, '')) - Number(e.computed.replace(/,/g, ''))).toFixed(2);
        expect(hit[0].message).toContain(`差 ${diff}`);
      }
    },
    TIMEOUT,
  );

  it(
    'the corrected package: no error but the 总表 copies the non-cascading corrections leave',
    () => {
      const fixed = layOutPackage(pkg, options);
      for (const e of expected.filter((x) => !NOT_YET(x))) {
        const { sheet, r, c } = cellOf(fixed.tables, e);
        setCell(fixed.workbook, sheet, r, c, Number(e.computed.replace(/,/g, '')));
      }
      const res = validateWorkbook(fixed.workbook);
      // expected.ts lists the printed cells only; the corrections do not cascade (a corrected 301 row
      // leaves 人员经费合计, a corrected 合计 leaves the 总表's copy, one unit off). So: the corrected
      // cells themselves are clean, and nothing anywhere is more than a rounding warning.
      const corrected = new Set(
        expected.map((e) => {
          const { sheet, r, c } = cellOf(fixed.tables, e);
          return `${sheet}!${a1(r, c)}`;
        }),
      );
      const onCorrected = res.findings.filter((f) => /^F\d/.test(f.rule) && corrected.has(`${f.sheet}!${f.cell}`));
      expect(onCorrected.filter((f) => f.severity === 'error')).toEqual([]);
      const errors = res.findings.filter((f) => f.severity === 'error' && !/^F14$/.test(f.rule));
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );
});

describe('决算 表7 财政拨款“三公”经费支出决算表 (F16)', () => {
  const fin = FINANCE_2024_FINAL;
  it('a +1.00 change of any filled 预算数/决算数 cell is an F16 error naming that column', () => {
    const { tables } = layOutPackage(fin);
    const t7 = tables.find((t) => t.table.form === 'final.three-public')!;
    const filled = t7.cells.filter((c) => c.printed);
    expect(filled.length).toBeGreaterThan(0);
    for (const c of filled) {
      const laid = layOutPackage(fin);
      const cell = laid.workbook.sheets.find((s) => s.name === t7.sheet.name)!.rows[c.r][c.c]!;
      cell.v = (cell.v as number) + 1;
      const f = validateWorkbook(laid.workbook).findings.filter(
        (x) => x.sheet === t7.sheet.name && x.severity === 'error',
      );
      expect(f.map((x) => x.rule)).toEqual(['F16']);
      expect(f[0].message).toContain('差 1.00');
    }
  }, 120_000);
});
