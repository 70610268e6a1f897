/**
 * Style (a) 社会保险基金预算结余表 (seed 000): 科目编码 | 项目 | 上年年末累计结余预计数 |
 * 本年年末累计结余预算数 | %.
 */
import { TableTemplate } from '../types';
import { amountColumn, codeColumn, HEADER, itemColumn, MAIN_ROWS } from './common';

const template: TableTemplate = {
  id: 'si.a.balance',
  table: 'si.balance',
  family: 'si',
  no: 3,
  title: '社会保险基金预算结余表',
  titles: ['社会保险基金预算结余表', '社会保险基金结余预算表'],
  nameEn: 'Social insurance fund balance budget',
  layout: 'itemized',
  numberRow: false,
  columns: [
    codeColumn(),
    itemColumn(),
    amountColumn(
      'prev',
      ['上年年末累计结余预计数'],
      [HEADER.closingEstimated],
      '上年年末累计结余预计数',
      'last year-end balance',
    ),
    amountColumn(
      'cur',
      ['本年年末累计结余预算数'],
      [HEADER.closingBudget],
      '本年年末累计结余预算数',
      'budgeted year-end balance',
    ),
    amountColumn(
      'pct',
      ['预算数为上年预计数的%'],
      [HEADER.planPercent],
      '预算数为上年预计数的%',
      'budget / last year %',
      {
        optional: true,
      },
    ),
  ],
  mainRows: MAIN_ROWS,
};

export default template;
