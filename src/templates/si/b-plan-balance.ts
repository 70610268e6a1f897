/** Style (b) 社会保险基金预算结余安排表: 项目 | 上年预计执行数 | 本年预算数 | 预算数为上年预计执行数的%, usually without codes;
 * the headers may name the balance too (`2023年年末累计结余预计数 | 2024年年末累计结余预算数`). */
import { TableTemplate } from '../types';
import { amountColumn, codeColumn, HEADER, itemColumn, MAIN_ROWS } from './common';

const template: TableTemplate = {
  id: 'si.b.plan.balance',
  table: 'si.balance',
  family: 'si',
  no: 7,
  title: '社会保险基金预算结余安排表',
  titles: ['社会保险基金预算结余安排表', '社会保险基金结余安排表'],
  nameEn: 'Social insurance fund balance plan',
  layout: 'itemized',
  numberRow: false,
  columns: [
    codeColumn(),
    itemColumn(),
    amountColumn(
      'prev',
      ['上年预计执行数'],
      [HEADER.estimated, HEADER.closingEstimated],
      '上年预计执行数',
      'last year (estimate)',
    ),
    amountColumn('cur', ['本年预算数', '预算数'], [HEADER.budget, HEADER.closingBudget], '本年预算数', 'budget'),
    amountColumn(
      'pct',
      ['预算数为上年预计执行数的%'],
      [HEADER.planPercent],
      '预算数为上年预计执行数的%',
      'budget / last year %',
      { optional: true },
    ),
  ],
  mainRows: MAIN_ROWS,
};

export default template;
