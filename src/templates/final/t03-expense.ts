/** 表3 支出决算表: expenditure by function code and kind. */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE, functionCodeColumns } from '../dept/common';

const template: TableTemplate = {
  id: 'final.t03',
  table: 'final.t03',
  family: 'final',
  no: 3,
  title: '支出决算表',
  titles: ['支出决算表', '部门支出决算表', '单位支出决算表'],
  nameEn: 'Expenditure (final accounts)',
  layout: 'coded',
  codeKind: 'function',
  numberRow: false,
  columns: [
    ...functionCodeColumns(),
    amount('total', 1, ['本年支出合计', '合计'], '本年支出合计', 'total expenditure'),
    amount('basic', 2, ['基本支出'], '基本支出', 'basic expenditure'),
    amount('project', 3, ['项目支出'], '项目支出', 'project expenditure'),
    amount('remitted', 4, ['上缴上级支出'], '上缴上级支出', 'remitted to superior'),
    amount('operating', 5, ['经营支出'], '经营支出', 'operating expenditure'),
    amount('affiliates', 6, ['对附属单位补助支出'], '对附属单位补助支出', 'subsidies to affiliates'),
  ],
  emptyNote: EMPTY_NOTE,
};

export default template;
