/**
 * The central departments' 部门预算 form (family `central`, issue 12): the nine tables the Ministry
 * of Finance prescribes for 中央部门预算公开 — 收支总表, 收入总表, 支出总表, 财政拨款收支总表, 一般公共
 * 预算支出表, 一般公共预算基本支出表, 一般公共预算“三公”经费支出表, 政府性基金预算支出表, 国有资本经营
 * 预算支出表 — as the departments publish them (amounts in 万元, codes in one 科目编码 column or
 * 类|款|项). Declared from the standard published layout; no real file of this form was at hand to
 * verify it (see README, 中央部门预算).
 *
 * What differs from the standard (Xinjiang) 部门预算 form `dept`: 表1 lists the nine sources
 * (一般公共预算财政拨款收入 … 其他收入) with 本年收入合计 / 上年结转结余 and 本年支出合计 / 年末结转结余;
 * 表2 has one column per source (上年结转结余 first); 表3 adds 上缴上级支出, 事业单位经营支出, 对附属单位
 * 补助支出; 表4's 收入 is 本年收入 / 上年结转 by 资金; 表5 prints last year's 执行数 before this year's
 * 小计 | 基本支出 | 项目支出; 表7 "三公" is one row, last year's and this year's 预算数 side by side; 表8
 * and 表9 are 合计 | 基本支出 | 项目支出. Titles shared with `dept` (部门收支总表, 一般公共预算基本支出表 …)
 * go to the form whose header fits better, on a tie to the family of the workbook's other tables.
 */
import { ColumnSpec, TableTemplate } from '../types';
import { amount, economicCodeColumns, functionCodeColumns, row } from '../dept/common';

/** The sentence under an empty table: `…没有使用国有资本经营预算拨款安排的支出，故本表无数据。` */
const EMPTY_NOTE = /没有.*(为空表|为空白表|空表|无数据)/;

const income = { panel: 'income' as const };
const expense = { panel: 'expense' as const };

function label(key: 'inLabel' | 'exLabel', group: string[]): ColumnSpec {
  const panel = key === 'inLabel' ? 'income' : 'expense';
  return {
    key,
    role: 'label',
    panel,
    labels: ['项目', '功能分类', '科目名称'],
    group,
    name: panel === 'income' ? { zh: '收入项目', en: 'income item' } : { zh: '支出项目', en: 'expenditure item' },
  };
}

const BUDGET = ['预算数', '金额', '本年预算数'];

/** 表1 收支总表: 收入 by source | 支出 by function class (printed by name). */
const T01: TableTemplate = {
  id: 'central.t01',
  table: 'central.t01',
  family: 'central',
  no: 1,
  title: '部门收支总表',
  titles: ['部门收支总表', '收支总表'],
  nameEn: 'Income and expenditure summary (central)',
  layout: 'two-panel',
  numberRow: false,
  columns: [
    label('inLabel', ['收入']),
    amount('inAmount', undefined, BUDGET, '收入预算数', 'income budget', { ...income, group: ['收入'] }),
    label('exLabel', ['支出']),
    amount('exAmount', undefined, BUDGET, '支出预算数', 'expenditure budget', { ...expense, group: ['支出'] }),
  ],
  fixedRows: [
    row(
      'gpb',
      ['一般公共预算财政拨款收入', '一般公共预算拨款收入'],
      '一般公共预算财政拨款收入',
      'general budget appropriations',
      income,
    ),
    row(
      'gfb',
      ['政府性基金预算财政拨款收入', '政府性基金预算拨款收入'],
      '政府性基金预算财政拨款收入',
      'government fund appropriations',
      income,
    ),
    row(
      'socb',
      ['国有资本经营预算财政拨款收入', '国有资本经营预算拨款收入'],
      '国有资本经营预算财政拨款收入',
      'state capital appropriations',
      income,
    ),
    row(
      'special',
      ['财政专户管理资金收入', '财政专户管理资金'],
      '财政专户管理资金收入',
      'special account funds',
      income,
    ),
    row('business', ['事业收入'], '事业收入', 'service revenue', income),
    row('operating', ['事业单位经营收入'], '事业单位经营收入', 'operating revenue', income),
    row('superior', ['上级补助收入'], '上级补助收入', 'subsidies from above', income),
    row('affiliated', ['附属单位上缴收入'], '附属单位上缴收入', 'remittances of affiliates', income),
    row('other', ['其他收入'], '其他收入', 'other revenue', income),
    row('incomeYear', ['本年收入合计'], '本年收入合计', 'income of the year', income),
    row('carryover', ['上年结转结余', '上年结转'], '上年结转结余', 'carry-over from last year', income),
    row('incomeTotal', ['收入总计', '总计'], '收入总计', 'total income', income),
    row('expenseYear', ['本年支出合计'], '本年支出合计', 'expenditure of the year', expense),
    row('closing', ['年末结转结余', '年末结转和结余', '结转下年'], '年末结转结余', 'carried forward', expense),
    row('expenseTotal', ['支出总计', '总计'], '支出总计', 'total expenditure', expense),
  ],
  emptyNote: EMPTY_NOTE,
};

/** 表2 收入总表: by function code, one column per source. */
const T02: TableTemplate = {
  id: 'central.t02',
  table: 'central.t02',
  family: 'central',
  no: 2,
  title: '部门收入总表',
  titles: ['部门收入总表', '收入总表'],
  nameEn: 'Income summary (central)',
  layout: 'coded',
  codeKind: 'function',
  numberRow: false,
  columns: [
    ...functionCodeColumns(),
    amount('total', undefined, ['合计', '总计'], '合计', 'total'),
    amount('carryover', undefined, ['上年结转结余', '上年结转'], '上年结转结余', 'carry-over', { optional: true }),
    amount(
      'gpb',
      undefined,
      ['一般公共预算财政拨款收入', '一般公共预算拨款收入', '一般公共预算财政拨款'],
      '一般公共预算财政拨款收入',
      'general budget appropriations',
    ),
    amount(
      'gfb',
      undefined,
      ['政府性基金预算财政拨款收入', '政府性基金预算拨款收入', '政府性基金预算财政拨款'],
      '政府性基金预算财政拨款收入',
      'government fund appropriations',
    ),
    amount(
      'socb',
      undefined,
      ['国有资本经营预算财政拨款收入', '国有资本经营预算拨款收入', '国有资本经营预算财政拨款'],
      '国有资本经营预算财政拨款收入',
      'state capital appropriations',
    ),
    amount(
      'special',
      undefined,
      ['财政专户管理资金收入', '财政专户管理资金'],
      '财政专户管理资金收入',
      'special account funds',
      { optional: true },
    ),
    amount('business', undefined, ['事业收入'], '事业收入', 'service revenue', { optional: true }),
    amount('operating', undefined, ['事业单位经营收入'], '事业单位经营收入', 'operating revenue', { optional: true }),
    amount('superior', undefined, ['上级补助收入'], '上级补助收入', 'subsidies from above', { optional: true }),
    amount('affiliated', undefined, ['附属单位上缴收入'], '附属单位上缴收入', 'remittances of affiliates', {
      optional: true,
    }),
    amount('other', undefined, ['其他收入'], '其他收入', 'other revenue', { optional: true }),
  ],
  emptyNote: EMPTY_NOTE,
};

/** 表3 支出总表: by function code, 合计 = 基本 + 项目 (+ 上缴上级, 经营, 对附属单位补助). */
const T03: TableTemplate = {
  id: 'central.t03',
  table: 'central.t03',
  family: 'central',
  no: 3,
  title: '部门支出总表',
  titles: ['部门支出总表', '支出总表'],
  nameEn: 'Expenditure summary (central)',
  layout: 'coded',
  codeKind: 'function',
  numberRow: false,
  columns: [
    ...functionCodeColumns(),
    amount('total', undefined, ['合计', '总计'], '合计', 'total'),
    amount('basic', undefined, ['基本支出'], '基本支出', 'basic expenditure'),
    amount('project', undefined, ['项目支出'], '项目支出', 'project expenditure'),
    amount('remitted', undefined, ['上缴上级支出'], '上缴上级支出', 'remitted to superior', { optional: true }),
    amount('operating', undefined, ['事业单位经营支出', '经营支出'], '事业单位经营支出', 'operating expenditure', {
      optional: true,
    }),
    amount('affiliates', undefined, ['对附属单位补助支出'], '对附属单位补助支出', 'subsidies to affiliates', {
      optional: true,
    }),
  ],
  emptyNote: EMPTY_NOTE,
};

const APPROPRIATION = { ...expense, group: ['支出', '财政拨款支出'] };

/** 表4 财政拨款收支总表: 本年收入 / 上年结转 by 资金 | 支出 by class and source. */
const T04: TableTemplate = {
  id: 'central.t04',
  table: 'central.t04',
  family: 'central',
  no: 4,
  title: '财政拨款收支总表',
  titles: ['财政拨款收支总表', '部门财政拨款收支总表'],
  nameEn: 'Appropriations income and expenditure summary (central)',
  layout: 'two-panel',
  numberRow: false,
  columns: [
    label('inLabel', ['收入', '财政拨款收入']),
    amount('inAmount', undefined, BUDGET, '收入预算数', 'income budget', {
      ...income,
      group: ['收入', '财政拨款收入'],
    }),
    label('exLabel', ['支出', '财政拨款支出']),
    amount('exTotal', undefined, ['合计', '小计'], '支出合计', 'expenditure total', APPROPRIATION),
    amount(
      'exGpb',
      undefined,
      ['一般公共预算', '一般公共预算资金', '一般公共预算财政拨款'],
      '一般公共预算',
      'general budget',
      APPROPRIATION,
    ),
    amount(
      'exGfb',
      undefined,
      ['政府性基金预算', '政府性基金预算资金', '政府性基金预算财政拨款'],
      '政府性基金预算',
      'government funds',
      APPROPRIATION,
    ),
    amount(
      'exSocb',
      undefined,
      ['国有资本经营预算', '国有资本经营预算资金', '国有资本经营预算财政拨款'],
      '国有资本经营预算',
      'state capital',
      APPROPRIATION,
    ),
  ],
  fixedRows: [
    row('incomeYear', ['本年收入'], '本年收入', 'income of the year', income),
    row('gpb', ['一般公共预算资金', '一般公共预算'], '一般公共预算资金', 'general budget', income),
    row('gfb', ['政府性基金预算资金', '政府性基金预算'], '政府性基金预算资金', 'government funds', income),
    row('socb', ['国有资本经营预算资金', '国有资本经营预算'], '国有资本经营预算资金', 'state capital', income),
    row('carryover', ['上年结转', '上年结转结余'], '上年结转', 'carry-over', income),
    row(
      'carryGpb',
      ['一般公共预算资金', '一般公共预算'],
      '其中：一般公共预算资金',
      'carry-over: general budget',
      income,
    ),
    row(
      'carryGfb',
      ['政府性基金预算资金', '政府性基金预算'],
      '其中：政府性基金预算资金',
      'carry-over: government funds',
      income,
    ),
    row(
      'carrySocb',
      ['国有资本经营预算资金', '国有资本经营预算'],
      '其中：国有资本经营预算资金',
      'carry-over: state capital',
      income,
    ),
    row('incomeTotal', ['收入总计', '总计'], '收入总计', 'total income', income),
    row('expenseYear', ['本年支出', '本年支出合计'], '本年支出', 'expenditure of the year', expense),
    row('closing', ['年末结转', '年末结转结余', '年末结转和结余'], '年末结转', 'carried forward', expense),
    row('expenseTotal', ['支出总计', '总计'], '支出总计', 'total expenditure', expense),
  ],
  emptyNote: EMPTY_NOTE,
};

/** Last year's 执行数 (`2023年执行数`) of 表5. */
const PRIOR: ColumnSpec = amount('prior', undefined, ['上年执行数', '执行数'], '上年执行数', 'last year actual', {
  patterns: [/^\d{4}年执行数$/],
  optional: true,
});

function basicProject(no: number, title: string, titles: string[], nameEn: string, total: string[]): TableTemplate {
  return {
    id: `central.t0${no}`,
    table: `central.t0${no}`,
    family: 'central',
    no,
    title,
    titles,
    nameEn,
    layout: 'coded',
    codeKind: 'function',
    numberRow: false,
    columns: [
      ...functionCodeColumns(),
      ...(no === 5 ? [PRIOR] : []),
      amount('total', undefined, total, total[0], 'total'),
      amount('basic', undefined, ['基本支出'], '基本支出', 'basic expenditure'),
      amount('project', undefined, ['项目支出'], '项目支出', 'project expenditure'),
    ],
    emptyNote: EMPTY_NOTE,
  };
}

/** 表6 一般公共预算基本支出表: by economic code, 合计 = 人员经费 + 公用经费. */
const T06: TableTemplate = {
  id: 'central.t06',
  table: 'central.t06',
  family: 'central',
  no: 6,
  title: '一般公共预算基本支出表',
  titles: ['一般公共预算基本支出表'],
  nameEn: 'General budget basic expenditure (central)',
  layout: 'coded',
  codeKind: 'economic',
  numberRow: false,
  columns: [
    ...economicCodeColumns().map((c) =>
      c.role === 'name' ? { ...c, labels: [...c.labels, '部门预算支出经济分类科目名称'] } : c,
    ),
    amount('total', undefined, ['合计', '总计'], '合计', 'total'),
    amount('personnel', undefined, ['人员经费'], '人员经费', 'personnel'),
    amount('public', undefined, ['公用经费'], '公用经费', 'public expenses'),
  ],
  emptyNote: EMPTY_NOTE,
};

/**
 * 表7 一般公共预算“三公”经费支出表: one row, last year's 预算数 then this year's, each 合计 |
 * 因公出国（境）费 | 公务用车购置及运行费 (小计 | 购置费 | 运行费) | 公务接待费. The two year groups are
 * told apart by their order (their headers are years); a table printing this year's only is the
 * variant `central.t07.one-year`.
 */
function three(key: string, zh: string, en: string): ColumnSpec[] {
  const cols: [string, string[], string, string][] = [
    ['Total', ['合计'], '合计', 'total'],
    ['Abroad', ['因公出国(境)费', '因公出国(境)费用'], '因公出国（境）费', 'travel abroad'],
    ['Vehicles', ['小计', '公务用车购置及运行费'], '公务用车购置及运行费', 'vehicles'],
    ['Purchase', ['公务用车购置费', '购置费'], '公务用车购置费', 'vehicle purchase'],
    ['Running', ['公务用车运行费', '运行费', '公务用车运行维护费'], '公务用车运行费', 'vehicle running'],
    ['Reception', ['公务接待费'], '公务接待费', 'official reception'],
  ];
  // The year groups print as years (`2023年预算数`): the group is for the generated sheet's header.
  return cols.map(([k, labels, name, nameEn]) =>
    amount(`${key}${k}`, undefined, labels, `${zh}${name}`, `${nameEn} (${en})`, { group: [`${zh}预算数`] }),
  );
}

const T07: TableTemplate = {
  id: 'central.t07',
  table: 'central.t07',
  family: 'central',
  no: 7,
  title: '一般公共预算“三公”经费支出表',
  titles: ['一般公共预算三公经费支出表', '一般公共预算三公经费支出预算表'],
  nameEn: '"Three public" expenses (central)',
  layout: 'fixed',
  numberRow: false,
  columns: [
    { key: 'label', role: 'label', labels: ['项目', ''], name: { zh: '项目', en: 'item' }, optional: true },
    ...three('prior', '上年', 'last year'),
    ...three('this', '本年', 'this year'),
  ],
  emptyNote: EMPTY_NOTE,
};

/** 表7 printed with this year's 预算数 only (one group of six columns). */
const T07_ONE_YEAR: TableTemplate = {
  ...T07,
  id: 'central.t07.one-year',
  columns: T07.columns.filter((c) => !c.key.startsWith('prior')),
};

export const CENTRAL_TEMPLATES: readonly TableTemplate[] = [
  T01,
  T02,
  T03,
  T04,
  basicProject(5, '一般公共预算支出表', ['一般公共预算支出表'], 'General budget expenditure (central)', [
    '小计',
    '合计',
  ]),
  T06,
  T07,
  T07_ONE_YEAR,
  basicProject(8, '政府性基金预算支出表', ['政府性基金预算支出表'], 'Government fund expenditure (central)', [
    '合计',
    '小计',
  ]),
  basicProject(9, '国有资本经营预算支出表', ['国有资本经营预算支出表'], 'State capital expenditure (central)', [
    '合计',
    '小计',
  ]),
];
