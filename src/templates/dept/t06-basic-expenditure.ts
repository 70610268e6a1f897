/** 表6 一般公共预算基本支出情况表: by economic code, 合计 = 人员经费 + 公用经费. */
import { TableTemplate } from '../types';
import { amount, economicCodeColumns, EMPTY_NOTE } from './common';

const template: TableTemplate = {
  id: 'dept.t06',
  table: 'dept.t06',
  family: 'dept',
  no: 6,
  title: '一般公共预算基本支出情况表',
  titles: ['一般公共预算基本支出情况表', '一般公共预算基本支出表'],
  nameEn: 'General budget basic expenditure',
  layout: 'coded',
  codeKind: 'economic',
  numberRow: true,
  columns: [
    ...economicCodeColumns(),
    amount('total', 1, ['合计', '总计'], '合计', 'total'),
    amount('personnel', 2, ['人员经费'], '人员经费', 'personnel'),
    amount('public', 3, ['公用经费'], '公用经费', 'public expenses'),
  ],
  emptyNote: EMPTY_NOTE,
};

export default template;
