/** 表2 部门收入总体情况表: income by function code and source. */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE, functionCodeColumns } from './common';

const FISCAL = ['财政拨款(补助)', '财政拨款'];

const template: TableTemplate = {
  id: 'dept.t02',
  table: 'dept.t02',
  family: 'dept',
  no: 2,
  title: '部门收入总体情况表',
  titles: ['部门收入总体情况表', '部门收入总表', '收入总体情况表'],
  nameEn: 'Income summary',
  layout: 'coded',
  codeKind: 'function',
  numberRow: true,
  columns: [
    ...functionCodeColumns(),
    amount('total', 1, ['总计', '合计'], '总计', 'total'),
    amount(
      'fiscal',
      2,
      ['财政拨款(补助)小计', '小计', '财政拨款小计'],
      '财政拨款（补助）小计',
      'appropriations subtotal',
      { group: FISCAL },
    ),
    amount('gpb', 3, ['一般公共预算', '一般公共预算拨款'], '一般公共预算', 'general budget', { group: FISCAL }),
    amount(
      'gpbTransfer',
      4,
      ['上级一般公共预算安排的转移支付', '上级一般公共预算安排转移支付'],
      '上级一般公共预算安排的转移支付',
      'general transfers',
      { group: FISCAL },
    ),
    amount('gfb', 5, ['政府性基金预算', '政府性基金预算拨款'], '政府性基金预算', 'government funds', { group: FISCAL }),
    amount(
      'gfbTransfer',
      6,
      ['上级政府性基金安排的转移支付', '上级政府性基金安排转移支付'],
      '上级政府性基金安排的转移支付',
      'fund transfers',
      { group: FISCAL },
    ),
    amount('socb', 7, ['国有资本经营预算', '国有资本经营预算拨款'], '国有资本经营预算', 'state capital', {
      group: FISCAL,
    }),
    amount(
      'socbTransfer',
      8,
      ['上级国有资本经营预算安排的转移支付', '上级国有资本经营预算安排转移支付'],
      '上级国有资本经营预算安排的转移支付',
      'state capital transfers',
      { group: FISCAL },
    ),
    amount(
      'special',
      9,
      ['财政专户(教育收费)', '财政专户核拨', '财政专户管理资金', '财政专户'],
      '财政专户（教育收费）',
      'special account',
    ),
    amount('unit', 10, ['单位资金'], '单位资金', 'unit funds'),
    amount('fiscalCarry', 11, ['财政拨款结转', '财政拨款结转结余'], '财政拨款结转', 'appropriation carry-over'),
    amount(
      'nonFiscalCarry',
      12,
      ['非财政拨款结转结余', '非财政拨款结转'],
      '非财政拨款结转结余',
      'non-appropriation carry-over',
    ),
  ],
  emptyNote: EMPTY_NOTE,
};

export default template;
