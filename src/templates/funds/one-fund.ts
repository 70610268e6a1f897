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
  name: {
    zh: panel === 'income' ? '收入项目' : '支出项目',
    en: panel === 'income' ? 'income item' : 'expenditure item',
  },
});

/** The two amount columns of a panel: `prev` (last year, or the budget of a 决算) and `cur`. */
interface MeasureColumns {
  prev: { labels: string[]; pattern: RegExp; zh: string; en: string };
  cur: { labels: string[]; pattern: RegExp; zh: string; en: string };
}

const BUDGET_FORM: MeasureColumns = {
  prev: {
    labels: ['上年执行数', '上年预计执行数', '执行数'],
    pattern: FUND_HEADER.lastYear,
    zh: '上年执行数',
    en: 'last year',
  },
  cur: { labels: ['本年预算数', '预算数'], pattern: FUND_HEADER.budget, zh: '预算数', en: 'budget' },
};

const FINAL_FORM: MeasureColumns = {
  prev: {
    labels: ['预算数', '调整预算数', '年初预算数'],
    pattern: new RegExp(`${FUND_HEADER.budget.source}|${FUND_HEADER.adjusted.source}`),
    zh: '预算数',
    en: 'budget',
  },
  cur: { labels: ['决算数', '本年决算数'], pattern: FUND_HEADER.final, zh: '决算数', en: 'final accounts' },
};

const amounts = (panel: 'income' | 'expense', m: MeasureColumns): ColumnSpec[] => {
  const p = panel === 'income' ? 'in' : 'ex';
  const zh = panel === 'income' ? '收入' : '支出';
  const en = panel === 'income' ? 'income' : 'expenditure';
  return [
    {
      key: `${p}Prev`,
      role: 'amount',
      panel,
      group: [zh],
      labels: m.prev.labels,
      patterns: [m.prev.pattern],
      name: { zh: `${zh}${m.prev.zh}`, en: `${en}, ${m.prev.en}` },
      optional: true,
    },
    {
      key: `${p}Cur`,
      role: 'amount',
      panel,
      group: [zh],
      labels: m.cur.labels,
      patterns: [m.cur.pattern],
      name: { zh: `${zh}${m.cur.zh}`, en: `${en}, ${m.cur.en}` },
    },
  ];
};

const FIXED_ROWS = [
  fixedRow(
    'incomeSubtotal',
    ['本年收入小计', '收入小计', '小计'],
    '本年收入小计',
    'income of the year, subtotal',
    'income',
  ),
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
  fixedRow(
    'expenseSubtotal',
    ['本年支出小计', '支出小计', '小计'],
    '本年支出小计',
    'expenditure of the year, subtotal',
    'expense',
  ),
  fixedRow('toBelow', ['补助下级支出'], '补助下级支出', 'subsidies to lower levels', 'expense', true),
  fixedRow('toAbove', ['上解上级支出'], '上解上级支出', 'remittances to above', 'expense', true),
  fixedRow('expenseTotal', ['本年支出合计', '支出合计'], '本年支出合计', 'expenditure of the year', 'expense'),
  fixedRow('surplus', ['本年收支结余', '本年结余', '当年收支结余'], '本年收支结余', 'surplus of the year', 'expense'),
  fixedRow('closing', ['年末滚存结余', '年末累计结余', '年末结余'], '年末滚存结余', 'closing balance', 'expense'),
  fixedRow('expenseGrand', ['总计', '支出总计'], '支出总计', 'expenditure, grand total', 'expense'),
];

/** The form as printed (two panels side by side) and its stacked twin, for one table id. */
function oneFundForms(o: {
  id: string;
  no: number;
  title: string;
  titles: string[];
  nameEn: string;
  measures: MeasureColumns;
}): [TableTemplate, TableTemplate] {
  const base = { table: o.id, family: 'fund' as const, no: o.no, title: o.title, titles: o.titles, nameEn: o.nameEn };
  const m = o.measures;
  return [
    {
      ...base,
      id: o.id,
      layout: 'two-panel',
      numberRow: false,
      columns: [
        label('inLabel', 'income'),
        ...amounts('income', m),
        label('exLabel', 'expense'),
        ...amounts('expense', m),
      ],
      fixedRows: FIXED_ROWS,
    },
    {
      // The panels stacked: `项目 | 2023年执行数 | 2024年预算数` once, the income lines down to their
      // 总计, then the expense lines (perhaps under `收入` / `支出` part headings).
      ...base,
      id: `${o.id}.stacked`,
      layout: 'fixed',
      numberRow: false,
      columns: [
        { key: 'label', role: 'label', labels: ['项目', '收支项目'], name: { zh: '项目', en: 'item' } },
        {
          key: 'prev',
          role: 'amount',
          labels: m.prev.labels,
          patterns: [m.prev.pattern],
          name: { zh: m.prev.zh, en: m.prev.en },
          optional: true,
        },
        {
          key: 'cur',
          role: 'amount',
          labels: m.cur.labels,
          patterns: [m.cur.pattern],
          name: { zh: m.cur.zh, en: m.cur.en },
        },
      ],
      fixedRows: FIXED_ROWS,
    },
  ];
}

/** 表1 the one-fund 收支预算表: `2023年执行数 | 2024年预算数`. */
export const [oneFund, stacked] = oneFundForms({
  id: 'fund.income-expense',
  no: 1,
  title: '基金收支预算表',
  titles: fundTitles(['收支预算表', '预算收支表', '收支预算情况表', '收入支出预算表', '收支预算安排表']),
  nameEn: 'One fund’s income and expenditure budget',
  measures: BUDGET_FORM,
});

/**
 * 表3 the one-fund 收支决算表 (a 决算 annex): the same lines, `2023年预算数 | 2023年决算数` (the
 * 预算数 column may be left out). Its two columns are one year: no opening-to-closing check between them.
 */
export const [oneFundFinal, oneFundFinalStacked] = oneFundForms({
  id: 'fund.final',
  no: 3,
  title: '基金收支决算表',
  titles: fundTitles(['收支决算表', '决算收支表', '收入支出决算表', '收支决算情况表']),
  nameEn: 'One fund’s income and expenditure, final accounts',
  measures: FINAL_FORM,
});

export default oneFund;
