/**
 * G5 percent columns and G6 balances, inferred on sheets of no declared form: found on the data,
 * silent on clean tables, a planted error reported at its cell.
 */
import { inferPack, inferTables } from '../../src/infer/pack';
import { Cell, SheetModel } from '../../src/workbook/model';
import { publishedSeed000, seed000Workbook } from '../helpers/seed000';
import { inferOnly } from '../helpers/infer-only';

const OFF = { builtinForms: false } as const;

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

describe('G6 balances', () => {
  const nxRows = () => {
    // the Ningxia 城乡居民医保 balance (two panels, 收入 | 支出), shortened
    const h: V[][] = [['项目', '2023年执行数', '2024年预算数', '项目', '2023年执行数', '2024年预算数']];
    const rows: V[][] = [
      ['一、基本医疗保险费收入', 27362, 28219, '一、基本医疗保险待遇支出', 70764, 70965],
      ['二、财政补贴收入', 50441, 49755, '二、大病保险支出', 7270, 6907],
      ['三、利息收入', 1850, 525, null, null, null],
      ['四、本年收入合计', 79653, 78499, '三、本年支出合计', 78034, 77872],
      [null, null, null, '四、本年收支结余', 1619, 627],
      ['五、上年结余', 35226, 36845, '五、年末滚存结余', 36845, 37472],
    ];
    return { h, rows };
  };

  it('rows: 本年收支结余 = 本年收入 − 本年支出 and 年末滚存结余 = 上年结余 + 收支结余 across the panels; silent when clean', () => {
    const { h, rows } = nxRows();
    const s = sheetOf('平衡', '某市城乡居民基本医疗保险基金收支预算表', h, rows);
    const g6 = inferTables({ sheets: [s] }, OFF)[0].identities.filter((x) => x.identity.rule === 'G6');
    expect(g6.map((x) => [x.verdict, x.identity.text])).toEqual([
      ['holds', '四、本年收支结余 = 四、本年收入合计 − 三、本年支出合计'],
      ['holds', '五、年末滚存结余 = 五、上年结余 + 四、本年收支结余'],
    ]);
    expect(inferOnly({ sheets: [s] }).filter((f) => /^G[1-6]$/.test(f.rule))).toEqual([]);
  });

  it('rows: a wrong 收支结余 is a G6 错误 at its cell (both balances point at it)', () => {
    const { h, rows } = nxRows();
    rows[4][4] = 1629;
    const s = sheetOf('平衡', '某市城乡居民基本医疗保险基金收支预算表', h, rows);
    const g6 = inferOnly({ sheets: [s] }).filter((f) => f.rule === 'G6');
    expect(g6.map((f) => [f.severity, f.cell])).toEqual([
      ['error', 'E8'],
      ['error', 'E8'],
    ]);
  });

  it('rows: no plain roll-forward beside a line that moves a balance (结余分配)', () => {
    const h: V[][] = [['项目', '金额', '项目', '金额']];
    const rows: V[][] = [
      ['本年收入合计', 100, '本年支出合计', 90],
      ['年初结转和结余', 20, '结余分配', 5],
      ['总计', 120, '年末结转和结余', 25],
    ];
    const s = sheetOf('决算', '收入支出决算总表', h, rows);
    const ids = inferTables({ sheets: [s] }, OFF)[0].identities;
    expect(ids.filter((x) => x.identity.rule === 'G6')).toEqual([]);
  });

  it('columns: 年末 = 年初 + 本年收入 − 本年支出 in every row; a planted error at its cell; the pack writes it by column names', () => {
    const h: V[][] = [['项目', '年初结转和结余', '本年收入', '本年支出', '年末结转和结余']];
    const rows: V[][] = [
      ['一、基本支出', 10, 500, 495, 15],
      ['二、项目支出', 40, 300, 320, 20],
      ['三、经营支出', 0, 30, 28, 2],
      ['合计', 50, 830, 843, 37],
    ];
    const s = sheetOf('结转', '财政拨款结转结余情况表', h, rows);
    const g6 = inferTables({ sheets: [s] }, OFF)[0].identities.filter((x) => x.identity.rule === 'G6');
    expect(g6.map((x) => [x.verdict, x.identity.text])).toEqual([
      ['holds', '年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出'],
    ]);
    expect(inferOnly({ sheets: [s] }).filter((f) => /^G[1-6]$/.test(f.rule))).toEqual([]);
    expect(inferPack({ sheets: [s] }, OFF).text).toContain(
      '每行：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出',
    );
    const bad = sheetOf(
      '结转',
      '财政拨款结转结余情况表',
      h,
      rows.map((r, i) => (i === 1 ? [...r.slice(0, 4), 25] : r)),
    );
    const found = inferOnly({ sheets: [bad] }).filter((f) => f.severity === 'error');
    expect(found.map((f) => f.cell)).toContain('E5');
    expect(found.filter((f) => f.rule === 'G6').map((f) => [f.severity, f.cell])).toEqual([['error', 'E5']]);
  });
});
