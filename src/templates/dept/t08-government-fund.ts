/** 表8 政府性基金预算支出情况表: 合计 = 人员经费 + 公用经费 + 项目支出 by function code. */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE, functionCodeColumns } from './common';

const BASIC = ['基本支出'];

const template: TableTemplate = {
  id: 'dept.t08',
  table: 'dept.t08',
  family: 'dept',
  no: 8,
  title: '政府性基金预算支出情况表',
  titles: ['政府性基金预算支出情况表', '政府性基金预算支出表'],
  nameEn: 'Government fund expenditure',
  layout: 'coded',
  codeKind: 'function',
  numberRow: true,
  columns: [
    ...functionCodeColumns(),
    amount('total', 1, ['合计', '总计'], '合计', 'total'),
    amount('personnel', 2, ['人员经费'], '人员经费', 'personnel', { group: BASIC }),
    amount('public', 3, ['公用经费'], '公用经费', 'public expenses', { group: BASIC }),
    amount('project', 4, ['项目支出'], '项目支出', 'project expenditure'),
  ],
  emptyNote: EMPTY_NOTE,
};

export default template;
