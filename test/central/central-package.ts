/**
 * A made 中央部门预算公开 package (issue 12) in the standard layout the Ministry of Finance
 * prescribes for the central departments' budget disclosure (the nine tables 收支总表 … 国有资本经营
 * 预算支出表, as printed in the departments' published 部门预算 since 2017): not transcribed from a
 * real file — there is none in /work/shared/real — but laid out after that published form, with
 * made figures (万元) that satisfy every identity of the form. The layout-free model of
 * test/fixtures/real/model.ts, laid out as sheets by test/helpers/real-layout.ts.
 */
import { e, r, RealPackage, RealTable } from '../fixtures/real/model';

const UNIT = '单位：万元';
const DEPT = '某某部';
const by = (title: string) => `${DEPT}2024年${title}`;

/** The function rows shared by 收入总表, 支出总表 and the appropriation tables (code, name). */
const T01: RealTable = {
  id: 'c-01',
  form: 'central.t01',
  title: by('部门收支总表'),
  unit: '万元',
  panels: [
    {
      name: '收入',
      codeHeaders: [],
      labelHeader: '项目',
      columns: [{ label: '预算数' }],
      rows: [
        r(1, '', '一、一般公共预算财政拨款收入', '1,750.50'),
        r(1, '', '二、政府性基金预算财政拨款收入', '80.00'),
        e(1, '', '三、国有资本经营预算财政拨款收入', 1),
        e(1, '', '四、财政专户管理资金收入', 1),
        r(1, '', '五、事业收入', '200.00'),
        e(1, '', '六、事业单位经营收入', 1),
        e(1, '', '七、上级补助收入', 1),
        e(1, '', '八、附属单位上缴收入', 1),
        e(1, '', '九、其他收入', 1),
        e(1, '', '', 1),
        e(1, '', '', 1),
        r(1, '', '本年收入合计', '2,030.50'),
        r(1, '', '上年结转结余', '20.00'),
        r(1, '', '收入总计', '2,050.50'),
      ],
    },
    {
      name: '支出',
      codeHeaders: [],
      labelHeader: '项目',
      columns: [{ label: '预算数' }],
      rows: [
        r(1, '', '一、一般公共服务支出', '1,720.50'),
        e(1, '', '二、外交支出', 1),
        e(1, '', '三、国防支出', 1),
        e(1, '', '四、公共安全支出', 1),
        e(1, '', '五、教育支出', 1),
        e(1, '', '六、科学技术支出', 1),
        r(1, '', '七、社会保障和就业支出', '150.25'),
        r(1, '', '八、住房保障支出', '99.75'),
        r(1, '', '九、其他支出', '80.00'),
        e(1, '', '', 1),
        e(1, '', '', 1),
        r(1, '', '本年支出合计', '2,050.50'),
        e(1, '', '年末结转结余', 1),
        r(1, '', '支出总计', '2,050.50'),
      ],
    },
  ],
  pages: [1],
  notes: [],
};

const INCOME_COLUMNS = [
  '合计',
  '上年结转结余',
  '一般公共预算财政拨款收入',
  '政府性基金预算财政拨款收入',
  '国有资本经营预算财政拨款收入',
  '财政专户管理资金收入',
  '事业收入',
  '事业单位经营收入',
  '上级补助收入',
  '附属单位上缴收入',
  '其他收入',
];

/** income row: total, carry, gpb, gfb, 事业收入 (the others blank) */
function inc(
  code: string,
  name: string,
  total: string,
  carry: string | null,
  gpb: string | null,
  gfb: string | null,
  biz: string | null,
) {
  return r(2, code, name, total, carry, gpb, gfb, null, null, biz, null, null, null, null);
}

const T02: RealTable = {
  id: 'c-02',
  form: 'central.t02',
  title: by('部门收入总表'),
  unit: '万元',
  panels: [
    {
      codeHeaders: ['科目编码'],
      labelHeader: '科目名称',
      columns: INCOME_COLUMNS.map((label) => ({ label })),
      rows: [
        inc('', '合计', '2,050.50', '20.00', '1,750.50', '80.00', '200.00'),
        inc('201', '一般公共服务支出', '1,720.50', '20.00', '1,500.50', null, '200.00'),
        inc('20106', '财政事务', '1,720.50', '20.00', '1,500.50', null, '200.00'),
        inc('2010601', '行政运行', '1,200.00', null, '1,200.00', null, null),
        inc('2010602', '一般行政管理事务', '520.50', '20.00', '300.50', null, '200.00'),
        inc('208', '社会保障和就业支出', '150.25', null, '150.25', null, null),
        inc('20805', '行政事业单位养老支出', '150.25', null, '150.25', null, null),
        inc('2080505', '机关事业单位基本养老保险缴费支出', '150.25', null, '150.25', null, null),
        inc('221', '住房保障支出', '99.75', null, '99.75', null, null),
        inc('22102', '住房改革支出', '99.75', null, '99.75', null, null),
        inc('2210201', '住房公积金', '99.75', null, '99.75', null, null),
        inc('229', '其他支出', '80.00', null, null, '80.00', null),
        inc('22960', '彩票公益金安排的支出', '80.00', null, null, '80.00', null),
        inc('2296002', '用于社会福利的彩票公益金支出', '80.00', null, null, '80.00', null),
      ],
    },
  ],
  pages: [2],
  notes: [],
};

/** The spending rows: code, name, total, basic, project. */
const SPENDING: [string, string, string, string | null, string | null][] = [
  ['', '合计', '2,050.50', '1,450.00', '600.50'],
  ['201', '一般公共服务支出', '1,720.50', '1,200.00', '520.50'],
  ['20106', '财政事务', '1,720.50', '1,200.00', '520.50'],
  ['2010601', '行政运行', '1,200.00', '1,200.00', null],
  ['2010602', '一般行政管理事务', '520.50', null, '520.50'],
  ['208', '社会保障和就业支出', '150.25', '150.25', null],
  ['20805', '行政事业单位养老支出', '150.25', '150.25', null],
  ['2080505', '机关事业单位基本养老保险缴费支出', '150.25', '150.25', null],
  ['221', '住房保障支出', '99.75', '99.75', null],
  ['22102', '住房改革支出', '99.75', '99.75', null],
  ['2210201', '住房公积金', '99.75', '99.75', null],
  ['229', '其他支出', '80.00', null, '80.00'],
  ['22960', '彩票公益金安排的支出', '80.00', null, '80.00'],
  ['2296002', '用于社会福利的彩票公益金支出', '80.00', null, '80.00'],
];

const T03: RealTable = {
  id: 'c-03',
  form: 'central.t03',
  title: by('部门支出总表'),
  unit: '万元',
  panels: [
    {
      codeHeaders: ['科目编码'],
      labelHeader: '科目名称',
      columns: ['合计', '基本支出', '项目支出', '上缴上级支出', '事业单位经营支出', '对附属单位补助支出'].map(
        (label) => ({
          label,
        }),
      ),
      rows: SPENDING.map(([code, name, total, basic, project]) =>
        r(3, code, name, total, basic, project, null, null, null),
      ),
    },
  ],
  pages: [3],
  notes: [],
};

const T04: RealTable = {
  id: 'c-04',
  form: 'central.t04',
  title: by('财政拨款收支总表'),
  unit: '万元',
  panels: [
    {
      name: '收入',
      codeHeaders: [],
      labelHeader: '项目',
      columns: [{ label: '预算数' }],
      rows: [
        r(4, '', '一、本年收入', '1,830.50'),
        r(4, '', '（一）一般公共预算资金', '1,750.50'),
        r(4, '', '（二）政府性基金预算资金', '80.00'),
        e(4, '', '（三）国有资本经营预算资金', 1),
        e(4, '', '二、上年结转', 1),
        e(4, '', '（一）一般公共预算资金', 1),
        e(4, '', '（二）政府性基金预算资金', 1),
        e(4, '', '（三）国有资本经营预算资金', 1),
        e(4, '', '', 1),
        e(4, '', '', 1),
        e(4, '', '', 1),
        r(4, '', '收入总计', '1,830.50'),
      ],
    },
    {
      name: '支出',
      codeHeaders: [],
      labelHeader: '项目',
      columns: ['合计', '一般公共预算', '政府性基金预算', '国有资本经营预算'].map((label) => ({ label })),
      rows: [
        r(4, '', '一、本年支出', '1,830.50', '1,750.50', '80.00', null),
        r(4, '', '（一）一般公共服务支出', '1,500.50', '1,500.50', null, null),
        e(4, '', '（二）外交支出', 4),
        e(4, '', '（三）国防支出', 4),
        e(4, '', '（四）公共安全支出', 4),
        e(4, '', '（五）教育支出', 4),
        r(4, '', '（六）社会保障和就业支出', '150.25', '150.25', null, null),
        r(4, '', '（七）住房保障支出', '99.75', '99.75', null, null),
        r(4, '', '（八）其他支出', '80.00', null, '80.00', null),
        e(4, '', '二、年末结转', 4),
        e(4, '', '', 4),
        r(4, '', '支出总计', '1,830.50', '1,750.50', '80.00', null),
      ],
    },
  ],
  pages: [4],
  notes: [],
};

/** The 一般公共预算 rows (code, name, total, basic, project): 事业收入 and the carry-over left out. */
const GPB: [string, string, string, string | null, string | null][] = [
  ['', '合计', '1,750.50', '1,450.00', '300.50'],
  ['201', '一般公共服务支出', '1,500.50', '1,200.00', '300.50'],
  ['20106', '财政事务', '1,500.50', '1,200.00', '300.50'],
  ['2010601', '行政运行', '1,200.00', '1,200.00', null],
  ['2010602', '一般行政管理事务', '300.50', null, '300.50'],
  ['208', '社会保障和就业支出', '150.25', '150.25', null],
  ['20805', '行政事业单位养老支出', '150.25', '150.25', null],
  ['2080505', '机关事业单位基本养老保险缴费支出', '150.25', '150.25', null],
  ['221', '住房保障支出', '99.75', '99.75', null],
  ['22102', '住房改革支出', '99.75', '99.75', null],
  ['2210201', '住房公积金', '99.75', '99.75', null],
];

/** Last year's 执行数 of the same rows. */
const GPB_PRIOR = [
  '1,690.20',
  '1,450.20',
  '1,450.20',
  '1,160.00',
  '290.20',
  '142.00',
  '142.00',
  '142.00',
  '98.00',
  '98.00',
  '98.00',
];

const T05: RealTable = {
  id: 'c-05',
  form: 'central.t05',
  title: by('一般公共预算支出表'),
  unit: '万元',
  panels: [
    {
      codeHeaders: ['科目编码'],
      labelHeader: '科目名称',
      columns: [
        { label: '2023年执行数' },
        { label: '小计', group: ['2024年预算数'] },
        { label: '基本支出', group: ['2024年预算数'] },
        { label: '项目支出', group: ['2024年预算数'] },
      ],
      rows: GPB.map(([code, name, total, basic, project], i) => r(5, code, name, GPB_PRIOR[i], total, basic, project)),
    },
  ],
  pages: [5],
  notes: [],
};

const T06: RealTable = {
  id: 'c-06',
  form: 'central.t06',
  title: by('一般公共预算基本支出表'),
  unit: '万元',
  panels: [
    {
      codeHeaders: ['科目编码'],
      labelHeader: '科目名称',
      columns: [
        { label: '合计', group: ['2024年基本支出'] },
        { label: '人员经费', group: ['2024年基本支出'] },
        { label: '公用经费', group: ['2024年基本支出'] },
      ],
      rows: [
        r(6, '', '合计', '1,450.00', '1,200.00', '250.00'),
        r(6, '301', '工资福利支出', '1,100.00', '1,100.00', null),
        r(6, '30101', '基本工资', '600.00', '600.00', null),
        r(6, '30102', '津贴补贴', '349.75', '349.75', null),
        r(6, '30108', '机关事业单位基本养老保险缴费', '150.25', '150.25', null),
        r(6, '302', '商品和服务支出', '250.00', null, '250.00'),
        r(6, '30201', '办公费', '120.00', null, '120.00'),
        r(6, '30211', '差旅费', '80.00', null, '80.00'),
        r(6, '30217', '公务接待费', '10.00', null, '10.00'),
        r(6, '30231', '公务用车运行维护费', '40.00', null, '40.00'),
        r(6, '303', '对个人和家庭的补助', '100.00', '100.00', null),
        r(6, '30302', '退休费', '100.00', '100.00', null),
      ],
    },
  ],
  pages: [6],
  notes: [],
};

const THREE = ['合计', '因公出国（境）费', '小计', '公务用车购置费', '公务用车运行费', '公务接待费'];
const threeColumns = (year: string) =>
  THREE.map((label, i) => ({
    label,
    group: i >= 2 && i <= 4 ? [`${year}年预算数`, '公务用车购置及运行费'] : [`${year}年预算数`],
  }));

const T07: RealTable = {
  id: 'c-07',
  form: 'central.t07',
  title: by('一般公共预算“三公”经费支出表'),
  unit: '万元',
  panels: [
    {
      codeHeaders: [],
      labelHeader: '项目',
      columns: [...threeColumns('2023'), ...threeColumns('2024')],
      rows: [
        r(
          7,
          '',
          '“三公”经费',
          '62.00',
          '12.00',
          '40.00',
          null,
          '40.00',
          '10.00',
          '58.50',
          '8.50',
          '40.00',
          null,
          '40.00',
          '10.00',
        ),
      ],
    },
  ],
  pages: [7],
  notes: [],
};

const T08: RealTable = {
  id: 'c-08',
  form: 'central.t08',
  title: by('政府性基金预算支出表'),
  unit: '万元',
  headerGroups: [],
  panels: [
    {
      codeHeaders: ['科目编码'],
      labelHeader: '科目名称',
      columns: ['合计', '基本支出', '项目支出'].map((label) => ({ label, group: ['2024年预算数'] })),
      rows: [
        r(8, '', '合计', '80.00', null, '80.00'),
        r(8, '229', '其他支出', '80.00', null, '80.00'),
        r(8, '22960', '彩票公益金安排的支出', '80.00', null, '80.00'),
        r(8, '2296002', '用于社会福利的彩票公益金支出', '80.00', null, '80.00'),
      ],
    },
  ],
  pages: [8],
  notes: [],
};

const T09: RealTable = {
  id: 'c-09',
  form: 'central.t09',
  title: by('国有资本经营预算支出表'),
  unit: '万元',
  panels: [
    {
      codeHeaders: ['科目编码'],
      labelHeader: '科目名称',
      columns: ['合计', '基本支出', '项目支出'].map((label) => ({ label, group: ['2024年预算数'] })),
      rows: [e(9, '', '合计', 3)],
    },
  ],
  pages: [9],
  printedNotes: [`注：${DEPT}2024年没有使用国有资本经营预算拨款安排的支出，故本表无数据。`],
  notes: [],
};

export const CENTRAL_PACKAGE: RealPackage = {
  id: 'central-2024-dept-budget-made',
  source: 'made after the MoF standard layout of 中央部门预算公开 (no real file)',
  title: `${DEPT}2024年部门预算`,
  tables: [T01, T02, T03, T04, T05, T06, T07, T08, T09],
};

export { UNIT };
