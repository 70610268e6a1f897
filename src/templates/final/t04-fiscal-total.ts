/** 表4 财政拨款收入支出决算总表: two panels; the 支出 panel split by source of appropriation. */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE, row } from '../dept/common';

const ACTUAL = ['决算数', '金额', '本年决算数'];
const income = { panel: 'income' as const };
const expense = { panel: 'expense' as const };
const ex = { panel: 'expense' as const, group: ['支出', '财政拨款支出'] };

const template: TableTemplate = {
  id: 'final.t04',
  table: 'final.t04',
  family: 'final',
  no: 4,
  title: '财政拨款收入支出决算总表',
  titles: ['财政拨款收入支出决算总表', '部门财政拨款收入支出决算总表', '单位财政拨款收入支出决算总表'],
  nameEn: 'Appropriations income and expenditure (final accounts)',
  layout: 'two-panel',
  numberRow: false,
  columns: [
    {
      key: 'inLabel',
      role: 'label',
      panel: 'income',
      labels: ['项目'],
      group: ['收入', '财政拨款收入'],
      name: { zh: '收入项目', en: 'income item' },
    },
    amount('inAmount', undefined, ACTUAL, '收入决算数', 'income', { panel: 'income', group: ['收入', '财政拨款收入'] }),
    {
      key: 'exLabel',
      role: 'label',
      panel: 'expense',
      labels: ['项目', '功能分类'],
      group: ['支出', '财政拨款支出'],
      name: { zh: '支出项目', en: 'expenditure item' },
    },
    amount('exTotal', undefined, ['合计', '小计'], '支出合计', 'expenditure total', ex),
    amount('exGpb', undefined, ['一般公共预算财政拨款'], '一般公共预算财政拨款', 'general budget', ex),
    amount('exGfb', undefined, ['政府性基金预算财政拨款'], '政府性基金预算财政拨款', 'government funds', ex),
    amount('exSocb', undefined, ['国有资本经营预算财政拨款'], '国有资本经营预算财政拨款', 'state capital', ex),
  ],
  fixedRows: [
    row(
      'gpb',
      ['一般公共预算财政拨款', '一般公共预算财政拨款收入'],
      '一般公共预算财政拨款',
      'general budget appropriations',
      income,
    ),
    row(
      'gfb',
      ['政府性基金预算财政拨款', '政府性基金预算财政拨款收入'],
      '政府性基金预算财政拨款',
      'government fund appropriations',
      income,
    ),
    row(
      'socb',
      ['国有资本经营预算财政拨款', '国有资本经营预算财政拨款收入'],
      '国有资本经营预算财政拨款',
      'state capital appropriations',
      income,
    ),
    row('incomeYear', ['本年收入合计'], '本年收入合计', 'income of the year', income),
    row('opening', ['年初财政拨款结转和结余', '年初结转和结余'], '年初财政拨款结转和结余', 'opening balance', income),
    row('openingGpb', ['一般公共预算财政拨款'], '其中：一般公共预算财政拨款', 'opening: general budget', income),
    row('openingGfb', ['政府性基金预算财政拨款'], '其中：政府性基金预算财政拨款', 'opening: government funds', income),
    row(
      'openingSocb',
      ['国有资本经营预算财政拨款'],
      '其中：国有资本经营预算财政拨款',
      'opening: state capital',
      income,
    ),
    row('incomeTotal', ['总计', '收入总计'], '收入总计', 'total income', income),
    row('expenseYear', ['本年支出合计'], '本年支出合计', 'expenditure of the year', expense),
    row('closing', ['年末财政拨款结转和结余', '年末结转和结余'], '年末财政拨款结转和结余', 'closing balance', expense),
    row('expenseTotal', ['总计', '支出总计'], '支出总计', 'total expenditure', expense),
  ],
  emptyNote: EMPTY_NOTE,
};

export default template;
