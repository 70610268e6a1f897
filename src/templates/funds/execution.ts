/**
 * The 社会保险基金 quarterly / cumulative execution table (family `fund`, 表2): the funds' income,
 * expenditure and balances of a period, amounts usually in 元.
 *
 *   项目 | 预算数 | 当期执行数 | 累计执行数 | 上年同期累计执行数 | 预算执行进度(%) | 比上年同期增长(%)
 *   一、基金收入  (合计, then one line per fund)
 *   二、基金支出  (合计, then one line per fund)
 *   三、期初余额  (合计, then one line per fund)
 *   四、期末余额  (合计, then one line per fund)
 *
 * Only the part lines are fixed rows: the fund lines repeat in each part, in any order, and are
 * read by position (the part above them) and by the fund they name (src/rules/funds/execution.ts).
 * Identities: FD8 each part = Σ its fund lines; FD9 期末 = 期初 + 收入 − 支出 for the parts (an
 * audit formula) and FD12 for each fund; FD10 进度 = 累计 ÷ 预算 (an audit formula); FD11 增长 =
 * (累计 − 上年同期) ÷ 上年同期.
 * Sample title: `2024年1-9月社会保险基金收支执行情况表`, `2024年第三季度城乡居民基本医疗保险基金预算执行情况表`.
 */
import { ColumnSpec, FixedRowSpec, TableTemplate } from '../types';
import { fixedRow, FUND_HEADER, fundTitles } from './common';

/** The parts of the table: key prefix, part-total labels, names. */
export const EXEC_PARTS = [
  { part: 'income', total: ['基金收入', '基金收入合计', '收入合计', '收入'], zh: '基金收入', en: 'income' },
  { part: 'expense', total: ['基金支出', '基金支出合计', '支出合计', '支出'], zh: '基金支出', en: 'expenditure' },
  {
    part: 'opening',
    total: ['期初余额', '期初滚存结余', '年初滚存结余', '期初结余'],
    zh: '期初余额',
    en: 'opening balance',
  },
  {
    part: 'closing',
    total: ['期末余额', '期末滚存结余', '期末结余'],
    zh: '期末余额',
    en: 'closing balance',
  },
] as const;

const rows: FixedRowSpec[] = EXEC_PARTS.map((p) => fixedRow(`${p.part}Total`, [...p.total], p.zh, p.en, undefined));

const money = (
  key: string,
  labels: string[],
  pattern: RegExp,
  zh: string,
  en: string,
  optional = false,
): ColumnSpec => ({
  key,
  role: 'amount',
  labels,
  patterns: [pattern],
  name: { zh, en },
  ...(optional ? { optional } : {}),
});

const template: TableTemplate = {
  id: 'fund.execution',
  table: 'fund.execution',
  family: 'fund',
  no: 2,
  title: '社会保险基金收支执行情况表',
  titles: [
    '社会保险基金收支执行情况表',
    '社会保险基金预算收支执行情况表',
    '社会保险基金收支预算执行情况表',
    '社会保险基金预算执行情况表',
    ...fundTitles(['收支执行情况表', '预算执行情况表', '收支预算执行情况表', '预算收支执行情况表']),
  ],
  nameEn: 'Social insurance fund execution (quarterly, cumulative)',
  layout: 'fixed',
  numberRow: false,
  columns: [
    { key: 'label', role: 'label', labels: ['项目', '项目名称', '险种'], name: { zh: '项目', en: 'item' } },
    money('budget', ['预算数', '年初预算数', '调整预算数'], FUND_HEADER.budget, '预算数', 'budget'),
    money('period', ['当期执行数', '当期', '本期执行数'], FUND_HEADER.period, '当期执行数', 'this period', true),
    money('cumulative', ['累计执行数', '累计'], FUND_HEADER.cumulative, '累计执行数', 'year to date'),
    money(
      'lastYear',
      ['上年同期累计执行数', '上年同期'],
      FUND_HEADER.lastYearSame,
      '上年同期累计执行数',
      'same period last year',
      true,
    ),
    money(
      'progress',
      ['预算执行进度(%)', '预算执行进度'],
      FUND_HEADER.progress,
      '预算执行进度',
      'budget progress %',
      true,
    ),
    money(
      'growth',
      ['比上年同期增长(%)', '比上年同期增长'],
      FUND_HEADER.growth,
      '比上年同期增长',
      'growth on last year %',
      true,
    ),
  ],
  fixedRows: rows,
};

export default template;
