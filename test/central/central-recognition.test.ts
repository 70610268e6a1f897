/**
 * Issue 12: the central departments' 部门预算 form (family `central`, src/templates/central), on a
 * made package laid out as the MoF standard form is published (test/central/central-package.ts —
 * no real file of this form was available): all nine tables recognised as central.t01–t09 (one code
 * column, 类|款|项 columns, the title only in the sheet name), checked by the CB formulas
 * (src/rules/central/formulas.ts) without an error or warning, and a +1.00 change of a filled
 * cell reported at that cell. Titles the standard form `dept` shares (部门收支总表, 一般公共预算基本
 * 支出表) go to the central form by the header, or on a tie by the workbook's other tables.
 */
import { validateWorkbook } from '../../src/engine/validate';
import { recognizeWorkbook } from '../../src/recognize/recognize';
import { a1 } from '../../src/workbook/model';
import { layOutPackage, LayoutOptions } from '../helpers/real-layout';
import { CENTRAL_PACKAGE } from './central-package';

const DECLARED = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `c-0${n}:central.t0${n}`);
const LAYOUTS: [string, LayoutOptions][] = [
  ['as laid out', {}],
  ['类|款|项 columns', { codes: 'split' }],
  ['the title only in the sheet name', { titleInSheetName: true }],
];

describe('central 部门预算 form (family central)', () => {
  it.each(LAYOUTS)('%s: 表1–9 recognised as central.t01–t09, no error or warning', (_name, options) => {
    const { workbook } = layOutPackage(CENTRAL_PACKAGE, options);
    const res = validateWorkbook(workbook);
    const got = res.sheets.map((s, i) => `${options.titleInSheetName ? `c-0${i + 1}` : s.name}:${s.template ?? '-'}`);
    expect(got).toEqual(DECLARED);
    expect(res.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('a +1.00 change of a filled cell is reported at that cell', () => {
    const { tables } = layOutPackage(CENTRAL_PACKAGE);
    // every second filled cell: each table, row kind and column
    const cells = tables.flatMap((t) => t.cells.filter((c) => /\d/.test(c.printed))).filter((_, i) => i % 2 === 0);
    expect(cells.length).toBeGreaterThan(80);
    const missed: string[] = [];
    for (const c of cells) {
      const laid = layOutPackage(CENTRAL_PACKAGE);
      const sheet = laid.workbook.sheets.find((s) => s.name === c.table)!;
      const cell = sheet.rows[c.r][c.c]!;
      cell.v = (cell.v as number) + 1;
      const res = validateWorkbook(laid.workbook);
      const at = a1(c.r, c.c);
      const hit = res.findings.some(
        (f) =>
          f.severity === 'error' &&
          f.sheet === c.table &&
          (f.cell === at || f.related.some((x) => x.endsWith(`!${at}`))),
      );
      if (!hit) missed.push(`${c.table}!${at} (${c.printed})`);
    }
    expect(missed).toEqual([]);
  }, 180_000);

  it('表1, 表4 and 表6 alone (titles the standard form shares) are still the central tables', () => {
    const { workbook } = layOutPackage({
      ...CENTRAL_PACKAGE,
      tables: CENTRAL_PACKAGE.tables.filter((t) => ['c-01', 'c-04', 'c-06', 'c-07'].includes(t.id)),
    });
    const got = recognizeWorkbook(workbook).sheets.map((s) => `${s.sheet}:${s.table?.template.id ?? '-'}`);
    expect(got).toEqual(['c-01:central.t01', 'c-04:central.t04', 'c-06:central.t06', 'c-07:central.t07']);
  });

  it('a standard (dept) 一般公共预算基本支出表 among dept tables stays dept.t06', () => {
    // The central table's sheet relabelled as the standard form's title, next to a dept 表5.
    const { workbook } = layOutPackage({
      ...CENTRAL_PACKAGE,
      tables: CENTRAL_PACKAGE.tables
        .filter((t) => t.id === 'c-06' || t.id === 'c-05')
        .map((t) =>
          t.id === 'c-05'
            ? {
                ...t,
                title: '2024年一般公共预算支出情况表',
                panels: t.panels.map((p) => ({
                  ...p,
                  columns: [{ label: '2023年执行数' }, { label: '合计' }, { label: '基本支出' }, { label: '项目支出' }],
                })),
              }
            : t,
        ),
    });
    const got = recognizeWorkbook(workbook).sheets.map((s) => `${s.sheet}:${s.table?.template.id ?? '-'}`);
    expect(got).toEqual(['c-05:dept.t05', 'c-06:dept.t06']);
  });
});

describe('central 表7 with this year only', () => {
  const t7 = CENTRAL_PACKAGE.tables.find((t) => t.id === 'c-07')!;
  const oneYear = {
    ...t7,
    panels: t7.panels.map((p) => ({
      ...p,
      columns: p.columns.slice(6),
      rows: p.rows.map((r) => ({ ...r, amounts: r.amounts.slice(6) })),
    })),
  };
  const pkg = { ...CENTRAL_PACKAGE, tables: CENTRAL_PACKAGE.tables.map((t) => (t.id === 'c-07' ? oneYear : t)) };

  it('is the one-year variant of central.t07, clean; a +1.00 change of 公务接待费 is an error there', () => {
    const { workbook, tables } = layOutPackage(pkg);
    const res = validateWorkbook(workbook);
    expect(res.recognition.tables.find((t) => t.sheet.name === 'c-07')?.template.id).toBe('central.t07.one-year');
    expect(res.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const cell = tables.find((t) => t.table.id === 'c-07')!.cells[5];
    workbook.sheets.find((s) => s.name === 'c-07')!.rows[cell.r][cell.c]!.v = 11;
    const at = a1(cell.r, cell.c);
    const bad = validateWorkbook(workbook).findings.filter((f) => f.severity === 'error' && f.sheet === 'c-07');
    expect(bad.some((f) => f.cell === at || f.related.some((x) => x.endsWith(`!${at}`)))).toBe(true);
  });
});

describe('central package carrying 10.00 into next year', () => {
  // 10.00 of 2010602's 项目支出 (from 事业收入) is not spent but carried forward: 表1 shows 年末结转结余,
  // 表3 spends 10.00 less; 表2 (the income) is unchanged, so it no longer equals 表3 by code.
  const less = (a: string | null) =>
    a === null ? a : (Number(a.replace(/,/g, '')) - 10).toLocaleString('en-US', { minimumFractionDigits: 2 });
  const pkg = {
    ...CENTRAL_PACKAGE,
    tables: CENTRAL_PACKAGE.tables.map((t) => {
      if (t.id === 'c-01') {
        const [income, expense] = t.panels;
        const rows = expense.rows.map((r) =>
          /一般公共服务支出|本年支出合计/.test(r.label)
            ? { ...r, amounts: r.amounts.map(less) }
            : r.label === '年末结转结余'
              ? { ...r, amounts: ['10.00'] }
              : r,
        );
        return { ...t, panels: [income, { ...expense, rows }] };
      }
      if (t.id === 'c-03') {
        const [p] = t.panels;
        const rows = p.rows.map((r) =>
          ['', '201', '20106', '2010602'].includes(String(r.code ?? ''))
            ? { ...r, amounts: [less(r.amounts[0]), r.amounts[1], less(r.amounts[2]), ...r.amounts.slice(3)] }
            : r,
        );
        return { ...t, panels: [{ ...p, rows }] };
      }
      return t;
    }),
  };

  it('is clean: 表2 = 表3 by code is not required, 表3 = 表1 本年支出合计 holds', () => {
    const res = validateWorkbook(layOutPackage(pkg).workbook);
    expect(res.sheets.map((s) => `${s.name}:${s.template ?? '-'}`)).toEqual(DECLARED);
    expect(res.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
