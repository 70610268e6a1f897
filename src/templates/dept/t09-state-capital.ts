/** 表9 国有资本经营预算支出情况表: 合计 = 人员经费 + 公用经费 + 项目支出 by function code. */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE, functionCodeColumns } from './common';

const BASIC = ['基本支出'];

const template: TableTemplate = {
  id: 'dept.t09',
  table: 'dept.t09',
  family: 'dept',
  no: 9,
  title: '国有资本经营预算支出情况表',
  titles: ['国有资本经营预算支出情况表', '国有资本经营预算支出表'],
  nameEn: 'State capital operation expenditure',
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
