/** 表1 部门收支总体情况表: two panels, 收入 items left, 支出 by function class right. */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE, row } from './common';

const template: TableTemplate = {
  id: 'dept.t01',
  table: 'dept.t01',
  family: 'dept',
  no: 1,
  title: '部门收支总体情况表',
  titles: ['部门收支总体情况表', '部门收支总表', '收支总体情况表'],
  nameEn: 'Income and expenditure summary',
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
    amount('inAmount', undefined, ['预算数', '金额', '预算金额'], '收入预算数', 'income budget', {
      panel: 'income',
      group: ['收入'],
    }),
    {
      key: 'exLabel',
      role: 'label',
      panel: 'expense',
      labels: ['功能分类', '支出功能分类', '项目', '功能分类科目'],
      group: ['支出'],
      name: { zh: '支出功能分类', en: 'expenditure class' },
    },
    amount('exAmount', undefined, ['预算数', '金额', '预算金额'], '支出预算数', 'expenditure budget', {
      panel: 'expense',
      group: ['支出'],
    }),
  ],
  fixedRows: [
    row('thisYear', ['本年收入'], '一、本年收入', 'current-year income', { panel: 'income' }),
    row('gpb', ['一般公共预算拨款', '一般公共预算拨款收入'], '一般公共预算拨款', 'general budget appropriation', {
      panel: 'income',
    }),
    row('gpbOwn', ['一般财力'], '一般财力', 'own general revenue', { panel: 'income' }),
    row(
      'gpbTransfer',
      ['上级一般公共预算安排转移支付', '上级一般公共预算安排的转移支付'],
      '上级一般公共预算安排转移支付',
      'general transfers from above',
      { panel: 'income' },
    ),
    row(
      'gfb',
      ['政府性基金预算拨款', '政府性基金预算拨款收入'],
      '政府性基金预算拨款',
      'government fund appropriation',
      { panel: 'income' },
    ),
    row('gfbOwn', ['政府性基金收入'], '政府性基金收入', 'own fund revenue', { panel: 'income' }),
    row(
      'gfbTransfer',
      ['上级政府性基金安排转移支付', '上级政府性基金安排的转移支付'],
      '上级政府性基金安排转移支付',
      'fund transfers from above',
      { panel: 'income' },
    ),
    row(
      'socb',
      ['国有资本经营预算拨款', '国有资本经营预算拨款收入'],
      '国有资本经营预算拨款',
      'state capital appropriation',
      { panel: 'income' },
    ),
    row('socbOwn', ['国有资本经营收入'], '国有资本经营收入', 'own state capital revenue', { panel: 'income' }),
    row(
      'socbTransfer',
      ['上级国有资本经营预算安排转移支付', '上级国有资本经营预算安排的转移支付'],
      '上级国有资本经营预算安排转移支付',
      'state capital transfers from above',
      { panel: 'income' },
    ),
    row('special', ['财政专户核拨', '财政专户管理资金'], '财政专户核拨', 'special fiscal account', { panel: 'income' }),
    row('unit', ['单位资金'], '单位资金', 'unit funds', { panel: 'income' }),
    row('unitBusiness', ['事业收入'], '事业收入', 'service revenue', { panel: 'income' }),
    row('unitSuperior', ['上级补助收入'], '上级补助收入', 'subsidies from above', { panel: 'income' }),
    row('unitAffiliated', ['附属单位上缴收入'], '附属单位上缴收入', 'remittances of affiliates', { panel: 'income' }),
    row('unitOperating', ['事业单位经营收入'], '事业单位经营收入', 'operating revenue', { panel: 'income' }),
    row('unitOther', ['其他收入'], '其他收入', 'other revenue', { panel: 'income' }),
    row('carryover', ['上年结转结余', '上年结转'], '二、上年结转结余', 'carry-over from last year', {
      panel: 'income',
    }),
    row('fiscalCarry', ['财政拨款结转', '财政拨款结转结余'], '财政拨款结转', 'appropriation carry-over', {
      panel: 'income',
    }),
    row('fiscalCarryGpb', ['一般公共预算拨款'], '其中：一般公共预算拨款', 'of which general budget', {
      panel: 'income',
    }),
    row('fiscalCarryGfb', ['政府性基金预算拨款'], '其中：政府性基金预算拨款', 'of which government funds', {
      panel: 'income',
    }),
    row('fiscalCarrySocb', ['国有资本经营预算拨款'], '其中：国有资本经营预算拨款', 'of which state capital', {
      panel: 'income',
    }),
    row(
      'nonFiscalCarry',
      ['非财政拨款结转结余', '非财政拨款结转'],
      '非财政拨款结转结余',
      'non-appropriation carry-over',
      { panel: 'income' },
    ),
    row(
      'nonFiscalCarrySpecial',
      ['财政专户核拨', '财政专户管理资金'],
      '其中：财政专户核拨',
      'of which special account',
      { panel: 'income' },
    ),
    row('nonFiscalCarryUnit', ['单位资金'], '其中：单位资金', 'of which unit funds', { panel: 'income' }),
    row('incomeTotal', ['收入总计', '收入合计'], '收入总计', 'total income', { panel: 'income' }),
    row('expenseTotal', ['支出总计', '支出合计'], '支出总计', 'total expenditure', { panel: 'expense' }),
  ],
  emptyNote: EMPTY_NOTE,
};

export default template;
