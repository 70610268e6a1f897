/**
 * 表7 财政拨款“三公”经费支出决算表: one row, each kind of expense as a 预算数 | 决算数 pair under its
 * group header (合计, 因公出国（境）费, 公务用车购置及运行费 小计 / 购置费 / 运行费, 公务接待费).
 */
import { ColumnSpec, TableTemplate } from '../types';
import { amount, EMPTY_NOTE } from '../dept/common';

/** The 预算数 and 决算数 columns under one group header. */
function pair(key: string, group: string[], zh: string, en: string): ColumnSpec[] {
  return [
    amount(`${key}Budget`, undefined, ['预算数'], `${zh}预算数`, `${en} (budget)`, { group }),
    amount(`${key}Final`, undefined, ['决算数'], `${zh}决算数`, `${en} (final)`, { group }),
  ];
}

const template: TableTemplate = {
  id: 'final.t07',
  table: 'final.t07',
  family: 'final',
  no: 7,
  title: '财政拨款“三公”经费支出决算表',
  titles: ['财政拨款三公经费支出决算表', '一般公共预算财政拨款三公经费支出决算表', '三公经费支出决算表'],
  nameEn: '"Three public" expenses (final)',
  layout: 'fixed',
  numberRow: false,
  columns: [
    {
      key: 'label',
      role: 'label',
      labels: ['项目', '支出内容', ''],
      name: { zh: '项目', en: 'item' },
      optional: true,
    },
    ...pair('total', ['合计'], '合计', 'total'),
    ...pair('abroad', ['因公出国(境)费', '因公出国(境)费用'], '因公出国（境）费', 'travel abroad'),
    ...pair('vehicles', ['小计', '公务用车购置及运行费(小计)'], '公务用车购置及运行费', 'vehicles'),
    ...pair('purchase', ['公务用车购置费'], '公务用车购置费', 'vehicle purchase'),
    ...pair('running', ['公务用车运行费', '公务用车运行维护费'], '公务用车运行费', 'vehicle running'),
    ...pair('reception', ['公务接待费'], '公务接待费', 'official reception'),
  ],
  emptyNote: EMPTY_NOTE,
};

export default template;
