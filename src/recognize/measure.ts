/**
 * Header labels read as year + subject + measure (issue 12, item 4): `2023年执行数`,
 * `2024年预算数`, `2023年年末累计结余预算调整数`, `上年同期累计执行数`, `预算执行进度(%)` …
 * instead of one fixed string per column. Templates use `headerRegex` to accept every spelling
 * of the measures they mean; `parseHeaderLabel` says what a label means (for messages and tests).
 *
 * Labels are compared normalised (normalizeLabel: half-width, no spaces, `(%)` with ASCII brackets).
 */
import { normalizeLabel } from '../templates/types';

/** What a column measures. */
export type MeasureKey =
  /** 预算数, 预算安排数, 年初预算数. */
  | 'budget'
  /** 调整预算数, 调整后预算数 (the budget as adjusted). */
  | 'adjustedBudget'
  /** 预算调整数 (as the fund tables use it: the adjusted budget). */
  | 'budgetAdjustment'
  /** 预计数, 预计完成数. */
  | 'estimate'
  /** 预计执行数. */
  | 'estimatedExecution'
  /** 执行数. */
  | 'execution'
  /** 完成数. */
  | 'completed'
  /** 决算数. */
  | 'final'
  /** 当期 (执行数): this period (month, quarter). */
  | 'period'
  /** 累计 (执行数): from the start of the year. */
  | 'cumulative'
  /** 上年同期 (累计执行数): the same span of last year. */
  | 'lastYearSamePeriod'
  /** 预算执行进度(%), 执行进度, 完成预算的%. */
  | 'progress'
  /** 比上年同期增长(%), 同比增长%, 增长%. */
  | 'growth';

/** Words of each measure, longest first within a measure (normalised spellings). */
export const MEASURE_WORDS: Record<MeasureKey, string[]> = {
  budget: ['年初预算数', '预算安排数', '预算数'],
  adjustedBudget: ['调整后预算数', '调整预算数'],
  budgetAdjustment: ['预算调整数'],
  estimate: ['预计完成数', '预计数'],
  estimatedExecution: ['预计执行数'],
  execution: ['执行数'],
  completed: ['完成数'],
  final: ['决算数'],
  period: [
    '当期执行数',
    '本期执行数',
    '当月执行数',
    '本月执行数',
    '当季执行数',
    '本季执行数',
    '当期数',
    '本期数',
    '当期',
  ],
  cumulative: ['累计执行数', '累计完成数', '本年累计数', '本年累计', '累计数', '累计'],
  lastYearSamePeriod: [
    '上年同期累计执行数',
    '上年同期累计数',
    '上年同期执行数',
    '上年同期累计',
    '上年同期数',
    '上年同期',
  ],
  progress: ['预算执行进度', '执行进度', '预算完成进度', '完成预算的', '完成预算', '进度'],
  growth: [
    '比上年同期增长',
    '比上年同期增减',
    '较上年同期增长',
    '同比增长',
    '同比增减',
    '比上年增长',
    '增长率',
    '增长',
  ],
};

/** Which measures are percentages (their label may end in `%` or `(%)`). */
export const PERCENT_MEASURES: ReadonlySet<MeasureKey> = new Set(['progress', 'growth']);

/** What a header names besides the measure: the balance of the year end (结余 tables). */
export const SUBJECT_WORDS = [
  '年末累计结余',
  '年末滚存结余',
  '年末结余',
  '累计结余',
  '滚存结余',
  '期末余额',
  '期初余额',
  '年初余额',
  '年末余额',
];

export interface HeaderMeaning {
  /** The year printed (`2023年`), when one is. */
  year?: number;
  /** 上年 / 本年 / 当年 instead of a year. */
  yearWord?: string;
  /** `年末累计结余` … when the label names the balance it measures. */
  subject?: string;
  measure: MeasureKey;
  /** The label ends in % or (%) (or the measure is a percentage). */
  percent: boolean;
}

const YEAR = /^(?:(\d{4})年度?|(上年|本年|当年|今年))/;
const PERCENT_TAIL = /(?:\(%\)|%|\(百分比\))$/;

const ALL_WORDS: [string, MeasureKey][] = (Object.entries(MEASURE_WORDS) as [MeasureKey, string[]][])
  .flatMap(([k, ws]) => ws.map((w) => [w, k] as [string, MeasureKey]))
  .sort((a, b) => b[0].length - a[0].length);

/**
 * Reads a header label as [year] [subject] measure [%]: `2023年年末累计结余预算调整数` →
 * { year: 2023, subject: '年末累计结余', measure: 'budgetAdjustment' }. Undefined when the label is
 * not (only) a measure (`项目`, `合计`, `基本支出`).
 */
export function parseHeaderLabel(label: string): HeaderMeaning | undefined {
  let n = normalizeLabel(label);
  let percent = false;
  if (PERCENT_TAIL.test(n)) {
    percent = true;
    n = n.replace(PERCENT_TAIL, '');
  }
  const out: Partial<HeaderMeaning> = {};
  const y = YEAR.exec(n);
  // `上年同期…` is a measure, not the year word 上年.
  if (y && !(y[2] === '上年' && n.startsWith('上年同期'))) {
    if (y[1]) out.year = Number(y[1]);
    else out.yearWord = y[2];
    n = n.slice(y[0].length);
  }
  for (const s of SUBJECT_WORDS) {
    if (n.startsWith(s)) {
      out.subject = s;
      n = n.slice(s.length);
      break;
    }
  }
  if (!n && out.subject) {
    // `2024年年末累计结余` alone: the balance itself (a budget or an estimate, by the table).
    return { ...out, measure: 'budget', percent } as HeaderMeaning;
  }
  const hit = ALL_WORDS.find(([w]) => n === w);
  if (!hit) return undefined;
  return { ...out, measure: hit[1], percent: percent || PERCENT_MEASURES.has(hit[1]) } as HeaderMeaning;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface HeaderRegexOptions {
  measures: readonly MeasureKey[];
  /** Whether a year (or 上年/本年) may, must or must not precede (default: may). */
  year?: 'may' | 'must' | 'never';
  /** Subjects the label may name (`年末累计结余`); 'none' (default) accepts none, 'any' any of SUBJECT_WORDS. */
  subjects?: 'none' | 'any' | readonly string[];
  /** A trailing % / (%) allowed (default: for percentage measures). */
  percent?: boolean;
}

/**
 * A RegExp over normalised labels accepting [year][subject]measure[%], for a ColumnSpec's
 * `patterns` (so that packs and JSON keep a plain regular expression).
 */
export function headerRegex(o: HeaderRegexOptions): RegExp {
  const year = '(?:\\d{4}年度?|上年|本年|当年|今年)';
  const yearPart = o.year === 'never' ? '' : o.year === 'must' ? year : `${year}?`;
  const subjects = o.subjects === 'any' ? SUBJECT_WORDS : o.subjects === 'none' || !o.subjects ? [] : o.subjects;
  const subjectPart = subjects.length ? `(?:${subjects.map(esc).join('|')})?` : '';
  const words = o.measures.flatMap((m) => MEASURE_WORDS[m]).sort((a, b) => b.length - a.length);
  const pct = o.percent ?? o.measures.some((m) => PERCENT_MEASURES.has(m));
  const tail = pct ? '(?:\\(%\\)|%)?' : '';
  return new RegExp(`^${yearPart}${subjectPart}(?:${words.map(esc).join('|')})${tail}$`);
}
