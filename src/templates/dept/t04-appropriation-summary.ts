/**
 * 表4 财政拨款收支预算总体情况表: two panels. The Xinjiang form has no 上年结转 rows in the income
 * panel; the MoF reference form has 一、本年收入 / 二、上年结转 (optional rows here).
 */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE, row } from './common';

const template: TableTemplate = {
  id: 'dept.t04',
  table: 'dept.t04',
  family: 'dept',
  no: 4,
  title: '财政拨款收支预算总体情况表',
  titles: ['财政拨款收支预算总体情况表', '财政拨款收支总体情况表', '财政拨款收支总表'],
  nameEn: 'Appropriations summary',
  layout: 'two-panel',
  numberRow: false,
  columns: [
    {
      key: 'inLabel',
      role: 'label',
      panel: 'income',
      labels: ['项目'],
      group: ['财政拨款收入', '收入'],
      name: { zh: '收入项目', en: 'income item' },
    },
    amount('inTotal', undefined, ['合计', '预算数', '金额'], '收入合计', 'income total', {
      panel: 'income',
      group: ['财政拨款收入', '收入'],
    }),
    {
      key: 'exLabel',
      role: 'label',
      panel: 'expense',
      labels: ['功能分类', '支出功能分类', '项目', '功能分类科目'],
      group: ['财政拨款支出', '支出'],
      name: { zh: '支出功能分类', en: 'expenditure class' },
    },
    amount('exTotal', undefined, ['合计', '小计'], '支出合计', 'expenditure total', { panel: 'expense' }),
    amount('exGpb', undefined, ['一般公共预算', '一般公共预算拨款'], '一般公共预算', 'general budget', {
      panel: 'expense',
    }),
    amount('exGfb', undefined, ['政府性基金预算', '政府性基金预算拨款'], '政府性基金预算', 'government funds', {
      panel: 'expense',
    }),
    amount('exSocb', undefined, ['国有资本经营预算', '国有资本经营预算拨款'], '国有资本经营预算', 'state capital', {
      panel: 'expense',
    }),
  ],
  fixedRows: [
    row('thisYear', ['本年收入'], '一、本年收入', 'current-year income', { panel: 'income', optional: true }),
    row('fiscal', ['财政拨款(补助)', '财政拨款'], '财政拨款（补助）', 'appropriations', { panel: 'income' }),
    row('gpb', ['一般公共预算', '一般公共预算拨款'], '一般公共预算', 'general budget', { panel: 'income' }),
    row('gfb', ['政府性基金预算', '政府性基金预算拨款'], '政府性基金预算', 'government funds', { panel: 'income' }),
    row('socb', ['国有资本经营预算', '国有资本经营预算拨款'], '国有资本经营预算', 'state capital', { panel: 'income' }),
    row('carry', ['上年结转', '上年结转结余', '财政拨款结转'], '二、上年结转', 'carry-over', {
      panel: 'income',
      optional: true,
    }),
    row('carryGpb', ['一般公共预算', '一般公共预算拨款'], '其中：一般公共预算', 'carry-over general budget', {
      panel: 'income',
      optional: true,
    }),
    row('carryGfb', ['政府性基金预算', '政府性基金预算拨款'], '其中：政府性基金预算', 'carry-over government funds', {
      panel: 'income',
      optional: true,
    }),
    row(
      'carrySocb',
      ['国有资本经营预算', '国有资本经营预算拨款'],
      '其中：国有资本经营预算',
      'carry-over state capital',
      { panel: 'income', optional: true },
    ),
    row('incomeTotal', ['收入总计', '收入合计'], '收入总计', 'total income', { panel: 'income' }),
    row('expenseTotal', ['支出总计', '支出合计'], '支出总计', 'total expenditure', { panel: 'expense' }),
  ],
  emptyNote: EMPTY_NOTE,
};

export default template;
