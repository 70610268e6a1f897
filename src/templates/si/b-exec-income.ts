/** Style (b) 社会保险基金预算收入执行情况表: 项目 | 上年预算调整数 | 预计执行数 | 预计执行数为预算数的%, usually without codes. */
import { TableTemplate } from '../types';
import { amountColumn, codeColumn, HEADER, itemColumn, MAIN_ROWS } from './common';

const template: TableTemplate = {
  id: 'si.b.exec.income',
  table: 'si.exec.income',
  family: 'si',
  no: 2,
  title: '社会保险基金预算收入执行情况表',
  titles: ['社会保险基金预算收入执行情况表', '社会保险基金收入执行情况表'],
  nameEn: 'Social insurance fund income outturn',
  layout: 'itemized',
  numberRow: false,
  columns: [
    codeColumn(),
    itemColumn(),
    amountColumn('budget', ['上年预算调整数', '预算调整数'], [HEADER.adjusted], '上年预算调整数', 'adjusted budget'),
    amountColumn('actual', ['上年预计执行数', '预计执行数'], [HEADER.executed], '预计执行数', 'estimated outturn'),
    amountColumn(
      'pct',
      ['预计执行数为预算数的%'],
      [HEADER.execPercent],
      '预计执行数为预算数的%',
      'outturn / budget %',
      {
        optional: true,
      },
    ),
  ],
  mainRows: MAIN_ROWS,
};

export default template;
