/**
 * Issue 12: a sheet that is not recognised names the nearest form and exactly what did not match —
 * which terms of its title, which of the form's columns its header lacks — in the sheet summary, in
 * P3's finding and in the text report. The sheet: the Shanghai 支出预算总表 with 项目支出 renamed.
 */
import { validateWorkbook } from '../../src/engine/validate';
import { buildReport, fileReport } from '../../src/report/report';
import { formatText } from '../../src/report/text';
import { PACKAGES } from '../fixtures/real/check-real';
import { layOutPackage, layOutTable, LayoutOptions } from '../helpers/real-layout';
import type { RealTable } from '../fixtures/real/model';

const SH = PACKAGES.find((p) => p.id === 'sh-putuo-commerce-2025-dept-budget')!;
const T03 = SH.tables.find((t) => t.id === 'com-03')!;

/** 表3 with one column renamed (项目支出 → 专项支出). */
function renamed(t: RealTable, title = t.title): RealTable {
  return {
    ...t,
    title,
    panels: t.panels.map((p) => ({
      ...p,
      columns: p.columns.map((c) => (c.label === '项目支出' ? { ...c, label: '专项支出' } : c)),
    })),
  };
}

function summary(title: string, options: LayoutOptions = {}) {
  const { sheet } = layOutTable(renamed(T03, title), options);
  return validateWorkbook({ sheets: [sheet] }).sheets[0];
}

describe('the unrecognised-sheet message', () => {
  it('a known title, a column renamed: the columns the header lacks', () => {
    const s = summary('2025年部门支出预算总表');
    expect(s.template).toBeNull();
    expect(s.reason).toBe('表名为“部门支出预算总表”，但表头缺少列：项目支出');
    expect(s.nearest).toBe('sh.t03');
  });

  it('a title in other words: which terms differ, the nearest form, its header score and missing columns', () => {
    const s = summary('2025年部门专项支出预算汇总表');
    expect(s.reason).toBe(
      '未识别：表名“2025年部门专项支出预算汇总表”与“部门支出预算总表”不符（多出“专项”）；表头最接近“部门支出预算总表”（匹配 68%），缺少列：项目支出',
    );
    expect(s.reasonEn).toBe(
      'Not recognised: the title “2025年部门专项支出预算汇总表” does not fit “部门支出预算总表” (has “专项” in excess); the header is nearest to “部门支出预算总表” (68% matched), lacking columns: project expenditure',
    );
    expect(s.nearest).toBe('sh.t03');
  });

  it('a 决算 title on a 预算 table is read as the 决算 form, and says which of its columns are missing', () => {
    expect(summary('2025年部门支出决算汇总表').reason).toBe(
      '表名为“支出决算表”，但表头缺少列：项目支出、上缴上级支出、经营支出、对附属单位补助支出',
    );
  });

  it('no title row, the title only in the sheet’s name: said so, and the columns', () => {
    const s = summary('2025年部门支出预算总表', { titleInSheetName: true });
    expect(s.reason).toBe(
      '未识别：没有表名行，工作表名“2025年部门支出预算总表”是“部门支出预算总表”的表名；表头最接近“部门支出预算总表”（匹配 68%），缺少列：项目支出',
    );
  });

  it('no title anywhere, the header fitting no form: the nearest by header and its missing columns', () => {
    const t = renamed(T03, '资金安排');
    const cut: RealTable = {
      ...t,
      panels: t.panels.map((p) => ({
        ...p,
        columns: p.columns.map((c) => (c.label === '基本支出' ? { ...c, label: '经常性支出' } : c)),
      })),
    };
    const { sheet } = layOutTable(cut);
    const s = validateWorkbook({ sheets: [{ ...sheet, name: 'Sheet3' }] }).sheets[0];
    expect(s.template).toBeNull();
    expect(s.reason).toMatch(/^未识别：没有找到表名；最接近的是“.+”（表头匹配 \d+%），表头缺少列：/);
  });

  it('in P3’s finding and in the text report', () => {
    const { workbook } = layOutPackage(SH);
    const i = workbook.sheets.findIndex((s) => s.name === 'com-03');
    workbook.sheets[i] = layOutTable(renamed(T03, '2025年部门专项支出预算汇总表')).sheet;
    const res = validateWorkbook(workbook);
    const p3 = res.findings.find((f) => f.rule === 'P3' && f.sheet === 'com-03')!;
    expect(p3.severity).toBe('error');
    expect(p3.message).toContain('与“部门支出预算总表”不符（多出“专项”）');
    expect(p3.message).toContain('缺少列：项目支出');
    const text = formatText(buildReport([fileReport('sh.xlsx', res)]), 'zh');
    expect(text).toMatch(/com-03.*未识别.*多出“专项”.*缺少列：项目支出/);
    expect(formatText(buildReport([fileReport('sh.xlsx', res)]), 'en')).toMatch(
      /com-03.*has “专项” in excess.*lacking columns: project expenditure/,
    );
  });
});
