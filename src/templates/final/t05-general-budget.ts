/** 表5 一般公共预算财政拨款支出决算表: 合计 = 基本支出 + 项目支出 by function code. */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE, functionCodeColumns } from '../dept/common';

const template: TableTemplate = {
  id: 'final.t05',
  table: 'final.t05',
  family: 'final',
  no: 5,
  title: '一般公共预算财政拨款支出决算表',
  titles: ['一般公共预算财政拨款支出决算表', '一般公共预算财政拨款支出决算明细表'],
  nameEn: 'General budget appropriation expenditure (final)',
  layout: 'coded',
  codeKind: 'function',
  numberRow: false,
  columns: [
    ...functionCodeColumns(),
    amount('total', 1, ['合计', '小计'], '合计', 'total'),
    amount('basic', 2, ['基本支出'], '基本支出', 'basic expenditure'),
    amount('project', 3, ['项目支出'], '项目支出', 'project expenditure'),
  ],
  emptyNote: EMPTY_NOTE,
};

export default template;
