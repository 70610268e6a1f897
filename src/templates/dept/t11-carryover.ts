/** 表11 上年结转结余情况明细表: rows are units and projects. */
import { TableTemplate } from '../types';
import { amount, EMPTY_NOTE } from './common';

const FISCAL = ['财政拨款'];
const NON_FISCAL = ['非财政拨款'];

const template: TableTemplate = {
  id: 'dept.t11',
  table: 'dept.t11',
  family: 'dept',
  no: 11,
  title: '上年结转结余情况明细表',
  titles: ['上年结转结余情况明细表', '上年结转结余情况表', '上年结转结余明细表'],
  nameEn: 'Carry-over details',
  layout: 'projects',
  numberRow: true,
  columns: [
    { key: 'label', role: 'label', labels: ['项目', '项目名称', '单位名称'], name: { zh: '项目', en: 'item' } },
    amount('total', 1, ['合计', '总计'], '合计', 'total'),
    amount('fiscal', 2, ['小计', '合计'], '财政拨款小计', 'appropriations subtotal', { group: FISCAL }),
    amount('fiscalPersonnel', 3, ['人员经费'], '财政拨款人员经费', 'appropriations, personnel', { group: FISCAL }),
    amount('fiscalPublic', 4, ['公用经费'], '财政拨款公用经费', 'appropriations, public expenses', { group: FISCAL }),
    amount('fiscalProject', 5, ['项目支出'], '财政拨款项目支出', 'appropriations, projects', { group: FISCAL }),
    amount('nonFiscal', 6, ['小计', '合计'], '非财政拨款小计', 'non-appropriation subtotal', { group: NON_FISCAL }),
    amount('nonFiscalPersonnel', 7, ['人员经费'], '非财政拨款人员经费', 'non-appropriation, personnel', {
      group: NON_FISCAL,
    }),
    amount('nonFiscalPublic', 8, ['公用经费'], '非财政拨款公用经费', 'non-appropriation, public expenses', {
      group: NON_FISCAL,
    }),
    amount('nonFiscalProject', 9, ['项目支出'], '非财政拨款项目支出', 'non-appropriation, projects', {
      group: NON_FISCAL,
    }),
  ],
  emptyNote: EMPTY_NOTE,
};

export default template;
