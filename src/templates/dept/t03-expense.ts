/** 表3 部门支出总体情况表: 合计 = 基本支出 + 项目支出 by function code. */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE, functionCodeColumns } from './common';

const template: TableTemplate = {
  id: 'dept.t03',
  table: 'dept.t03',
  family: 'dept',
  no: 3,
  title: '部门支出总体情况表',
  titles: ['部门支出总体情况表', '部门支出总表', '支出总体情况表'],
  nameEn: 'Expenditure summary',
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
