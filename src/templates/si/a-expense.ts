/** Style (a) 社会保险基金预算支出表 (seed 000): 科目编码 | 项目 | 上年完成数 | 本年预算数 | %, once 全市 and once 本级. */
import { TableTemplate } from '../types';
import { amountColumn, codeColumn, HEADER, itemColumn, MAIN_ROWS } from './common';

const template: TableTemplate = {
  id: 'si.a.expense',
  table: 'si.expense',
  family: 'si',
  no: 2,
  title: '社会保险基金预算支出表',
  titles: ['社会保险基金预算支出表', '社会保险基金支出预算表'],
  nameEn: 'Social insurance fund expenditure budget',
  layout: 'itemized',
  numberRow: false,
  columns: [
    codeColumn(),
    itemColumn(),
    amountColumn('prev', ['上年完成数'], [HEADER.completed, HEADER.estimated], '上年完成数', 'last year'),
    amountColumn('cur', ['本年预算数', '预算数'], [HEADER.budget], '本年预算数', 'budget'),
    amountColumn(
      'pct',
      ['预算数为上年完成数的%'],
      [HEADER.planPercent],
      '预算数为上年完成数的%',
      'budget / last year %',
      {
        optional: true,
      },
    ),
  ],
  mainRows: MAIN_ROWS,
};

export default template;
