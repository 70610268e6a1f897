/**
 * Issue 12, titles by key terms: a title spelled in a way no template lists (years, region and
 * organisation names, form codes `公开02表`, ordinals `表二、`, suffix 表/总表/情况表) is read by its
 * core (src/recognize/title-terms.ts), and the sheet is recognised as its form.
 */
import { recognizeSheet } from '../../src/recognize/recognize';
import { coreOf, matchTitleTerms, titleDifference } from '../../src/recognize/title-terms';
import { allTemplates } from '../../src/templates';
import { PACKAGES } from '../fixtures/real/check-real';
import { layOutTable } from '../helpers/real-layout';

const SH = PACKAGES.find((p) => p.id === 'sh-putuo-commerce-2025-dept-budget')!;
const table = (id: string) => SH.tables.find((t) => t.id === id)!;
const ids = (title: string) => matchTitleTerms(title, allTemplates()).map((m) => m.template.id);

describe('titles by key terms', () => {
  it.each([
    ['2026年XX区XX局部门收入预算总表', '收入预算'],
    ['公开02表 部门收入预算表', '部门收入预算'],
    ['表二、单位支出预算总表', '单位支出预算'],
    ['社预执行07表 社会保险基金预算收入执行情况表', '社会保险基金预算收入执行'],
    ['部门收入预算总表（公开02表）', '部门收入预算'],
    ['1. 2025年部门财务收支预算总表', '部门财务收支预算'],
  ])('%s: years, numbers and form codes left out', (title, core) => {
    expect(coreOf(title)?.core.endsWith(core)).toBe(true);
  });

  it.each([
    ['2026年XX区XX局部门收入预算总表', 'sh.t02'],
    ['公开02表 部门收入预算表', 'sh.t02'],
    ['表二、单位支出预算总表', 'sh.t03'],
    ['社预执行07表 社会保险基金预算收入执行情况表', 'si.b.exec.income'],
    ['2024年度XX局收入支出决算总表', 'final.t01'],
    ['三、XX街道办事处一般公共预算支出功能分类预算表', 'sh.t05'],
  ])('%s names %s', (title, id) => {
    expect(ids(title)).toContain(id);
  });

  it('a 总表 is not a 总体情况表: Shanghai’s 财政拨款收支预算总表 is not the standard form’s', () => {
    const standard = allTemplates().filter((t) => t.family === 'dept');
    expect(matchTitleTerms('2025年XX局财政拨款收支预算总表', standard)).toEqual([]);
    expect(matchTitleTerms('2025年XX局部门财政拨款收支预算总体情况表', standard).map((m) => m.template.id)).toEqual([
      'dept.t04',
    ]);
    expect(ids('2025年XX局部门财政拨款收支预算总表')).toEqual(['sh.t04']);
  });

  it.each([['收入'], ['本表反映部门收入预算情况'], ['XX局收入表格说明'], ['非税收入预算表']])(
    '%s is no title of a known form',
    (text) => expect(ids(text)).toEqual([]),
  );

  it.each([
    ['com-02', '2026年XX区XX局部门收入预算总表', 'sh.t02'],
    ['com-02', '公开02表 部门收入预算表', 'sh.t02'],
    ['com-03', '表二、单位支出预算总表', 'sh.t03'],
    ['com-03', 'XX区XX委员会2026年度部门支出预算明细表', 'sh.t03'],
    ['com-05', '附表5 XX局一般公共预算支出功能分类预算情况表', 'sh.t05'],
  ])('a sheet of %s titled %s is recognised as %s', (id, title, template) => {
    const { sheet } = layOutTable({ ...table(id), title });
    const [rec] = recognizeSheet(sheet);
    expect(rec.table?.template.id).toBe(template);
    expect(rec.table?.rows.length).toBeGreaterThan(20);
  });

  it('says which terms of a title differ from a form’s', () => {
    const t03 = allTemplates().find((t) => t.id === 'sh.t03')!;
    expect(titleDifference('2025年部门专项支出决算总表', t03)).toMatchObject({
      missing: ['预算'],
      extra: ['专项', '决算'],
    });
    expect(titleDifference('2025年部门支出预算总表', t03)).toMatchObject({ missing: [], extra: [] });
  });
});
