/** Building blocks of the 社会保险基金 templates: code and item columns, amount columns whose headers carry years. */
import { ColumnSpec } from '../types';
import { FUND_MAIN_ROW } from './funds';
import { headerRegex } from '../../recognize/measure';

/** A 结余 table's header may name the balance with the measure: `2023年年末累计结余预算调整数`. */
const BALANCE_SUBJECTS = ['年末累计结余', '年末滚存结余', '年末结余', '累计结余', '滚存结余'];

export const codeColumn = (key = 'code', panel?: 'income' | 'expense'): ColumnSpec => ({
  key,
  role: 'code',
  labels: ['科目编码', '科目代码', '编码', '代码', '功能分类科目编码'],
  name: { zh: '科目编码', en: 'code' },
  optional: true,
  ...(panel ? { panel, group: [panel === 'income' ? '收入' : '支出'] } : {}),
});

export const itemColumn = (key = 'name', panel?: 'income' | 'expense'): ColumnSpec => ({
  key,
  role: 'name',
  labels: ['项目', '科目名称', '项目名称', '名称', '预算科目', '收入项目', '支出项目'],
  name: { zh: '项目', en: 'item' },
  ...(panel ? { panel, group: [panel === 'income' ? '收入' : '支出'] } : {}),
});

export function amountColumn(
  key: string,
  labels: string[],
  patterns: RegExp[],
  zh: string,
  en: string,
  extra: Partial<ColumnSpec> = {},
): ColumnSpec {
  return { key, role: 'amount', labels, patterns, name: { zh, en }, ...extra };
}

const PCT = '(?:%|\\(%\\))';

/** Header patterns (matched on the normalised header: no spaces, half-width brackets). */
export const HEADER = {
  /** 2023年完成数, 上年完成数 (style (a)). */
  completed: /^(?:\d{4}年|上年)(?:完成数|决算数|预计完成数)$/,
  /** 2023年预计执行数 (style (b) plan tables and 平衡表). */
  estimated: /^(?:\d{4}年|上年)(?:预计执行数|执行数|预计完成数)$/,
  /** 2024年预算数. */
  budget: /^(?:\d{4}年|本年)(?:预算数|预算安排数)$/,
  /** 预算数为上年完成数的%, 预算数为上年预计执行数的%, 预算数为上年预计数的%. */
  planPercent: new RegExp(`^预算数?为上年.{0,8}的${PCT}$|^预算数?比上年(?:增长|增减)${PCT}$`),
  /** 2023年年末累计结余预计数. */
  closingEstimated: /^(?:\d{4}年|上年)年末(?:累计|滚存)?结余(?:预计数|预计执行数|决算数|执行数)?$/,
  /** 2024年年末累计结余预算数. */
  closingBudget: /^(?:\d{4}年|本年)年末(?:累计|滚存)?结余(?:预算数)?$/,
  /** 2023年预算调整数. */
  adjusted: headerRegex({ measures: ['budgetAdjustment', 'adjustedBudget'], subjects: BALANCE_SUBJECTS }),
  /** 2023年预计执行数 (execution tables). */
  executed: headerRegex({ measures: ['estimatedExecution', 'execution', 'estimate'], subjects: BALANCE_SUBJECTS }),
  /** 预计执行数为预算数的%. */
  execPercent: new RegExp(`^(?:预计)?执行数?为(?:调整)?预算数?的${PCT}$|^(?:预计)?完成(?:调整)?预算的?${PCT}$`),
};

/** Labels that always start a fund's own row (ending a run of 其中 rows). */
export const MAIN_ROWS = [FUND_MAIN_ROW];
