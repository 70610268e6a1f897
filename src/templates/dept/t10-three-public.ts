/** 表10 财政拨款"三公"经费支出情况表: fixed rows by kind, columns by source of funds. */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE, row } from './common';

const SOURCE = ['资金来源', '预算来源'];

const template: TableTemplate = {
  id: 'dept.t10',
  table: 'dept.t10',
  family: 'dept',
  no: 10,
  title: '财政拨款"三公"经费支出情况表',
  titles: ['财政拨款三公经费支出情况表', '财政拨款三公经费支出表', '三公经费支出情况表'],
  nameEn: '"Three public" expenses',
  layout: 'fixed',
  numberRow: true,
  columns: [
    {
      key: 'label',
      role: 'label',
      labels: ['三公经费支出内容', '项目', '支出内容'],
      name: { zh: '支出内容', en: 'item' },
    },
    amount('total', 1, ['合计', '总计'], '合计', 'total'),
    amount('gpb', 2, ['一般公共预算', '一般公共预算拨款'], '一般公共预算', 'general budget', { group: SOURCE }),
    amount('gfb', 3, ['政府性基金', '政府性基金预算'], '政府性基金', 'government funds', { group: SOURCE }),
    amount('socb', 4, ['国有资本经营预算', '国有资本经营'], '国有资本经营预算', 'state capital', { group: SOURCE }),
  ],
  fixedRows: [
    row('total', ['合计', '总计'], '合计', 'total'),
    row('abroad', ['因公出国(境)费', '因公出国(境)费用', '因公出国境费'], '因公出国（境）费', 'official travel abroad'),
    row('reception', ['公务接待费'], '公务接待费', 'official reception'),
    row(
      'vehicles',
      ['公务用车购置及运行费(小计)', '公务用车购置及运行费', '公务用车购置及运行维护费'],
      '公务用车购置及运行费（小计）',
      'official vehicles (subtotal)',
    ),
    row('vehiclePurchase', ['公务用车购置费'], '公务用车购置费', 'vehicle purchase'),
    row('vehicleRunning', ['公务用车运行费', '公务用车运行维护费'], '公务用车运行费', 'vehicle running'),
  ],
  emptyNote: EMPTY_NOTE,
};

export default template;
