/** 表5 一般公共预算支出情况表: 合计 = 基本支出 + 项目支出 by function code. */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE, functionCodeColumns } from './common';

const template: TableTemplate = {
  id: 'dept.t05',
  table: 'dept.t05',
  family: 'dept',
  no: 5,
  title: '一般公共预算支出情况表',
  titles: ['一般公共预算支出情况表', '一般公共预算支出表', '一般公共预算支出预算表'],
  nameEn: 'General public budget expenditure',
  layout: 'coded',
  codeKind: 'function',
  numberRow: true,
  columns: [
    ...functionCodeColumns(),
    amount('total', 1, ['合计', '总计'], '合计', 'total'),
    amount('basic', 2, ['基本支出'], '基本支出', 'basic expenditure'),
    amount('project', 3, ['项目支出'], '项目支出', 'project expenditure'),
  ],
  emptyNote: EMPTY_NOTE,
};

export default template;
