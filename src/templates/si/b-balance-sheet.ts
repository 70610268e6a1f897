/**
 * Style (b) 表一 社会保险基金预算执行情况和预算安排平衡表: two coded panels side by side.
 * 收入: 10201…10212, 102, 11008 上年结余收入, 11017 上级补助收入, 11018 下级上解收入, 收入总计;
 * 支出: 20901…20912, 209, 23009 年终结余, 23018 补助下级支出, 23019 上解上级支出, 支出总计;
 * each with 上年预计执行数 | 本年预算数.
 */
import { TableTemplate } from '../types';
import { amountColumn, codeColumn, HEADER, itemColumn } from './common';

const template: TableTemplate = {
  id: 'si.b.balance-sheet',
  table: 'si.balanceSheet',
  family: 'si',
  no: 1,
  title: '社会保险基金预算执行情况和预算安排平衡表',
  titles: [
    '社会保险基金预算执行情况和预算安排平衡表',
    '社会保险基金预算安排平衡表',
    '社会保险基金预算收支平衡表',
    '社会保险基金收支平衡表',
    '社会保险基金预算平衡表',
  ],
  nameEn: 'Social insurance fund balance sheet',
  layout: 'coded-panels',
  numberRow: false,
  columns: [
    codeColumn('inCode', 'income'),
    itemColumn('inName', 'income'),
    amountColumn('inPrev', ['上年预计执行数'], [HEADER.estimated], '上年预计执行数', 'last year (estimate)', {
      panel: 'income',
      group: ['收入'],
    }),
    amountColumn('inCur', ['本年预算数', '预算数'], [HEADER.budget], '本年预算数', 'budget', {
      panel: 'income',
      group: ['收入'],
    }),
    codeColumn('exCode', 'expense'),
    itemColumn('exName', 'expense'),
    amountColumn('exPrev', ['上年预计执行数'], [HEADER.estimated], '上年预计执行数', 'last year (estimate)', {
      panel: 'expense',
      group: ['支出'],
    }),
    amountColumn('exCur', ['本年预算数', '预算数'], [HEADER.budget], '本年预算数', 'budget', {
      panel: 'expense',
      group: ['支出'],
    }),
  ],
};

export default template;
