/** Style (b) 社会保险基金预算结余执行情况表: 项目 | 上年预算调整数 | 预计执行数 | 预计执行数为预算数的%, usually without codes. */
import { TableTemplate } from '../types';
import { amountColumn, codeColumn, HEADER, itemColumn, MAIN_ROWS } from './common';

const template: TableTemplate = {
  id: 'si.b.exec.balance',
  table: 'si.exec.balance',
  family: 'si',
  no: 4,
  title: '社会保险基金预算结余执行情况表',
  titles: [
    '社会保险基金预算结余执行情况表',
    '社会保险基金预算结余情况表',
    '社会保险基金结余执行情况表',
    '社会保险基金结余情况表',
  ],
  nameEn: 'Social insurance fund balance outturn',
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
