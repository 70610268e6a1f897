/**
 * The Shanghai district 部门预算 form (family `sh`, issue 12): the coded tables, amounts in 元.
 * The 单位预算 variant prints the same tables with 单位/预算单位 in place of 部门; the titles below
 * are matched without that prefix so both are one logical table. 表1 财务收支预算总表 and 表4 财政拨款收支
 * 预算总表 are two panels side by side (收入 | 支出, the 支出 classes printed by name: `一、一般公共服务支出`);
 * the 单位 variant of 表1 splits its 支出 预算数 into 合计 | 基本支出 (人员经费, 公用经费) | 项目支出.
 * 表9 "三公"经费和机关运行经费预算表 is one unlabelled row, in 万元.
 */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE, economicCodeColumns, functionCodeColumns, row } from '../dept/common';

const income = { panel: 'income' as const };
const expense = { panel: 'expense' as const };

function panelLabel(key: 'inLabel' | 'exLabel', group: string[]): TableTemplate['columns'][number] {
  const panel = key === 'inLabel' ? 'income' : 'expense';
  return {
    key,
    role: 'label',
    panel,
    labels: ['项目', '项  目', '功能分类', '科目名称'],
    group,
    name: panel === 'income' ? { zh: '收入项目', en: 'income item' } : { zh: '支出项目', en: 'expenditure item' },
  };
}

/** 表1 部门财务收支预算总表: 本年收入 | 本年支出 (the 单位 variant with 支出 by kind). */
const T01: TableTemplate = {
  id: 'sh.t01',
  table: 'sh.t01',
  family: 'sh',
  no: 1,
  title: '部门财务收支预算总表',
  titles: ['财务收支预算总表', '部门财务收支预算总表', '单位财务收支预算总表', '预算单位财务收支预算总表'],
  nameEn: 'Income and expenditure budget summary (Shanghai)',
  layout: 'two-panel',
  numberRow: false,
  columns: [
    panelLabel('inLabel', ['本年收入', '收入']),
    amount('inAmount', undefined, ['预算数', '金额'], '收入预算数', 'income budget', {
      ...income,
      group: ['本年收入', '收入'],
    }),
    panelLabel('exLabel', ['本年支出', '支出']),
    amount('exTotal', undefined, ['预算数', '合计', '金额'], '支出预算数', 'expenditure budget', {
      ...expense,
      group: ['本年支出', '支出', '预算数'],
    }),
    amount('exPersonnel', undefined, ['人员经费'], '人员经费', 'personnel', {
      ...expense,
      group: ['基本支出', '预算数', '本年支出'],
      optional: true,
    }),
    amount('exPublic', undefined, ['公用经费'], '公用经费', 'public expenses', {
      ...expense,
      group: ['基本支出', '预算数', '本年支出'],
      optional: true,
    }),
    amount('exProject', undefined, ['项目支出'], '项目支出', 'project expenditure', {
      ...expense,
      group: ['预算数', '本年支出'],
      optional: true,
    }),
  ],
  fixedRows: [
    row('appropriation', ['财政拨款收入', '财政拨款'], '财政拨款收入', 'appropriations', income),
    row('gpb', ['一般公共预算资金', '一般公共预算', '一般公共预算拨款'], '一般公共预算资金', 'general budget', income),
    row('gfb', ['政府性基金', '政府性基金预算', '政府性基金拨款'], '政府性基金', 'government funds', income),
    row('socb', ['国有资本经营预算', '国有资本经营预算资金'], '国有资本经营预算', 'state capital', income),
    row('business', ['事业收入'], '事业收入', 'business income', income),
    row('operating', ['事业单位经营收入'], '事业单位经营收入', 'operating income', income),
    row('other', ['其他收入'], '其他收入', 'other income', income),
    row('incomeTotal', ['收入总计', '总计', '收入合计'], '收入总计', 'total income', income),
    row('expenseTotal', ['支出总计', '总计', '支出合计'], '支出总计', 'total expenditure', expense),
  ],
  emptyNote: EMPTY_NOTE,
};

const APPROPRIATION_SPLIT = { ...expense, group: ['财政拨款支出', '支出'] };

/** 表4 部门财政拨款收支预算总表: 财政拨款收入 | 财政拨款支出 by source. */
const T04: TableTemplate = {
  id: 'sh.t04',
  table: 'sh.t04',
  family: 'sh',
  no: 4,
  title: '部门财政拨款收支预算总表',
  titles: [
    '财政拨款收支预算总表',
    '部门财政拨款收支预算总表',
    '单位财政拨款收支预算总表',
    '预算单位财政拨款收支预算总表',
  ],
  nameEn: 'Appropriations income and expenditure budget summary (Shanghai)',
  layout: 'two-panel',
  numberRow: false,
  columns: [
    panelLabel('inLabel', ['财政拨款收入', '收入']),
    amount('inAmount', undefined, ['预算数', '金额'], '收入预算数', 'income budget', {
      ...income,
      group: ['财政拨款收入', '收入'],
    }),
    panelLabel('exLabel', ['财政拨款支出', '支出']),
    amount('exTotal', undefined, ['合计', '小计'], '支出合计', 'expenditure total', APPROPRIATION_SPLIT),
    amount(
      'exGpb',
      undefined,
      ['一般公共预算', '一般公共预算资金'],
      '一般公共预算',
      'general budget',
      APPROPRIATION_SPLIT,
    ),
    amount(
      'exGfb',
      undefined,
      ['政府性基金预算', '政府性基金'],
      '政府性基金预算',
      'government funds',
      APPROPRIATION_SPLIT,
    ),
    amount('exSocb', undefined, ['国有资本经营预算'], '国有资本经营预算', 'state capital', APPROPRIATION_SPLIT),
  ],
  fixedRows: [
    row('gpb', ['一般公共预算资金', '一般公共预算', '一般公共预算拨款'], '一般公共预算资金', 'general budget', income),
    row('gfb', ['政府性基金', '政府性基金预算', '政府性基金拨款'], '政府性基金', 'government funds', income),
    row('socb', ['国有资本经营预算', '国有资本经营预算资金'], '国有资本经营预算', 'state capital', income),
    row('incomeTotal', ['收入总计', '总计', '收入合计'], '收入总计', 'total income', income),
    row('expenseTotal', ['支出总计', '总计', '支出合计'], '支出总计', 'total expenditure', expense),
  ],
  emptyNote: EMPTY_NOTE,
};

const THREE = ['三公经费预算数', '三公经费'];
const VEHICLES = ['公务用车购置及运行费'];

/** 表9 部门"三公"经费和机关运行经费预算表: one row, 万元. */
const T09: TableTemplate = {
  id: 'sh.t09',
  table: 'sh.t09',
  family: 'sh',
  no: 9,
  title: '部门“三公”经费和机关运行经费预算表',
  titles: ['三公经费和机关运行经费预算表', '三公经费及机关运行经费预算表'],
  nameEn: '"Three public" expenses and running costs budget (Shanghai)',
  layout: 'fixed',
  numberRow: false,
  columns: [
    { key: 'label', role: 'label', labels: ['项目', ''], name: { zh: '项目', en: 'item' }, optional: true },
    amount('total', undefined, ['合计'], '合计', 'total', { group: THREE }),
    amount('abroad', undefined, ['因公出国(境)费', '因公出国(境)费用'], '因公出国（境）费', 'travel abroad', {
      group: THREE,
    }),
    amount('reception', undefined, ['公务接待费'], '公务接待费', 'official reception', { group: THREE }),
    amount('vehicles', undefined, ['小计'], '公务用车购置及运行费', 'vehicles', { group: VEHICLES }),
    amount('purchase', undefined, ['购置费', '公务用车购置费'], '公务用车购置费', 'vehicle purchase', {
      group: VEHICLES,
    }),
    amount('running', undefined, ['运行费', '公务用车运行费'], '公务用车运行费', 'vehicle running', {
      group: VEHICLES,
    }),
    amount('operation', undefined, ['机关运行经费预算数', '机关运行经费'], '机关运行经费预算数', 'running costs', {
      optional: true,
    }),
  ],
  emptyNote: EMPTY_NOTE,
};

const FUNCTION_SPLIT = [
  amount('total', 1, ['合计', '总计'], '合计', 'total'),
  amount('basic', 2, ['基本支出'], '基本支出', 'basic expenditure'),
  amount('project', 3, ['项目支出'], '项目支出', 'project expenditure'),
];

function functionTable(no: number, title: string, titles: string[], nameEn: string): TableTemplate {
  return {
    id: `sh.t0${no}`,
    table: `sh.t0${no}`,
    family: 'sh',
    no,
    title,
    titles,
    nameEn,
    layout: 'coded',
    codeKind: 'function',
    numberRow: false,
    columns: [...functionCodeColumns(), ...FUNCTION_SPLIT],
    emptyNote: EMPTY_NOTE,
  };
}

export const SH_TEMPLATES: readonly TableTemplate[] = [
  T01,
  {
    id: 'sh.t02',
    table: 'sh.t02',
    family: 'sh',
    no: 2,
    title: '部门收入预算总表',
    titles: ['部门收入预算总表', '单位收入预算总表', '预算单位收入预算总表', '收入预算总表'],
    nameEn: 'Income budget summary (Shanghai)',
    layout: 'coded',
    codeKind: 'function',
    numberRow: false,
    columns: [
      ...functionCodeColumns(),
      amount('total', 1, ['合计', '总计'], '合计', 'total'),
      amount('appropriation', 2, ['财政拨款收入', '财政拨款'], '财政拨款收入', 'appropriations'),
      amount('business', 3, ['事业收入'], '事业收入', 'business income'),
      amount('operating', 4, ['事业单位经营收入'], '事业单位经营收入', 'operating income'),
      amount('other', 5, ['其他收入'], '其他收入', 'other income'),
    ],
    emptyNote: EMPTY_NOTE,
  },
  functionTable(
    3,
    '部门支出预算总表',
    ['部门支出预算总表', '单位支出预算总表', '预算单位支出预算总表', '支出预算总表'],
    'Expenditure budget summary (Shanghai)',
  ),
  T04,
  functionTable(
    5,
    '部门一般公共预算支出功能分类预算表',
    ['一般公共预算支出功能分类预算表'],
    'General budget expenditure by function (Shanghai)',
  ),
  functionTable(
    6,
    '部门政府性基金预算支出功能分类预算表',
    ['政府性基金预算支出功能分类预算表'],
    'Government fund expenditure by function (Shanghai)',
  ),
  functionTable(
    7,
    '部门国有资本经营预算支出功能分类预算表',
    ['国有资本经营预算支出功能分类预算表'],
    'State capital expenditure by function (Shanghai)',
  ),
  {
    id: 'sh.t08',
    table: 'sh.t08',
    family: 'sh',
    no: 8,
    title: '部门一般公共预算基本支出部门预算经济分类预算表',
    titles: ['一般公共预算基本支出部门预算经济分类预算表', '一般公共预算基本支出经济分类预算表'],
    nameEn: 'General budget basic expenditure by economic class (Shanghai)',
    layout: 'coded',
    codeKind: 'economic',
    numberRow: false,
    columns: [
      ...economicCodeColumns().map((c) =>
        c.role === 'name'
          ? { ...c, labels: [...c.labels, '部门经济分类科目名称'] }
          : c.role === 'code'
            ? { ...c, labels: [...c.labels, '部门预算经济分类科目编码'] }
            : c,
      ),
      amount('total', 1, ['合计', '总计'], '合计', 'total'),
      amount('personnel', 2, ['人员经费'], '人员经费', 'personnel'),
      amount('public', 3, ['公用经费'], '公用经费', 'public expenses'),
    ],
    emptyNote: EMPTY_NOTE,
  },
  T09,
];
