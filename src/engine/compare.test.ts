/**
 * checkSum's general additions: subtracted items (a roll-forward), a hint computed from the
 * difference, integer display for tables in whole 万元; tableName for 社会保险基金 tables; no
 * missing-table 提示 for a family the workbook does not hold.
 */
import { AUTO_TOLERANCE } from '../amount/tolerance';
import { bundledCatalog } from '../catalog/catalog';
import { recognizeSheet } from '../recognize/recognize';
import { RecognizedTable } from '../recognize/types';
import { sheetFromValues } from '../workbook/model';
import { checkSum, operand, reportMissingTable, tableName } from './compare';
import { Finding, Rule, RuleContextApi } from './types';

function context(tables: RecognizedTable[]): RuleContextApi & { findings: Finding[] } {
  const findings: Finding[] = [];
  return {
    findings,
    tables,
    tolerance: AUTO_TOLERANCE,
    catalog: bundledCatalog(),
    tablesOf: (id) => tables.filter((t) => t.template.table === id),
    table: (id) => tables.find((t) => t.template.table === id),
    report: (f) => findings.push(f),
  };
}

const rule: Rule = {
  id: 'R',
  scope: 'table',
  severity: 'error',
  family: 'si',
  title: { zh: 'r', en: 'r' },
  message: {
    zh: '{where}：{actual} ≠ {items} = {expected}，差 {difference}',
    en: '{where}: {actual} ≠ {items} = {expected}',
  },
  run: () => undefined,
};

function balanceTable(values: (string | number | null)[][]): RecognizedTable {
  const [r] = recognizeSheet(
    sheetFromValues('表3', [
      ['表 3'],
      ['2024年某市社会保险基金预算结余表'],
      ['科目编码', '项目', '2023年年末累计结余预计数', '2024年年末累计结余预算数', '预算数为上年预计数的%'],
      ...values,
    ]),
  );
  return r.table!;
}

describe('checkSum additions', () => {
  const t = balanceTable([['23009', '社会保险基金年终结余合计', 100, 130, null]]);
  const row = t.rows[0];
  const op = (key: string, label: string, negate = false) => ({
    ...operand(t, row, key, { zh: label, en: label })!,
    negate,
  });

  it('subtracts negated items and writes them with a minus sign', () => {
    const ctx = context([t]);
    const status = checkSum(ctx, {
      rule,
      target: op('cur', '本年'),
      items: [op('prev', '上年'), op('prev', '收入'), op('prev', '支出', true)],
      where: { zh: '表3', en: 'T3' },
      minDecimals: 0,
    });
    expect(status).toBe('mismatch');
    expect(ctx.findings[0].message).toBe('表3：130 ≠ 上年 100 + 收入 100 − 支出 100 = 100，差 30');
    expect(ctx.findings[0].expected).toBe('100');
    expect(
      checkSum(context([t]), {
        rule,
        target: op('cur', '本年'),
        items: [op('cur', 'a'), op('prev', 'b'), op('prev', 'c', true)],
        where: { zh: '', en: '' },
      }),
    ).toBe('equal');
  });

  it('takes a hint from a function of the difference, and shows 2 decimals unless told otherwise', () => {
    const ctx = context([t]);
    checkSum(ctx, {
      rule,
      target: op('cur', '本年'),
      items: [op('prev', '上年')],
      where: { zh: '表3', en: 'T3' },
      hint: (d) => ({ zh: `差 ${d.toFixed()}`, en: `d ${d.toFixed()}` }),
    });
    expect(ctx.findings[0].message).toBe('表3：130.00 ≠ 上年 100.00 = 100.00，差 30.00');
    expect(ctx.findings[0].hint).toBe('差 30');
  });

  it('names an SI table by its printed number, else by its title with 本级', () => {
    expect(tableName(t)).toEqual({ zh: '表3', en: 'Table 3' });
    const [r] = recognizeSheet(
      sheetFromValues('x', [
        ['表十四 喀什地区本级2024年社会保险基金预算结余安排表'],
        ['项目', '2023年预计执行数', '2024年预算数'],
        ['本级社会保险基金年末累计结余', 1, 2],
      ]),
    );
    expect(tableName(r.table!)).toEqual({ zh: '表十四', en: 'Table 14' });
    const [s] = recognizeSheet(
      sheetFromValues('y', [
        ['本级社会保险基金预算结余安排表'],
        ['项目', '2023年预计执行数', '2024年预算数'],
        ['合计', 1, 2],
      ]),
    );
    expect(tableName(s.table!).zh).toBe('本级社会保险基金预算结余安排表');
  });

  it('gives no missing-table 提示 for a family the workbook does not hold', () => {
    const dept: Rule = { ...rule, family: 'dept' };
    const ctx = context([t]);
    reportMissingTable(ctx, dept, '表1');
    expect(ctx.findings).toEqual([]);
    reportMissingTable(ctx, rule, '表1');
    expect(ctx.findings).toHaveLength(1);
  });
});
