/**
 * G5 percent columns and G6 balances, inferred on sheets of no declared form: found on the data,
 * silent on clean tables, a planted error reported at its cell.
 */
import { AUTO_TOLERANCE } from '../../src/amount/tolerance';
import { bundledCatalog } from '../../src/catalog/catalog';
import { Finding, RuleContextApi } from '../../src/engine/types';
import { inferPack, inferTables } from '../../src/infer/pack';
import rule from '../../src/infer/rules';
import { Cell, SheetModel, WorkbookModel } from '../../src/workbook/model';
import { publishedSeed000, seed000Workbook } from '../helpers/seed000';

const OFF = { builtinForms: false } as const;

function inferOnly(workbook: WorkbookModel): Finding[] {
  const findings: Finding[] = [];
  const ctx: RuleContextApi = {
    tables: [],
    sheets: workbook.sheets.map((s) => ({ sheet: s.name, hidden: false, table: null })),
    workbook,
    tolerance: AUTO_TOLERANCE,
    catalog: bundledCatalog(),
    tablesOf: () => [],
    table: () => undefined,
    report: (f) => findings.push(f),
  };
  rule.run(ctx);
  return findings;
}

type V = string | number | null;

/** A sheet: title, unit line, header rows, then data rows (label first). */
export function sheetOf(
  name: string,
  title: string,
  header: V[][],
  rows: V[][],
  z?: (c: number) => string | undefined,
): SheetModel {
  const cell = (v: V, c: number): Cell | undefined =>
    v === null ? undefined : { v, ...(typeof v === 'number' && z?.(c) ? { z: z(c) } : {}) };
  return {
    name,
    rows: [
      [{ v: title }],
      [undefined, undefined, { v: '单位：万元' }],
      ...[...header, ...rows].map((r) => r.map(cell)),
    ],
    merges: [],
  };
}

const growthRows: V[][] = [
  ['一、税收收入', 1000, 1035, 3.5],
  ['二、非税收入', 400, 380, -5],
  ['三、转移性收入', 250, 275, 10],
  ['合计', 1650, 1690, 2.4],
];

describe('G5 percent columns', () => {
  it('finds which columns the published seed000 percents divide; all hold, nothing reported', () => {
    const wb = seed000Workbook(publishedSeed000());
    const infs = inferTables(wb, OFF);
    const g5 = infs.flatMap((i) => i.identities.filter((x) => x.identity.rule === 'G5'));
    expect(g5.length).toBe(6);
    expect(g5.every((x) => x.verdict === 'holds')).toBe(true);
    expect(g5[0].identity.text).toBe('预算数为上年完成数的% = 2024年预算数 ÷ 2023年完成数');
    expect(inferOnly(wb).filter((f) => f.rule === 'G5')).toEqual([]);
  });

  it('a wrong percent in seed000 is a G5 错误 at its cell', () => {
    const wb = seed000Workbook(publishedSeed000());
    const s = wb.sheets.find((x) => x.name === '表1')!;
    // 社会保险基金财政补贴收入: 5038 / 4671 = 108% → 118%
    s.rows[6][4] = { v: 1.18 };
    const g5 = inferOnly({ sheets: [s] }).filter((f) => f.rule === 'G5');
    expect(g5.map((f) => [f.severity, f.cell])).toEqual([['error', 'E7']]);
  });

  it('a growth written in points ((本年 − 上年) ÷ 上年): found, silent when clean, a planted error at its cell', () => {
    const header: V[][] = [['项目', '上年执行数', '本年预算数', '增长率(%)']];
    const clean = sheetOf('增长', '某县一般公共预算收入表', header, growthRows);
    const inf = inferTables({ sheets: [clean] }, OFF)[0];
    const g5 = inf.identities.find((x) => x.identity.rule === 'G5')!;
    expect(g5.identity.text).toBe('增长率(%) = (本年预算数 − 上年执行数) ÷ 上年执行数');
    expect(g5.identity.ratio).toMatchObject({ kind: 'growth', reading: 'points' });
    expect(inferOnly({ sheets: [clean] }).filter((f) => /^G[1-6]$/.test(f.rule))).toEqual([]);
    const bad = sheetOf(
      '增长',
      '某县一般公共预算收入表',
      header,
      growthRows.map((r, i) => (i === 2 ? [...r.slice(0, 3), 12] : r)),
    );
    const found = inferOnly({ sheets: [bad] }).filter((f) => f.rule === 'G5');
    expect(found.map((f) => [f.severity, f.cell])).toEqual([['error', 'D6']]);
    // the pack cannot say a growth: a comment says so
    expect(inferPack({ sheets: [clean] }, OFF).text).toContain(
      '#   G5 增长率(%) = (本年预算数 − 上年执行数) ÷ 上年执行数',
    );
  });

  it('a percent formatted as % (0.98 shown 98%) is read as the engine reads it, and the pack writes it as ÷', () => {
    const header: V[][] = [['项目', '上年完成数', '本年预算数', '完成率']];
    const rows: V[][] = [
      ['一、甲', 200, 196, 0.98],
      ['二、乙', 300, 330, 1.1],
      ['三、丙', 50, 60, 1.2],
      ['合计', 550, 586, 1.07],
    ];
    const s = sheetOf('完成率', '某项收入完成情况表', header, rows, (c) => (c === 3 ? '0%' : undefined));
    const text = inferPack({ sheets: [s] }, OFF).text;
    expect(text).toMatch(/每行：完成率 = 本年预算数 ÷ 上年完成数/);
    expect(inferOnly({ sheets: [s] }).filter((f) => /^G[1-6]$/.test(f.rule))).toEqual([]);
  });
});
