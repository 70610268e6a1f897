/**
 * Building blocks of the fund forms beyond the two 社会保险基金 styles (family `fund`, issue 12):
 * the funds' names as printed in titles, and header patterns read as year + measure.
 */
import { headerRegex } from '../../recognize/measure';
import { FixedRowSpec } from '../types';

/**
 * The fund names a one-fund title starts with (after its region and year): the seven 社会保险基金
 * and their usual shorter spellings. The longest match wins, so 城乡居民基本医疗保险基金 and
 * 基本医疗保险基金 are one form.
 */
export const FUND_TITLE_STEMS = [
  '城乡居民基本医疗保险基金',
  '职工基本医疗保险基金',
  '基本医疗保险基金',
  '医疗保险基金',
  '企业职工基本养老保险基金',
  '机关事业单位基本养老保险基金',
  '城乡居民基本养老保险基金',
  '基本养老保险基金',
  '养老保险基金',
  '工伤保险基金',
  '失业保险基金',
  '生育保险基金',
];

/** Every `<fund><suffix>` title. */
export function fundTitles(suffixes: readonly string[]): string[] {
  return FUND_TITLE_STEMS.flatMap((f) => suffixes.map((s) => `${f}${s}`));
}

/** Header patterns of the fund forms (normalised labels). */
export const FUND_HEADER = {
  /** 2023年执行数, 上年预计执行数, 2023年完成数, 2023年决算数, 2023年预计数. */
  lastYear: headerRegex({
    measures: ['execution', 'estimatedExecution', 'estimate', 'completed', 'final'],
    year: 'may',
  }),
  /** 2024年预算数, 本年预算数, 预算数. */
  budget: headerRegex({ measures: ['budget'], year: 'may' }),
  /** 调整预算数, 2024年预算调整数. */
  adjusted: headerRegex({ measures: ['adjustedBudget', 'budgetAdjustment'], year: 'may' }),
  /** 2023年决算数. */
  final: headerRegex({ measures: ['final'], year: 'may' }),
  period: headerRegex({ measures: ['period'], year: 'may' }),
  cumulative: headerRegex({ measures: ['cumulative'], year: 'may' }),
  lastYearSame: headerRegex({ measures: ['lastYearSamePeriod'], year: 'never' }),
  progress: headerRegex({ measures: ['progress'], year: 'never' }),
  growth: headerRegex({ measures: ['growth'], year: 'never' }),
};

export function fixedRow(
  key: string,
  labels: string[],
  zh: string,
  en: string,
  panel: 'income' | 'expense' | undefined,
  optional = false,
): FixedRowSpec {
  return { key, labels, name: { zh, en }, ...(panel ? { panel } : {}), ...(optional ? { optional } : {}) };
}
