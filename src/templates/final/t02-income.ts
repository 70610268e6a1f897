/** 表2 收入决算表: income by function code and source. */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE, functionCodeColumns } from '../dept/common';

const template: TableTemplate = {
  id: 'final.t02',
  table: 'final.t02',
  family: 'final',
  no: 2,
  title: '收入决算表',
  titles: ['收入决算表', '部门收入决算表', '单位收入决算表'],
  nameEn: 'Income (final accounts)',
  layout: 'coded',
  codeKind: 'function',
  numberRow: false,
  columns: [
    ...functionCodeColumns(),
    amount('total', 1, ['本年收入合计', '合计'], '本年收入合计', 'total income'),
    amount('fiscal', 2, ['财政拨款收入'], '财政拨款收入', 'appropriations'),
    amount('superior', 3, ['上级补助收入'], '上级补助收入', 'subsidies from above'),
    amount('business', 4, ['事业收入'], '事业收入', 'service revenue'),
    amount('operating', 5, ['经营收入'], '经营收入', 'operating revenue'),
    amount('affiliated', 6, ['附属单位上缴收入'], '附属单位上缴收入', 'remittances of affiliates'),
    amount('other', 7, ['其他收入'], '其他收入', 'other revenue'),
  ],
  emptyNote: EMPTY_NOTE,
};

export default template;
