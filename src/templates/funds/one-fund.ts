/**
 * The one-fund 收支预算表 (family `fund`, 表1): one fund's income and expenditure as two panels
 * side by side, 收入 | 支出, each `项目 | 2023年执行数 | 2024年预算数`, without codes; "×" where a
 * cell does not apply (sample: ningxia-2024-resident-medical-fund-budget.xlsx,
 * `二○二四年城乡居民基本医疗保险基金收支预算表`).
 *
 * The lines above 本年收入小计 / 本年支出小计 are the fund's own items (they differ from fund to fund:
 * 基本医疗保险费收入, 财政补贴收入 … / 待遇支出, 大病保险支出 …) and are summed by position (rule
 * FD2); the lines below are fixed and checked by the formulas FD1 (src/rules/funds/formulas.ts).
 */
import { ColumnSpec, TableTemplate } from '../types';
import { fixedRow, FUND_HEADER, fundTitles } from './common';

const label = (key: string, panel: 'income' | 'expense'): ColumnSpec => ({
  key,
  role: 'label',
  panel,
  labels: ['项目', panel === 'income' ? '收入项目' : '支出项目', panel === 'income' ? '收入' : '支出'],
  group: [panel === 'income' ? '收入' : '支出'],
  name: { zh: panel === 'income' ? '收入项目' : '支出项目', en: panel === 'income' ? 'income item' : 'expenditure item' },
});

const amounts = (panel: 'income' | 'expense'): ColumnSpec[] => {
  const p = panel === 'income' ? 'in' : 'ex';
  const zh = panel === 'income' ? '收入' : '支出';
  const en = panel === 'income' ? 'income' : 'expenditure';
  return [
    {
      key: `${p}Prev`,
      role: 'amount',
      panel,
      group: [zh],
      labels: ['上年执行数', '上年预计执行数', '执行数'],
      patterns: [FUND_HEADER.lastYear],
      name: { zh: `${zh}上年执行数`, en: `${en}, last year` },
      optional: true,
    },
    {
      key: `${p}Cur`,
      role: 'amount',
      panel,
      group: [zh],
      labels: ['本年预算数', '预算数'],
      patterns: [FUND_HEADER.budget],
      name: { zh: `${zh}预算数`, en: `${en}, budget` },
    },
  ];
};

const FIXED_ROWS = [
    fixedRow('incomeSubtotal', ['本年收入小计', '收入小计', '小计'], '本年收入小计', 'income of the year, subtotal', 'income'),
    fixedRow('fromAbove', ['上级补助收入'], '上级补助收入', 'subsidies from above', 'income', true),
    fixedRow('fromBelow', ['下级上解收入'], '下级上解收入', 'remittances from below', 'income', true),
    fixedRow('incomeTotal', ['本年收入合计', '收入合计'], '本年收入合计', 'income of the year', 'income'),
    fixedRow(
      'opening',
      ['上年结余', '上年结余收入', '上年滚存结余', '年初滚存结余', '年初累计结余', '年初结余'],
      '上年结余',
      'opening balance',
      'income',
    ),
    fixedRow('incomeGrand', ['总计', '收入总计'], '收入总计', 'income, grand total', 'income'),
    fixedRow('expenseSubtotal', ['本年支出小计', '支出小计', '小计'], '本年支出小计', 'expenditure of the year, subtotal', 'expense'),
    fixedRow('toBelow', ['补助下级支出'], '补助下级支出', 'subsidies to lower levels', 'expense', true),
    fixedRow('toAbove', ['上解上级支出'], '上解上级支出', 'remittances to above', 'expense', true),
    fixedRow('expenseTotal', ['本年支出合计', '支出合计'], '本年支出合计', 'expenditure of the year', 'expense'),
    fixedRow('surplus', ['本年收支结余', '本年结余', '当年收支结余'], '本年收支结余', 'surplus of the year', 'expense'),
    fixedRow(
      'closing',
      ['年末滚存结余', '年末累计结余', '年末结余'],
      '年末滚存结余',
      'closing balance',
      'expense',
    ),
    fixedRow('expenseGrand', ['总计', '支出总计'], '支出总计', 'expenditure, grand total', 'expense'),
];

const TITLES = fundTitles(['收支预算表', '预算收支表', '收支预算情况表', '收入支出预算表', '收支预算安排表']);

const template: TableTemplate = {
  id: 'fund.income-expense',
  table: 'fund.income-expense',
  family: 'fund',
  no: 1,
  title: '基金收支预算表',
  titles: TITLES,
  nameEn: 'One fund’s income and expenditure budget',
  layout: 'two-panel',
  numberRow: false,
  columns: [label('inLabel', 'income'), ...amounts('income'), label('exLabel', 'expense'), ...amounts('expense')],
  fixedRows: FIXED_ROWS,
};

/**
 * The same table with its panels stacked: `项目 | 2023年执行数 | 2024年预算数` once, the income lines
 * down to their 总计, then the expense lines (perhaps under `收入` / `支出` part headings).
 */
export const stacked: TableTemplate = {
  id: 'fund.income-expense.stacked',
  table: 'fund.income-expense',
  family: 'fund',
  no: 1,
  title: '基金收支预算表',
  titles: TITLES,
  nameEn: 'One fund’s income and expenditure budget',
  layout: 'fixed',
  numberRow: false,
  columns: [
    { key: 'label', role: 'label', labels: ['项目', '收支项目'], name: { zh: '项目', en: 'item' } },
    {
      key: 'prev',
      role: 'amount',
      labels: ['上年执行数', '上年预计执行数', '执行数'],
      patterns: [FUND_HEADER.lastYear],
      name: { zh: '上年执行数', en: 'last year' },
      optional: true,
    },
    {
      key: 'cur',
      role: 'amount',
      labels: ['本年预算数', '预算数'],
      patterns: [FUND_HEADER.budget],
      name: { zh: '预算数', en: 'budget' },
    },
  ],
  fixedRows: FIXED_ROWS,
};

export default template;
