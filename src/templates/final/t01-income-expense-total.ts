/** 表1 收入支出决算总表: two panels, 收入 items left, 支出 by function class right. */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE, row } from '../dept/common';

const ACTUAL = ['决算数', '金额', '本年决算数'];
const income = { panel: 'income' as const };
const expense = { panel: 'expense' as const };

const template: TableTemplate = {
  id: 'final.t01',
  table: 'final.t01',
  family: 'final',
  no: 1,
  title: '收入支出决算总表',
  titles: ['收入支出决算总表', '部门收入支出决算总表', '单位收入支出决算总表', '收支决算总表'],
  nameEn: 'Income and expenditure (final accounts)',
  layout: 'two-panel',
  numberRow: false,
  columns: [
    {
      key: 'inLabel',
      role: 'label',
      panel: 'income',
      labels: ['项目'],
      group: ['收入'],
      name: { zh: '收入项目', en: 'income item' },
    },
    amount('inAmount', undefined, ACTUAL, '收入决算数', 'income', { panel: 'income', group: ['收入'] }),
    {
      key: 'exLabel',
      role: 'label',
      panel: 'expense',
      labels: ['项目', '功能分类'],
      group: ['支出'],
      name: { zh: '支出项目', en: 'expenditure item' },
    },
    amount('exAmount', undefined, ACTUAL, '支出决算数', 'expenditure', { panel: 'expense', group: ['支出'] }),
  ],
  fixedRows: [
    row(
      'gpb',
      ['一般公共预算财政拨款收入', '一般公共预算财政拨款'],
      '一般公共预算财政拨款收入',
      'general budget appropriations',
      income,
    ),
    row(
      'gfb',
      ['政府性基金预算财政拨款收入', '政府性基金预算财政拨款'],
      '政府性基金预算财政拨款收入',
      'government fund appropriations',
      income,
    ),
    row(
      'socb',
      ['国有资本经营预算财政拨款收入', '国有资本经营预算财政拨款'],
      '国有资本经营预算财政拨款收入',
      'state capital appropriations',
      income,
    ),
    row('superior', ['上级补助收入'], '上级补助收入', 'subsidies from above', income),
    row('business', ['事业收入'], '事业收入', 'service revenue', income),
    row('operating', ['经营收入'], '经营收入', 'operating revenue', income),
    row('affiliated', ['附属单位上缴收入'], '附属单位上缴收入', 'remittances of affiliates', income),
    row('other', ['其他收入'], '其他收入', 'other revenue', income),
    row('incomeYear', ['本年收入合计'], '本年收入合计', 'income of the year', income),
    row(
      'useSurplus',
      ['使用非财政拨款结余(含专用结余)', '使用非财政拨款结余', '使用专用结余'],
      '使用非财政拨款结余',
      'use of non-appropriation surplus',
      { ...income, optional: true },
    ),
    row('opening', ['年初结转和结余'], '年初结转和结余', 'opening balance', income),
    row('incomeTotal', ['总计', '收入总计'], '收入总计', 'total income', income),
    row('expenseYear', ['本年支出合计'], '本年支出合计', 'expenditure of the year', expense),
    row('allocation', ['结余分配'], '结余分配', 'allocation of surplus', { ...expense, optional: true }),
    row('closing', ['年末结转和结余'], '年末结转和结余', 'closing balance', expense),
    row('expenseTotal', ['总计', '支出总计'], '支出总计', 'total expenditure', expense),
  ],
  emptyNote: EMPTY_NOTE,
};

export default template;
