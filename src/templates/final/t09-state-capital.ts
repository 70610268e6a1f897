/** 表9 国有资本经营预算财政拨款收入支出决算表: 年初结转和结余 + 本年收入 − 本年支出 = 年末结转和结余 by function code. */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE, functionCodeColumns } from '../dept/common';

const SPENT = ['本年支出'];

const template: TableTemplate = {
  id: 'final.t09',
  table: 'final.t09',
  family: 'final',
  no: 9,
  title: '国有资本经营预算财政拨款收入支出决算表',
  titles: ['国有资本经营预算财政拨款收入支出决算表', '国有资本经营预算财政拨款支出决算表'],
  nameEn: 'State capital appropriations (final)',
  layout: 'coded',
  codeKind: 'function',
  numberRow: false,
  columns: [
    ...functionCodeColumns(),
    amount('opening', 1, ['年初结转和结余'], '年初结转和结余', 'opening balance', { optional: true }),
    amount('income', 2, ['本年收入'], '本年收入', 'income of the year', { optional: true }),
    amount('spent', 3, ['小计', '合计'], '本年支出小计', 'expenditure of the year', { group: SPENT }),
    amount('basic', 4, ['基本支出'], '基本支出', 'basic expenditure', { group: SPENT }),
    amount('project', 5, ['项目支出'], '项目支出', 'project expenditure', { group: SPENT }),
    amount('closing', 6, ['年末结转和结余'], '年末结转和结余', 'closing balance', { optional: true }),
  ],
  emptyNote: EMPTY_NOTE,
};

export default template;
