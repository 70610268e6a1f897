/**
 * Seed 001 (阿图什市社会保险中心 2025) as a consistent package built in memory with the layout
 * generator: the published figures with its discrepancies corrected (事业单位医疗 4.25, 基本支出
 * 388.19, 基本工资 80.08, 福利费 2.10, 2082602 booked as 对社会保障基金补助, 20801's 款 code
 * present). `published()` puts the published figures back.
 */
import { GenRow, layoutTable, LayoutOptions, PanelRows } from '../../src/generate/layout';
import { DEPARTMENT_TEMPLATES } from '../../src/templates';
import { FUNCTION_CLASS_ROWS } from '../../src/templates/dept/common';
import { WorkbookModel } from '../../src/workbook/model';

export const ORG = '阿图什市社会保险中心';
const t = (no: number) => DEPARTMENT_TEMPLATES[no - 1];

type V = Record<string, number | undefined>;
const row = (code: string | undefined, name: string, values: V, project?: string): GenRow => ({
  code,
  name,
  values,
  project,
});

export interface Seed001 {
  t1: PanelRows;
  t2: GenRow[];
  t3: GenRow[];
  t4: PanelRows;
  t5: GenRow[];
  t6: GenRow[];
  t7: GenRow[];
  /** Tables 8–11 are empty in seed 001; tests may fill them. */
  t8?: GenRow[];
  t9?: GenRow[];
  t10?: GenRow[];
  t11?: GenRow[];
}

/** The function classes of the 2025 form (no 234), as 表1 and 表4 print them. */
const CLASSES = FUNCTION_CLASS_ROWS.filter(([code]) => code !== '234');

export function cleanSeed001(): Seed001 {
  const t1Income: GenRow[] = [
    ['一、本年收入', 1114.26],
    ['1. 一般公共预算拨款', 1105.54],
    ['其中：一般财力', 1104.54],
    ['上级一般公共预算安排转移支付', 1.0],
    ['2. 政府性基金预算拨款'],
    ['其中：政府性基金收入'],
    ['上级政府性基金安排转移支付'],
    ['3. 国有资本经营预算拨款'],
    ['其中：国有资本经营收入'],
    ['上级国有资本经营预算安排转移支付'],
    ['4. 财政专户核拨'],
    ['5. 单位资金', 8.72],
    ['其中：事业收入'],
    ['上级补助收入'],
    ['附属单位上缴收入'],
    ['事业单位经营收入'],
    ['其他收入', 8.72],
    ['二、上年结转结余'],
    ['1. 财政拨款结转'],
    ['其中：一般公共预算拨款'],
    ['政府性基金预算拨款'],
    ['国有资本经营预算拨款'],
    ['2. 非财政拨款结转结余'],
    ['其中：财政专户核拨'],
    ['单位资金'],
    [],
    [],
    [],
    [],
    ['收入总计', 1114.26],
  ].map(([name, v]) => ({ name: name as string | undefined, values: { inAmount: v as number | undefined } }));
  const t1Amounts: Record<string, number> = { '208': 1063.35, '210': 23.16, '221': 27.75 };
  const t1Expense: GenRow[] = [
    ...CLASSES.map(([code, name]) => ({ code, name, values: { exAmount: t1Amounts[code] } })),
    { name: '支出总计', values: { exAmount: 1114.26 } },
  ];

  const t2 = (code: string | undefined, name: string, total: number, gpb?: number, transfer?: number, unit?: number) =>
    row(code, name, { total, fiscal: (gpb ?? 0) + (transfer ?? 0) || undefined, gpb, gpbTransfer: transfer, unit });
  const t2rows: GenRow[] = [
    t2(undefined, '总计', 1114.26, 1104.54, 1.0, 8.72),
    t2('208', '社会保障和就业支出', 1063.35, 1053.63, 1.0, 8.72),
    t2('20801', '人力资源和社会保障管理事务', 302.2, 293.48, undefined, 8.72),
    t2('2080109', '社会保险经办机构', 302.2, 293.48, undefined, 8.72),
    t2('20805', '行政事业单位养老支出', 58.8, 58.8),
    t2('2080501', '行政单位离退休', 22.72, 22.72),
    t2('2080502', '事业单位离退休', 1.76, 1.76),
    t2('2080505', '机关事业单位基本养老保险缴费支出', 34.32, 34.32),
    t2('20806', '企业改革补助', 1.0, undefined, 1.0),
    t2('2080699', '其他企业改革发展补助', 1.0, undefined, 1.0),
    t2('20826', '财政对基本养老保险基金的补助', 571.49, 571.49),
    t2('2082602', '财政对城乡居民基本养老保险基金的补助', 571.49, 571.49),
    t2('20830', '财政代缴社会保险费支出', 129.86, 129.86),
    t2('2083001', '财政代缴城乡居民基本养老保险费支出', 129.86, 129.86),
    t2('210', '卫生健康支出', 23.16, 23.16),
    t2('21011', '行政事业单位医疗', 23.16, 23.16),
    t2('2101101', '行政单位医疗', 18.91, 18.91),
    t2('2101102', '事业单位医疗', 4.25, 4.25),
    t2('221', '住房保障支出', 27.75, 27.75),
    t2('22102', '住房改革支出', 27.75, 27.75),
    t2('2210201', '住房公积金', 27.75, 27.75),
  ];
  // fiscal (col 2) = gpb + transfer, rounded to cents
  for (const r of t2rows) {
    const v = r.values!;
    if (v.fiscal !== undefined) v.fiscal = Math.round((v.fiscal as number) * 100) / 100;
  }

  const e = (code: string | undefined, name: string, total: number, basic?: number, project?: number) =>
    row(code, name, { total, basic, project });
  const t3rows: GenRow[] = [
    e(undefined, '总计', 1114.26, 388.19, 726.07),
    e('208', '社会保障和就业支出', 1063.35, 337.28, 726.07),
    e('20801', '人力资源和社会保障管理事务', 302.2, 278.48, 23.72),
    e('2080109', '社会保险经办机构', 302.2, 278.48, 23.72),
    e('20805', '行政事业单位养老支出', 58.8, 58.8),
    e('2080501', '行政单位离退休', 22.72, 22.72),
    e('2080502', '事业单位离退休', 1.76, 1.76),
    e('2080505', '机关事业单位基本养老保险缴费支出', 34.32, 34.32),
    e('20806', '企业改革补助', 1.0, undefined, 1.0),
    e('2080699', '其他企业改革发展补助', 1.0, undefined, 1.0),
    e('20826', '财政对基本养老保险基金的补助', 571.49, undefined, 571.49),
    e('2082602', '财政对城乡居民基本养老保险基金的补助', 571.49, undefined, 571.49),
    e('20830', '财政代缴社会保险费支出', 129.86, undefined, 129.86),
    e('2083001', '财政代缴城乡居民基本养老保险费支出', 129.86, undefined, 129.86),
    e('210', '卫生健康支出', 23.16, 23.16),
    e('21011', '行政事业单位医疗', 23.16, 23.16),
    e('2101101', '行政单位医疗', 18.91, 18.91),
    e('2101102', '事业单位医疗', 4.25, 4.25),
    e('221', '住房保障支出', 27.75, 27.75),
    e('22102', '住房改革支出', 27.75, 27.75),
    e('2210201', '住房公积金', 27.75, 27.75),
  ];

  const t4Income: GenRow[] = [
    { name: '财政拨款（补助）', values: { inTotal: 1105.54 } },
    { name: '一般公共预算', values: { inTotal: 1105.54 } },
    { name: '政府性基金预算' },
    { name: '国有资本经营预算' },
    ...Array.from({ length: 25 }, () => ({})),
    { name: '收入总计', values: { inTotal: 1105.54 } },
  ];
  const t4Amounts: Record<string, number> = { '208': 1054.63, '210': 23.16, '221': 27.75 };
  const t4Expense: GenRow[] = [
    ...CLASSES.map(([code, name]) => ({ code, name, values: { exTotal: t4Amounts[code], exGpb: t4Amounts[code] } })),
    { name: '支出总计', values: { exTotal: 1105.54, exGpb: 1105.54 } },
  ];

  const t5rows: GenRow[] = [
    e(undefined, '总计', 1105.54, 388.19, 717.35),
    e('208', '社会保障和就业支出', 1054.63, 337.28, 717.35),
    e('20801', '人力资源和社会保障管理事务', 293.48, 278.48, 15.0),
    e('2080109', '社会保险经办机构', 293.48, 278.48, 15.0),
    e('20805', '行政事业单位养老支出', 58.8, 58.8),
    e('2080501', '行政单位离退休', 22.72, 22.72),
    e('2080502', '事业单位离退休', 1.76, 1.76),
    e('2080505', '机关事业单位基本养老保险缴费支出', 34.32, 34.32),
    e('20806', '企业改革补助', 1.0, undefined, 1.0),
    e('2080699', '其他企业改革发展补助', 1.0, undefined, 1.0),
    e('20826', '财政对基本养老保险基金的补助', 571.49, undefined, 571.49),
    e('2082602', '财政对城乡居民基本养老保险基金的补助', 571.49, undefined, 571.49),
    e('20830', '财政代缴社会保险费支出', 129.86, undefined, 129.86),
    e('2083001', '财政代缴城乡居民基本养老保险费支出', 129.86, undefined, 129.86),
    e('210', '卫生健康支出', 23.16, 23.16),
    e('21011', '行政事业单位医疗', 23.16, 23.16),
    e('2101101', '行政单位医疗', 18.91, 18.91),
    e('2101102', '事业单位医疗', 4.25, 4.25),
    e('221', '住房保障支出', 27.75, 27.75),
    e('22102', '住房改革支出', 27.75, 27.75),
    e('2210201', '住房公积金', 27.75, 27.75),
  ];

  const b = (code: string | undefined, name: string, total: number, personnel?: number, pub?: number) =>
    row(code, name, { total, personnel, public: pub });
  const t6rows: GenRow[] = [
    b(undefined, '总计', 388.19, 381.9, 6.29),
    b('301', '工资福利支出', 336.7, 336.7),
    b('30101', '基本工资', 80.08, 80.08),
    b('30102', '津贴补贴', 114.3, 114.3),
    b('30103', '奖金', 55.69, 55.69),
    b('30108', '机关事业单位基本养老保险缴费', 34.32, 34.32),
    b('30110', '职工基本医疗保险缴费', 23.16, 23.16),
    b('30112', '其他社会保障缴费', 1.4, 1.4),
    b('30113', '住房公积金', 27.75, 27.75),
    b('302', '商品和服务支出', 6.29, undefined, 6.29),
    b('30201', '办公费', 1.01, undefined, 1.01),
    b('30202', '印刷费', 0.84, undefined, 0.84),
    b('30211', '差旅费', 1.16, undefined, 1.16),
    b('30228', '工会经费', 1.18, undefined, 1.18),
    b('30229', '福利费', 2.1, undefined, 2.1),
    b('303', '对个人和家庭的补助', 45.2, 45.2),
    b('30302', '退休费', 45.2, 45.2),
  ];

  const p = (code: string | undefined, name: string, v: V, project?: string) => row(code, name, v, project);
  const t7rows: GenRow[] = [
    p(undefined, '总计', { total: 717.35, e302: 12.64, e303: 130.86, e310: 2.36, e313: 571.49 }),
    p(undefined, ORG, { total: 717.35, e302: 12.64, e303: 130.86, e310: 2.36, e313: 571.49 }),
    p('208', '社会保障和就业支出', { total: 717.35, e302: 12.64, e303: 130.86, e310: 2.36, e313: 571.49 }),
    p('20801', '人力资源和社会保障管理事务', { total: 15.0, e302: 12.64, e310: 2.36 }),
    p('2080109', '社会保险经办机构', { total: 15.0, e302: 12.64, e310: 2.36 }, '2025年社保业务工作经费'),
    p('20806', '企业改革补助', { total: 1.0, e303: 1.0 }),
    p('2080699', '其他企业改革发展补助', { total: 1.0, e303: 1.0 }, '1995年前退休（退职）人员生活补贴资金'),
    p('20826', '财政对基本养老保险基金的补助', { total: 571.49, e313: 571.49 }),
    p(
      '2082602',
      '财政对城乡居民基本养老保险基金的补助',
      { total: 571.49, e313: 571.49 },
      '城乡居民养老保险地方补助资金',
    ),
    p('20830', '财政代缴社会保险费支出', { total: 129.86, e303: 129.86 }),
    p('2083001', '财政代缴城乡居民基本养老保险费支出', { total: 129.86, e303: 129.86 }, '城乡居民养老保险政府代缴资金'),
  ];

  return {
    t1: { income: t1Income, expense: t1Expense },
    t2: t2rows,
    t3: t3rows,
    t4: { income: t4Income, expense: t4Expense },
    t5: t5rows,
    t6: t6rows,
    t7: t7rows,
  };
}

/** Seed 001 as published, with the discrepancies the spec lists. */
export function publishedSeed001(): Seed001 {
  const s = cleanSeed001();
  const set = (rows: GenRow[], code: string | undefined, name: string | undefined, values: V) => {
    const r = rows.find((x) => (code ? x.code === code : x.name === name));
    if (!r) throw new Error(`no row ${code ?? name}`);
    Object.assign(r.values!, values);
  };
  for (const rows of [s.t2]) set(rows, '2101102', undefined, { total: 4.26, fiscal: 4.26, gpb: 4.26 });
  for (const rows of [s.t3, s.t5]) set(rows, '2101102', undefined, { total: 4.26, basic: 4.26 });
  set(s.t3, undefined, '总计', { basic: 388.2 });
  set(s.t5, undefined, '总计', { basic: 388.2 });
  set(s.t6, undefined, '总计', { total: 388.2 });
  set(s.t6, '30101', undefined, { total: 80.07, personnel: 80.07 });
  set(s.t6, '30229', undefined, { total: 2.12, public: 2.12 });
  for (const r of s.t7.filter(
    (x) => ['总计', ORG, '社会保障和就业支出'].includes(x.name ?? '') || x.code?.startsWith('20826'),
  )) {
    r.values!.e301 = 571.49;
    r.values!.e313 = undefined;
  }
  // 20801's 款 code is missing in table 2: the row prints as class 208.
  const r20801 = s.t2.find((x) => x.code === '20801')!;
  r20801.code = '208';
  return s;
}

const EMPTY = (what: string, title: string) => `${ORG}2025年没有使用${what}，${title}为空表。`;

export function seed001Workbook(s: Seed001, options: LayoutOptions = {}): WorkbookModel {
  const o = { organisation: ORG, ...options };
  const sheet = (no: number, rows: GenRow[] | PanelRows, extra: LayoutOptions = {}) =>
    layoutTable(t(no), rows, { ...o, ...extra, sheetName: `表${no}` }).sheet;
  const t10Rows: GenRow[] = [
    '合计',
    '因公出国（境）费',
    '公务接待费',
    '公务用车购置及运行费（小计）',
    '其中：公务用车购置费',
    '公务用车运行费',
  ].map((name) => ({ name }));
  return {
    sheets: [
      sheet(1, s.t1),
      sheet(2, s.t2),
      sheet(3, s.t3),
      sheet(4, s.t4),
      sheet(5, s.t5),
      sheet(6, s.t6),
      sheet(7, s.t7),
      s.t8 ? sheet(8, s.t8) : sheet(8, [], { note: EMPTY('政府性基金预算拨款安排的支出', '政府性基金预算支出情况表') }),
      s.t9
        ? sheet(9, s.t9)
        : sheet(9, [], { note: EMPTY('国有资本经营预算拨款安排的支出', '国有资本经营预算支出情况表') }),
      s.t10
        ? sheet(10, s.t10)
        : sheet(10, t10Rows, {
            note: `${ORG}2025年没有使用财政拨款安排“三公”经费支出，财政拨款“三公”经费支出情况表为空表。`,
          }),
      s.t11
        ? sheet(11, s.t11)
        : sheet(11, [], { note: `${ORG}2025年没有上年结转结余，上年结转结余情况明细表为空表。` }),
    ],
  };
}
