/**
 * 表6 一般公共预算财政拨款基本支出决算表: two coded panels side by side, 人员经费 (301, 303) and
 * 公用经费 (302, 310), each 经济分类科目编码 类 | 款 | 科目名称 | 决算数, closed by 人员经费合计 / 公用经费合计.
 */
import { ColumnSpec, TableTemplate } from '../types';
import { amount, EMPTY_NOTE } from '../dept/common';

function panelColumns(panel: 'income' | 'expense', group: string[], p: string): ColumnSpec[] {
  return [
    { key: `${p}Lei`, role: 'code-lei', panel, labels: ['类'], group, name: { zh: '类', en: 'class' }, optional: true },
    {
      key: `${p}Kuan`,
      role: 'code-kuan',
      panel,
      labels: ['款'],
      group,
      name: { zh: '款', en: 'section' },
      optional: true,
    },
    {
      key: `${p}Code`,
      role: 'code',
      panel,
      labels: ['经济分类科目编码', '科目编码', '编码'],
      group,
      name: { zh: '科目编码', en: 'code' },
      optional: true,
    },
    {
      key: `${p}Name`,
      role: 'name',
      panel,
      labels: ['科目名称', '经济分类科目名称', '项目'],
      group,
      name: { zh: '科目名称', en: 'name' },
    },
  ];
}

const PERSONNEL = ['人员经费'];
const PUBLIC = ['公用经费'];

const template: TableTemplate = {
  id: 'final.t06',
  table: 'final.t06',
  family: 'final',
  no: 6,
  title: '一般公共预算财政拨款基本支出决算表',
  titles: ['一般公共预算财政拨款基本支出决算表', '一般公共预算财政拨款基本支出决算明细表'],
  nameEn: 'General budget basic expenditure (final accounts)',
  layout: 'coded-panels',
  codeKind: 'economic',
  numberRow: false,
  columns: [
    ...panelColumns('income', PERSONNEL, 'in'),
    amount('inAmount', undefined, ['决算数', '金额'], '人员经费决算数', 'personnel', {
      panel: 'income',
      group: PERSONNEL,
    }),
    ...panelColumns('expense', PUBLIC, 'ex'),
    amount('exAmount', undefined, ['决算数', '金额'], '公用经费决算数', 'public expenses', {
      panel: 'expense',
      group: PUBLIC,
    }),
  ],
  emptyNote: EMPTY_NOTE,
};

export default template;
