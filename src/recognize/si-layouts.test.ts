/**
 * Recognizer additions for the 社会保险基金 tables: header labels with years, 其中 sub-rows attached
 * to their parent (by the 其中 prefix, by indentation, by code length), two coded panels side by
 * side, several tables stacked on one sheet each with its own title, the printed table number.
 */
import { sheetFromValues, WorkbookModel } from '../workbook/model';
import { correctedSeed000, seed000Workbook } from '../../test/helpers/seed000';
import { cleanStyleB, styleBWorkbook } from '../../test/helpers/si-style-b';
import { recognizeSheet, recognizeWorkbook } from './recognize';
import { TableRow } from './types';

const parentOf = (rows: TableRow[], name: string) => {
  const row = rows.find((r) => r.name.trim() === name);
  if (!row) throw new Error(`no row ${name}`);
  return { parent: row.parent?.name.trim(), ofWhich: !!row.ofWhich };
};

describe('其中 sub-rows', () => {
  const sheet = (rows: (string | number | null)[][]) =>
    sheetFromValues('s', [['2024年社会保险基金预算收入安排表'], ['项目', '2023年预计执行数', '2024年预算数'], ...rows]);

  it('attaches 其中 rows and the rows continuing them to the right parent, ended by a numbered row', () => {
    const [r] = recognizeSheet(
      sheet([
        ['全地区社会保险基金收入合计', 100, 110],
        ['  其中：保险费收入', 60, 66],
        ['财政补贴收入', 20, 22],
        ['一、企业职工基本养老保险基金收入', 100, 110],
        ['其中：保险费收入', 60, 66],
        ['利息收入', 1, 1],
        ['二、失业保险基金收入', null, null],
      ]),
    );
    const rows = r.table!.rows;
    expect(r.table!.template.id).toBe('si.b.plan.income');
    expect(parentOf(rows, '财政补贴收入')).toEqual({ parent: '全地区社会保险基金收入合计', ofWhich: true });
    expect(parentOf(rows, '一、企业职工基本养老保险基金收入')).toEqual({ parent: undefined, ofWhich: false });
    expect(parentOf(rows, '利息收入')).toEqual({ parent: '一、企业职工基本养老保险基金收入', ofWhich: true });
    expect(parentOf(rows, '二、失业保险基金收入').ofWhich).toBe(false);
  });

  it('ends a 其中 run at a fund named without numbering (the template’s main rows)', () => {
    const [r] = recognizeSheet(
      sheet([
        ['社会保险基金收入合计', 100, 110],
        ['其中：保险费收入', 60, 66],
        ['企业职工基本养老保险基金收入', 100, 110],
        ['其中：保险费收入', 60, 66],
      ]),
    );
    expect(parentOf(r.table!.rows, '企业职工基本养老保险基金收入')).toEqual({ parent: undefined, ofWhich: false });
    expect(r.table!.rows[3].parent?.name).toBe('企业职工基本养老保险基金收入');
  });

  it('reads sub-rows marked by indentation only', () => {
    const [r] = recognizeSheet(
      sheet([
        ['全地区社会保险基金收入合计', 100, 110],
        ['    保险费收入', 60, 66],
        ['    利息收入', 1, 1],
        ['一、企业职工基本养老保险基金收入', 100, 110],
        ['\u3000\u3000保险费收入', 60, 66],
      ]),
    );
    const rows = r.table!.rows;
    expect(rows.map((x) => [x.indent, x.ofWhich ?? false, x.parent?.r ?? null])).toEqual([
      [0, false, null],
      [4, true, rows[0].r],
      [4, true, rows[0].r],
      [0, false, null],
      [4, true, rows[3].r],
    ]);
  });

  it('uses code length: 10201 extends 102 (a fund, not a 其中 row), 1020102 continues 1020101’s 其中 run', () => {
    const res = recognizeWorkbook(seed000Workbook(correctedSeed000()));
    const t1 = res.tables[0];
    const by = (code: string) => t1.rows.find((x) => x.code === code)!;
    expect(by('10201').parent?.code).toBe('102');
    expect(by('10201').ofWhich).toBeUndefined();
    expect(by('1020102').parent?.code).toBe('10201');
    expect(by('1020102').ofWhich).toBe(true);
    const other = t1.rows.find((x) => x.name === '利息收入')!;
    expect(other.parent?.code).toBe('102');
    // The balance table's 7-digit fund codes are funds of 23009, not 其中 rows.
    const t3 = res.tables[2];
    expect(t3.rows.filter((x) => x.ofWhich)).toEqual([]);
  });

  it('leaves department tables alone (no parent, no indent)', () => {
    const sheet = sheetFromValues('t3', [
      ['部门支出总体情况表'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['208', '社会保障和就业支出', 10, 10, null],
      ['20801', '  人力资源和社会保障管理事务', 10, 10, null],
    ]);
    const [r] = recognizeSheet(sheet);
    expect(r.table!.template.id).toBe('dept.t03');
    expect(r.table!.rows.every((x) => x.parent === undefined && x.indent === undefined)).toBe(true);
  });
});

describe('style (a) and (b) layouts', () => {
  it('maps header labels with years and reads the printed table number', () => {
    const res = recognizeWorkbook(seed000Workbook(correctedSeed000()));
    expect(res.sheets.map((s) => s.table?.template.id)).toEqual([
      'si.a.income',
      'si.a.expense',
      'si.a.balance',
      'si.a.income',
      'si.a.expense',
      'si.a.balance',
    ]);
    expect(res.tables.map((t) => t.printedNo)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(Object.fromEntries(res.tables[2].columns)).toEqual({ code: 0, name: 1, prev: 2, cur: 3, pct: 4 });
  });

  it('reads the two coded panels of the 平衡表 side by side, with or without a 收入/支出 group row', () => {
    for (const groupRow of [false, true]) {
      const res = recognizeWorkbook(styleBWorkbook(cleanStyleB(), { groupRow }));
      const bs = res.tables[0];
      expect(bs.template.id).toBe('si.b.balance-sheet');
      expect(bs.printedNo).toBe('一');
      const income = bs.rows.filter((r) => r.panel === 'income');
      const expense = bs.rows.filter((r) => r.panel === 'expense');
      expect(income.map((r) => r.code ?? r.name)).toEqual([
        '10201',
        '10202',
        '10203',
        '10204',
        '10210',
        '10211',
        '10212',
        '102',
        '11008',
        '11017',
        '11018',
        '收入总计',
      ]);
      expect(expense.map((r) => r.code ?? r.kind)).toEqual([
        '20901',
        '20902',
        '20903',
        '20904',
        '20910',
        '20911',
        '20912',
        '209',
        '23009',
        '23018',
        '23019',
        'total',
      ]);
      expect(expense[8].codeCol).toBe(bs.columns.get('exCode'));
      expect(expense[8].amounts.get('exCur')?.c).toBe(bs.columns.get('exCur'));
    }
  });

  it('finds every table stacked on one sheet, with or without a footer between them', () => {
    const stackedA = recognizeWorkbook(seed000Workbook(correctedSeed000(), { stacked: true }));
    expect(stackedA.tables.map((t) => `${t.template.id} ${t.printedNo}`)).toHaveLength(6);
    const stackedB = recognizeWorkbook(styleBWorkbook(cleanStyleB(), { stacked: true }));
    expect(stackedB.sheets.map((s) => s.table?.template.id)).toEqual(
      [1, 2].flatMap(() => [
        'si.b.balance-sheet',
        'si.b.exec.income',
        'si.b.exec.expense',
        'si.b.exec.balance',
        'si.b.plan.income',
        'si.b.plan.expense',
        'si.b.plan.balance',
      ]),
    );
    // Each table keeps only its own rows.
    for (const t of stackedB.tables) expect(t.rows.every((r) => r.r > t.title.r && r.r <= t.endRow)).toBe(true);
  });

  it('stops a table at the next title even when the title carries years (department tables too)', () => {
    const model: WorkbookModel = {
      sheets: [
        sheetFromValues('s', [
          ['部门支出总体情况表'],
          ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
          ['208', '社会保障和就业支出', 10, 10, null],
          [],
          ['2025年部门支出总体情况表'],
          ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
          ['210', '卫生健康支出', 5, 5, null],
        ]),
      ],
    };
    const res = recognizeWorkbook(model);
    expect(res.tables.map((t) => t.rows.map((r) => r.code))).toEqual([['208'], ['210']]);
  });
});
