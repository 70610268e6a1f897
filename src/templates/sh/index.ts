/**
 * The Shanghai district 部门预算 form (family `sh`, issue 12): the coded tables, amounts in 元.
 * The 单位预算 variant prints the same tables with 单位/预算单位 in place of 部门; the titles below
 * are matched without that prefix so both are one logical table. Not yet declared: 表1 财务收支预算总表,
 * 表4 财政拨款收支预算总表 (two-panel) and 表9 "三公"经费和机关运行经费预算表 (万元).
 */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE, economicCodeColumns, functionCodeColumns } from '../dept/common';

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
];
